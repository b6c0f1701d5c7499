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

    /** A source's HTTP download, answering something with a status. */
    @FunctionalInterface
    interface Download<T> {
        T get() throws IOException, InterruptedException;
    }

    /**
     * Runs a source's download and ends it the way this seam wants: a host or size the source refuses
     * ({@link IllegalArgumentException}) or an answer in {@code gone} (the file or its link is no more)
     * will never mend ({@link NotFetchable}); any other answer but 200 is tried again ({@link IOException}).
     */
    static <T> T download(String provider, java.util.Set<Integer> gone, Download<T> call, java.util.function.ToIntFunction<T> status)
            throws IOException {
        T answer;
        try {
            answer = call.get();
        } catch (IllegalArgumentException refused) {
            throw new NotFetchable(refused.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", interrupted);
        }
        int code = status.applyAsInt(answer);
        if (gone.contains(code)) {
            throw new NotFetchable(provider + " no longer has this file (HTTP " + code + ")");
        }
        if (code != 200) {
            throw new IOException(provider + " answered HTTP " + code + " for the file");
        }
        return answer;
    }

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
