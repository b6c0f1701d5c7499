package org.switchboard.channels.chat.control;

/** A visitor the channel will not chat with, and why (the widget says it in the visitor's language). */
public class VisitorRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The host site's hash does not match the user id under the channel's identity secret. */
        IDENTITY_NOT_VERIFIED,
        /** The channel chats only with users the host site has verified. */
        VERIFIED_IDENTITY_REQUIRED
    }

    private final Reason reason;

    public VisitorRefused(Reason reason) {
        super(switch (reason) {
            case IDENTITY_NOT_VERIFIED -> "The user's hash does not match their id under the channel's identity secret";
            case VERIFIED_IDENTITY_REQUIRED -> "This chat is only for signed-in users of the site";
        });
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
