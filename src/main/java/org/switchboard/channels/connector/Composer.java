package org.switchboard.channels.connector;

/**
 * What the reply box shows for a channel: the sender line the contact will see, a preview of the
 * signature, and a notice (e.g. what the channel cannot carry, or how long the provider's reply
 * window stays open). Null fields are not shown. {@code closed}: no free-text reply can go now (the
 * notice says why); the box is shown disabled. {@code templates}: what may go instead (a provider's
 * approved templates), offered with the closed box. {@code quotes}: a reply may quote one of the
 * customer's messages, which the provider shows above it (WhatsApp's {@code context}).
 */
public record Composer(String fromLine, String signaturePreview, String notice, boolean closed, java.util.List<ReplyTemplate> templates,
                       boolean quotes) {

    public static final Composer PLAIN = new Composer(null, null, null, false);

    public Composer {
        templates = templates == null ? java.util.List.of() : java.util.List.copyOf(templates);
    }

    public Composer(String fromLine, String signaturePreview, String notice) {
        this(fromLine, signaturePreview, notice, false);
    }

    public Composer(String fromLine, String signaturePreview, String notice, boolean closed) {
        this(fromLine, signaturePreview, notice, closed, java.util.List.of());
    }

    public Composer(String fromLine, String signaturePreview, String notice, boolean closed, java.util.List<ReplyTemplate> templates) {
        this(fromLine, signaturePreview, notice, closed, templates, false);
    }

    /** The same reply box, where a reply may quote a message of the customer's. */
    public Composer quoting() {
        return new Composer(fromLine, signaturePreview, notice, closed, templates, true);
    }
}
