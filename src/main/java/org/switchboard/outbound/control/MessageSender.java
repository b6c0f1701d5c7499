package org.switchboard.outbound.control;

import org.switchboard.conversations.entity.Message;

/**
 * Sends one message of one kind of channel. The queue calls {@link #prepare} inside the claim's
 * transaction (read the message, its thread, the channel's settings; fix ids that must stay the
 * same on every retry), then runs the returned {@link Attempt} outside any transaction.
 */
public interface MessageSender {

    /** The channel kind this sender serves. */
    String kind();

    /**
     * Everything the attempt needs, read now; the attempt itself must not touch the database.
     *
     * @throws PermanentFailure when the message can never go (no address, channel not set up to send)
     */
    Attempt prepare(Message message);

    /** One try at the provider. */
    @FunctionalInterface
    interface Attempt {
        SendOutcome send();
    }
}
