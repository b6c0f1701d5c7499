package org.switchboard.channels.twilio.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.switchboard.calls.control.CallLog;
import org.switchboard.channels.entity.Channel;
import org.switchboard.inbound.control.InboundMessage;
import org.switchboard.inbound.control.IntakeAutomation;
import org.switchboard.inbound.control.IntakeResult;

/** Each Twilio event — the first of its call or a later one — moves its call on, in the transaction that takes it in. */
@ApplicationScoped
public class TwilioIntake implements IntakeAutomation {

    @Inject
    CallLog calls;

    @Override
    public String kind() {
        return TwilioConnector.KIND;
    }

    @Override
    public IntakeResult taken(Channel channel, InboundMessage message, IntakeResult result) {
        return apply(channel, message, result);
    }

    @Override
    public IntakeResult again(Channel channel, InboundMessage message, IntakeResult result) {
        return apply(channel, message, result);
    }

    @Override
    public void preload(Channel channel, java.util.List<InboundMessage> batch) {
        calls.preload(channel, batch);
    }

    private IntakeResult apply(Channel channel, InboundMessage message, IntakeResult result) {
        TwilioSettings settings = TwilioChannelService.settingsOf(channel);
        return calls.apply(channel, message, result, settings.giveUpAfter(), settings.country());
    }
}
