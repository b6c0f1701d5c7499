package org.switchboard.inbound.control;

import org.switchboard.channels.entity.Channel;

/**
 * A kind's own automation that answers a message in the transaction that takes it in — a chat
 * bot — and may keep the ticket from routing until it hands the conversation to a person. One bean
 * per kind at most, found by CDI and matched by {@link #kind()}; shared code names no kind. Because
 * it runs in the same transaction, a crash loses neither the message nor the automation's answer,
 * and a message taken in twice (a resend) is never answered twice: {@link #taken} is not called for duplicates.
 */
public interface IntakeAutomation {

    /** The channel kind it automates, as stored on channels. */
    String kind();

    /**
     * Called after a new message was stored (never for duplicates or ignored messages).
     *
     * @return the outcome to go on with: the same, or with {@code needsRouting} changed (held while the automation talks, set at its handoff)
     */
    IntakeResult taken(Channel channel, InboundMessage message, IntakeResult result);

    /**
     * Called when a later item is about a message taken in before — a call's next event (answer,
     * hangup) names the call its first event made a message of. Never called for a repeat of the
     * same item. By default nothing happens: for most kinds it is a resend.
     */
    default IntakeResult again(Channel channel, InboundMessage message, IntakeResult result) {
        return result;
    }

    /**
     * Before a batch of the channel's messages is taken in: read in a few queries what {@link #taken}
     * and {@link #again} will look up for them (a batch's calls), so no query runs between messages.
     */
    default void preload(Channel channel, java.util.List<InboundMessage> batch) {
    }
}
