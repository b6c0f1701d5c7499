package org.switchboard.channels.email.control;

import org.switchboard.channels.connector.TypedSettings;

/**
 * An {@link EmailAccount} as the JSON in {@code channels.type_settings}, through JSON-B
 * ({@link TypedSettings}); fields that settings written by hand may lack get the defaults the
 * connect screen would have chosen.
 */
public final class EmailAccountJson {

    private EmailAccountJson() {
    }

    public static String write(EmailAccount account) {
        return TypedSettings.write(account);
    }

    /** Like {@link #read}, but an unreadable account counts as none: for looking across channels, or replacing it. */
    public static EmailAccount readIfValid(String text) {
        try {
            return read(text);
        } catch (IllegalStateException unreadable) {
            return null;
        }
    }

    /** The stored account, null when none; unreadable or incomplete settings are an {@link IllegalStateException} saying what to do. */
    public static EmailAccount read(String text) {
        EmailAccount stored = TypedSettings.read(text, EmailAccount.class);
        if (stored == null) {
            return null;
        }
        if (stored.kind() == null || stored.address() == null) {
            throw new IllegalStateException("The stored account settings are incomplete (no kind or address); connect the account again");
        }
        return new EmailAccount(stored.kind(), stored.address(), stored.companyName(),
                stored.fromNameMode() == null ? EmailAccount.FromNameMode.AGENT_AND_COMPANY : stored.fromNameMode(),
                stored.signature(), stored.signatureHtml(), stored.logForwardedOnOriginalSender(), stored.imap(), stored.smtp(),
                stored.auth() == null ? EmailAccount.AuthMethod.PASSWORD : stored.auth(), stored.username(), stored.sealedSecret(),
                stored.folder() == null ? "INBOX" : stored.folder(), stored.moveToFolder(),
                stored.pollSeconds() <= 0 ? 60 : stored.pollSeconds(), stored.inboundTokenHash());
    }
}
