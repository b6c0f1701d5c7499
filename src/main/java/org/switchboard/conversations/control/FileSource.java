package org.switchboard.conversations.control;

import java.io.IOException;

import org.switchboard.channels.entity.Channel;

/**
 * Seam: fetching a file a message names but does not carry, with the channel's credentials (WhatsApp's
 * media by id). One per channel kind that names files this way; {@link RemoteFiles} calls it outside any
 * transaction and keeps what it answers as an attachment of the message.
 */
public interface FileSource {

    /** The channel kind whose files this fetches. */
    String kind();

    /**
     * @throws IOException      the provider could not be reached or answered with a passing error: tried again later
     * @throws NotFetchable     the file will never come (gone, refused, too large): given up at once, the reason kept
     */
    Fetched fetch(Channel channel, String reference) throws IOException;

    /** @param filename the provider's name for it, or null (then the message's own) */
    record Fetched(String filename, String contentType, byte[] content) {
    }

    /** A fetch that trying again cannot mend. */
    class NotFetchable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NotFetchable(String reason) {
            super(reason);
        }
    }
}
