package org.switchboard.channels.form.control;

/** Why a submission was refused; counted per form and shown on the channel, each with its message to the visitor. */
public enum Refusal {
    /** The field people cannot see was filled: a bot. */
    HONEYPOT,
    /** No token, or one this server did not sign for this form. */
    FORGED,
    /** Sent faster than a person fills the form. */
    TOO_FAST,
    /** The page was rendered too long ago. */
    EXPIRED,
    RATE_ADDRESS,
    RATE_FORM,
    /** Posted from a site the form's allow-list does not name. */
    ORIGIN;

    /** The HTTP status the visitor's browser gets. */
    public int status() {
        return switch (this) {
            case RATE_ADDRESS, RATE_FORM -> 429;
            case ORIGIN -> 403;
            default -> 400;
        };
    }
}
