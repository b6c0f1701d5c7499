package org.switchboard.channels.twilio.control;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.switchboard.calls.control.RecordingSource;
import org.switchboard.channels.entity.Channel;

/** Voicemails kept at Twilio, fetched as MP3 with the channel's account (only from Twilio's API host). */
@ApplicationScoped
public class TwilioRecordings implements RecordingSource {

    @Inject
    TwilioChannelService channels;

    @Inject
    TwilioApi api;

    @Override
    public String kind() {
        return TwilioConnector.KIND;
    }

    @Override
    public Recording fetch(Channel channel, String url) throws IOException {
        TwilioChannelService.Receiver account = channels.account(channel.getId())
                .orElseThrow(() -> new IllegalArgumentException("Channel " + channel.getName() + " has no Twilio account"));
        TwilioApi.RecordingBytes bytes = api.recording(account.settings().accountSid(), account.authToken(), url);
        return new Recording(bytes.contentType(), bytes.content());
    }
}
