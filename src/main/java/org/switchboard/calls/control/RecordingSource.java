package org.switchboard.calls.control;

import java.io.IOException;

import org.switchboard.channels.entity.Channel;

/**
 * Where a calling kind's recordings are fetched from, with the channel's credentials (Twilio keeps a
 * voicemail at its API, behind the account's key). One bean per kind that records, matched by
 * {@link #kind()}.
 */
public interface RecordingSource {

    String kind();

    /**
     * @throws IOException              the provider could not be reached or answered an error worth trying again
     * @throws IllegalArgumentException the URL is not one of this provider's (never fetched: a webhook could name any address)
     */
    Recording fetch(Channel channel, String url) throws IOException;

    /** The recording's bytes as the provider served them. */
    record Recording(String contentType, byte[] content) {
    }
}
