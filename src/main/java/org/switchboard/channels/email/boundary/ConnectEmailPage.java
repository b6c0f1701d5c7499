package org.switchboard.channels.email.boundary;

import java.io.Serializable;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.omnifaces.cdi.Param;
import org.switchboard.channels.control.ChannelDtos.ChannelRequest;
import org.switchboard.channels.control.ChannelDtos.ChannelView;
import org.switchboard.channels.control.ChannelService;
import org.switchboard.channels.email.control.ConnectionTester;
import org.switchboard.channels.email.control.EmailAccount.AuthMethod;
import org.switchboard.channels.email.control.EmailAccount.FromNameMode;
import org.switchboard.channels.email.control.EmailAccount.Kind;
import org.switchboard.channels.email.control.EmailAccount.Security;
import org.switchboard.channels.email.control.EmailChannelService;
import org.switchboard.channels.email.control.EmailConnector;
import org.switchboard.channels.email.control.EmailChannelService.Candidate;
import org.switchboard.channels.email.control.EmailDtos.EmailAccountRequest;
import org.switchboard.channels.email.control.EmailDtos.EmailAccountView;
import org.switchboard.channels.email.control.EmailDtos.ServerDto;
import org.switchboard.channels.email.control.SenderLook;
import org.switchboard.channels.entity.ChannelDestination;
import org.switchboard.identity.boundary.UserSession;
import org.switchboard.platform.faces.Pages;
import org.switchboard.platform.i18n.Texts;

/**
 * Connecting a team email account, in steps: the account (kind, address), the servers and
 * sign-in (not for forwarding), how mail looks to contacts (From name, signature, with a live
 * preview), then save — which tests the connection and names what is wrong. Also edits the
 * account of an existing channel ({@code ?channel=ID}); a blank password keeps the stored one.
 */
@Named
@ViewScoped
public class ConnectEmailPage implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int ACCOUNT = 1;
    public static final int SERVERS = 2;
    public static final int LOOK = 3;
    public static final int DONE = 4;

    @Inject
    transient ChannelService channels;

    @Inject
    transient EmailChannelService email;

    @Inject
    transient ConnectionTester tester;

    @Inject
    transient Texts texts;

    @Inject
    UserSession session;

    private int step = ACCOUNT;
    private Long channelId;
    private boolean editing;
    private boolean hasSecret;
    private String channelName;
    private Kind kind = Kind.OTHER;
    private String address;
    private String imapHost;
    private Integer imapPort = 993;
    private Security imapSecurity = Security.SSL;
    private String smtpHost;
    private Integer smtpPort = 465;
    private Security smtpSecurity = Security.SSL;
    private AuthMethod auth = AuthMethod.PASSWORD;
    private String username;
    private String secret;
    private String folder = "INBOX";
    private String moveToFolder;
    private Integer pollSeconds = 60;
    private String companyName;
    private FromNameMode fromNameMode = FromNameMode.AGENT_AND_COMPANY;
    private String signature;
    private boolean signatureHtml;
    private boolean logForwardedOnOriginalSender = true;
    private String forwardingEndpoint;
    private String inboundToken;

    /** The channel whose account is edited ({@code ?channel=}); absent when connecting a new one. */
    @Inject
    @Param(name = "channel")
    Long requestedChannel;

    @PostConstruct
    void init() {
        channelId = requestedChannel;
        EmailAccountView stored;
        try {
            stored = channelId == null ? null : email.get(channelId).orElse(null);
        } catch (IllegalStateException unreadable) {
            stored = null; // connect it again from scratch
        }
        ChannelView channel = channelId == null ? null : channels.get(channelId).orElse(null);
        if (channel == null || !EmailConnector.KIND.equals(channel.type())) {
            channelId = null;
            return;
        }
        editing = true;
        channelName = channel.name();
        if (stored != null) {
            kind = stored.kind();
            address = stored.address();
            if (stored.imap() != null) {
                imapHost = stored.imap().host();
                imapPort = stored.imap().port();
                imapSecurity = stored.imap().security();
            }
            if (stored.smtp() != null) {
                smtpHost = stored.smtp().host();
                smtpPort = stored.smtp().port();
                smtpSecurity = stored.smtp().security();
            }
            auth = stored.auth();
            username = stored.username();
            hasSecret = stored.hasSecret();
            folder = stored.folder();
            moveToFolder = stored.moveToFolder();
            pollSeconds = stored.pollSeconds();
            companyName = stored.companyName();
            fromNameMode = stored.fromNameMode();
            signature = stored.signature();
            signatureHtml = stored.signatureHtml();
            logForwardedOnOriginalSender = stored.logForwardedOnOriginalSender();
            forwardingEndpoint = stored.forwardingEndpoint();
        }
    }

    public void next() {
        if (step == ACCOUNT) {
            if (address == null || !address.contains("@") || (!editing && (channelName == null || channelName.isBlank()))) {
                Pages.error(texts.get("connect.accountRequired"));
                return;
            }
            step = SERVERS;
        } else if (step == SERVERS) {
            step = LOOK;
        }
    }

    public void back() {
        if (step == LOOK) {
            step = SERVERS;
        } else if (step == SERVERS) {
            step = ACCOUNT;
        }
    }

    /** Tests the connection, then stores the account; a new channel is made first, off until the account works. */
    public void save() {
        if (channelId == null) {
            ChannelView created = channels.create(new ChannelRequest(EmailConnector.KIND, channelName.strip(), ChannelDestination.HELP_DESK,
                    null, null, false, null, null, null));
            channelId = created.id();
        }
        try {
            Candidate candidate = email.candidate(channelId, request());
            ConnectionTester.Result result = tester.test(candidate.account(), candidate.secret());
            if (!result.ok()) {
                result.problems().forEach(problem -> Pages.error(texts.get("connect.failed", problem)));
                return;
            }
            EmailAccountView saved = email.save(candidate);
            if (!editing) {
                channels.enable(channelId, true);
            }
            forwardingEndpoint = saved.forwardingEndpoint();
            if (kind == Kind.FORWARDING && !saved.hasInboundToken()) {
                inboundToken = email.rotateInboundToken(channelId);
            }
            secret = null;
            editing = true;
            step = DONE;
            Pages.info(texts.get("connect.saved", saved.address()));
        } catch (IllegalArgumentException | IllegalStateException refused) {
            // a field the service refuses, or an address owned by another channel or a user
            Pages.error(Pages.reason(refused));
        }
    }

    public void newInboundToken() {
        inboundToken = email.rotateInboundToken(channelId);
    }

    private EmailAccountRequest request() {
        ServerDto imap = kind == Kind.OTHER ? new ServerDto(imapHost, imapPort, imapSecurity) : null;
        ServerDto smtp = kind == Kind.OTHER || (kind == Kind.FORWARDING && smtpHost != null && !smtpHost.isBlank())
                ? new ServerDto(smtpHost, smtpPort, smtpSecurity) : null;
        return new EmailAccountRequest(kind, address == null ? null : address.strip(), companyName, fromNameMode, signature, signatureHtml,
                logForwardedOnOriginalSender, imap, smtp, auth, username, secret == null || secret.isEmpty() ? null : secret,
                folder, moveToFolder, pollSeconds, true);
    }

    /** The From line a contact will see, for the signed-in agent. */
    public String getPreviewFrom() {
        return SenderLook.fromLine(fromNameMode, companyName, agentName(), address);
    }

    public String getPreviewSignatureHtml() {
        return SenderLook.signatureHtml(signature, signatureHtml, agentName());
    }

    public String getPreviewSignatureText() {
        return SenderLook.signatureText(signature, signatureHtml, agentName());
    }

    private String agentName() {
        return session.getFullName() == null ? "Maria Virtanen" : session.getFullName();
    }

    public Kind[] getKinds() { return Kind.values(); }
    public Security[] getSecurities() { return Security.values(); }
    public AuthMethod[] getAuthMethods() { return AuthMethod.values(); }
    public FromNameMode[] getFromNameModes() { return FromNameMode.values(); }
    public int getStep() { return step; }
    public Long getChannelId() { return channelId; }
    public boolean isEditing() { return editing; }
    public boolean isHasSecret() { return hasSecret; }
    public boolean isOtherAccount() { return kind == Kind.OTHER; }
    /** Forwarding receives mail from the company's MTA; it still needs an SMTP server to reply through. */
    public boolean isForwarding() { return kind == Kind.FORWARDING; }
    public boolean isFetching() { return kind.fetches(); }
    public String getChannelName() { return channelName; }
    public void setChannelName(String channelName) { this.channelName = channelName; }
    public Kind getKind() { return kind; }
    public void setKind(Kind kind) { this.kind = kind; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getImapHost() { return imapHost; }
    public void setImapHost(String imapHost) { this.imapHost = imapHost; }
    public Integer getImapPort() { return imapPort; }
    public void setImapPort(Integer imapPort) { this.imapPort = imapPort; }
    public Security getImapSecurity() { return imapSecurity; }
    public void setImapSecurity(Security imapSecurity) { this.imapSecurity = imapSecurity; }
    public String getSmtpHost() { return smtpHost; }
    public void setSmtpHost(String smtpHost) { this.smtpHost = smtpHost; }
    public Integer getSmtpPort() { return smtpPort; }
    public void setSmtpPort(Integer smtpPort) { this.smtpPort = smtpPort; }
    public Security getSmtpSecurity() { return smtpSecurity; }
    public void setSmtpSecurity(Security smtpSecurity) { this.smtpSecurity = smtpSecurity; }
    public AuthMethod getAuth() { return auth; }
    public void setAuth(AuthMethod auth) { this.auth = auth; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getSecret() { return null; } // never shown back
    public void setSecret(String secret) { this.secret = secret; }
    public String getFolder() { return folder; }
    public void setFolder(String folder) { this.folder = folder; }
    public String getMoveToFolder() { return moveToFolder; }
    public void setMoveToFolder(String moveToFolder) { this.moveToFolder = moveToFolder; }
    public Integer getPollSeconds() { return pollSeconds; }
    public void setPollSeconds(Integer pollSeconds) { this.pollSeconds = pollSeconds; }
    public String getCompanyName() { return companyName; }
    public void setCompanyName(String companyName) { this.companyName = companyName; }
    public FromNameMode getFromNameMode() { return fromNameMode; }
    public void setFromNameMode(FromNameMode fromNameMode) { this.fromNameMode = fromNameMode; }
    public String getSignature() { return signature; }
    public void setSignature(String signature) { this.signature = signature; }
    public boolean isSignatureHtml() { return signatureHtml; }
    public void setSignatureHtml(boolean signatureHtml) { this.signatureHtml = signatureHtml; }
    public boolean isLogForwardedOnOriginalSender() { return logForwardedOnOriginalSender; }
    public void setLogForwardedOnOriginalSender(boolean value) { this.logForwardedOnOriginalSender = value; }
    public String getForwardingEndpoint() { return forwardingEndpoint; }
    public String getInboundToken() { return inboundToken; }
}
