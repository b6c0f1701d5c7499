package org.switchboard.channels.email.control;

/**
 * A team email channel's account, stored as the channel's type settings (JSON). The password or
 * OAuth2 access token is kept only sealed ({@code sealedSecret}); {@code inboundTokenHash} is the
 * SHA-256 of the token that authenticates mail piped in by an MTA.
 */
public record EmailAccount(Kind kind, String address, String companyName, FromNameMode fromNameMode, String signature,
                           boolean signatureHtml, boolean logForwardedOnOriginalSender, Server imap, Server smtp,
                           AuthMethod auth, String username, String sealedSecret, String folder, String moveToFolder,
                           int pollSeconds, String inboundTokenHash) {

    public enum Kind {
        GMAIL, OFFICE365, OTHER, FORWARDING;

        /** Whether the channel fetches mail itself (IMAP) rather than only receiving forwarded mail. */
        public boolean fetches() {
            return this != FORWARDING;
        }
    }

    /** How the sender appears to contacts: "Maria at Acme" or "Acme". */
    public enum FromNameMode {
        AGENT_AND_COMPANY, COMPANY
    }

    public enum Security {
        SSL, STARTTLS, NONE
    }

    public enum AuthMethod {
        PASSWORD, XOAUTH2
    }

    public record Server(String host, int port, Security security) {
    }

    public boolean canSend() {
        return smtp != null && smtp.host() != null;
    }

    public EmailAccount withInboundTokenHash(String hash) {
        return new EmailAccount(kind, address, companyName, fromNameMode, signature, signatureHtml, logForwardedOnOriginalSender,
                imap, smtp, auth, username, sealedSecret, folder, moveToFolder, pollSeconds, hash);
    }
}
