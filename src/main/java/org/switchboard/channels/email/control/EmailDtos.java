package org.switchboard.channels.email.control;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.switchboard.channels.email.control.EmailAccount.AuthMethod;
import org.switchboard.channels.email.control.EmailAccount.FromNameMode;
import org.switchboard.channels.email.control.EmailAccount.Kind;
import org.switchboard.channels.email.control.EmailAccount.Security;

/** What the email channel API takes and returns. Secrets go in, never out. */
public final class EmailDtos {

    /** One line: no CR or LF, which would let a value inject mail headers. */
    static final String ONE_LINE = "[^\\r\\n]*";

    private EmailDtos() {
    }

    public record ServerDto(@Size(max = 255) @Pattern(regexp = ONE_LINE) String host, @Min(1) @Max(65535) Integer port, Security security) {
    }

    /**
     * Connects or edits a team email account. {@code secret} (password or OAuth2 access token)
     * may be left out on edits to keep the stored one. {@code testConnection} defaults to true.
     */
    public record EmailAccountRequest(@NotNull Kind kind, @NotBlank @Email @Size(max = 320) @Pattern(regexp = ONE_LINE) String address,
                                      @Size(max = 100) @Pattern(regexp = ONE_LINE, message = "must be one line") String companyName,
                                      FromNameMode fromNameMode, @Size(max = 10000) String signature, Boolean signatureHtml,
                                      Boolean logForwardedOnOriginalSender, @Valid ServerDto imap, @Valid ServerDto smtp,
                                      AuthMethod auth, @Size(max = 320) @Pattern(regexp = ONE_LINE) String username,
                                      @Size(max = 4096) String secret, @Size(max = 200) @Pattern(regexp = ONE_LINE) String folder,
                                      @Size(max = 200) @Pattern(regexp = ONE_LINE) String moveToFolder,
                                      @Min(5) @Max(3600) Integer pollSeconds, Boolean testConnection) {
    }

    /** The account as shown back: {@code hasSecret} instead of the secret. */
    public record EmailAccountView(long channelId, String channelKey, Kind kind, String address, String companyName,
                                   FromNameMode fromNameMode, String signature, boolean signatureHtml,
                                   boolean logForwardedOnOriginalSender, ServerDto imap, ServerDto smtp, AuthMethod auth,
                                   String username, boolean hasSecret, String folder, String moveToFolder, int pollSeconds,
                                   String forwardingEndpoint, boolean hasInboundToken, SyncView sync) {
    }

    public record SyncView(String folder, Long uidValidity, long lastUid, String leaseOwner, String lastSyncedAt,
                           String lastError, Boolean idleSupported) {
    }

    public record TestResult(boolean ok, List<String> problems) {
    }

    /** A fresh token for piping mail in; shown once. */
    public record InboundToken(String token, String endpoint) {
    }

    /** How a reply will look to the contact. */
    public record PreviewRequest(@Size(max = 200) String agentName, FromNameMode fromNameMode,
                                 @Size(max = 100) @Pattern(regexp = ONE_LINE) String companyName,
                                 @Size(max = 10000) String signature, Boolean signatureHtml) {
    }

    public record Preview(String from, String signatureText, String signatureHtml) {
    }
}
