package org.switchboard.channels.connector;

/**
 * What the reply box shows for a channel: the sender line the contact will see, a preview of the
 * signature, and a notice (e.g. what the channel cannot carry). Null fields are not shown.
 */
public record Composer(String fromLine, String signaturePreview, String notice) {

    public static final Composer PLAIN = new Composer(null, null, null);
}
