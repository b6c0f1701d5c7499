package org.switchboard.inbound.control;

import org.switchboard.channels.entity.Channel;

/**
 * A journaled item that is news about what is here rather than a message: a delivery status, a
 * read watermark. It is journaled raw like a message and applied in the processing transaction,
 * so a status is never lost between receipt and effect. One bean per content type, found by CDI;
 * shared code names no kind.
 */
public interface InboundUpdate {

    /** The content type such items are journaled with. */
    String contentType();

    /**
     * Applies the update in the caller's transaction.
     *
     * @return a note kept on the item: what it changed, or why nothing
     * @throws InvalidPayloadException when it can never apply (the item is quarantined with the reason)
     * @throws NotYet when what it is about is not here yet, e.g. a provider's status that overtook the
     *         commit of our own send: the item is tried again with the pipeline's backoff
     */
    String apply(Channel channel, byte[] payload);

    /** What the update is about is not here yet; trying again later may find it. */
    final class NotYet extends RuntimeException {

        public NotYet(String reason) {
            super(reason, null, false, false);
        }
    }
}
