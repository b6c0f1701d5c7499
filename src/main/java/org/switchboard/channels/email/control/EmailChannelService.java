package org.switchboard.channels.email.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.switchboard.channels.email.control.EmailAccount.AuthMethod;
import org.switchboard.channels.email.control.EmailAccount.FromNameMode;
import org.switchboard.channels.email.control.EmailAccount.Kind;
import org.switchboard.channels.email.control.EmailAccount.Security;
import org.switchboard.channels.email.control.EmailAccount.Server;
import org.switchboard.channels.email.control.EmailDtos.EmailAccountRequest;
import org.switchboard.channels.email.control.EmailDtos.EmailAccountView;
import org.switchboard.channels.email.control.EmailDtos.ServerDto;
import org.switchboard.channels.email.control.EmailDtos.SyncView;
import org.switchboard.channels.email.entity.ChannelAddress;
import org.switchboard.channels.email.entity.MailboxSync;
import org.switchboard.channels.entity.Channel;
import org.switchboard.platform.crypto.SecretBox;

/**
 * Team email accounts of channels: connect and edit (secrets sealed, addresses owned by one
 * channel and never a user's), the forwarding token, and what a mailbox's sync looks like.
 */
@ApplicationScoped
@Transactional
public class EmailChannelService {

    public static final String FORWARDING_PATH = "/api/v1/inbound/email/";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretBox secrets;

    @Inject
    Event<MailboxChanged> changes;

    /** An account ready to test and save, with its secret in the clear for the test only. */
    public record Candidate(long channelId, EmailAccount account, String secret) {
    }

    public Optional<EmailAccountView> get(long channelId) {
        Channel channel = em.find(Channel.class, channelId);
        if (channel == null || !EmailConnector.KIND.equals(channel.getType()) || channel.getTypeSettings() == null) {
            return Optional.empty();
        }
        return Optional.of(view(channel, EmailAccountJson.read(channel.getTypeSettings())));
    }

    /** The stored account of a channel, for the fetcher and the mailer (null when not connected). */
    public EmailAccount account(long channelId) {
        Channel channel = em.find(Channel.class, channelId);
        return channel == null ? null : EmailAccountJson.read(channel.getTypeSettings());
    }

    /** Opens a sealed secret; it never leaves the process otherwise. */
    public String secretOf(EmailAccount account) {
        return account.sealedSecret() == null ? null : secrets.open(account.sealedSecret());
    }

    /** Merges a request with what is stored (a missing secret keeps the stored one) and fills presets. */
    public Candidate candidate(long channelId, EmailAccountRequest request) {
        Channel channel = emailChannel(channelId);
        EmailAccount stored = EmailAccountJson.readIfValid(channel.getTypeSettings()); // broken settings are replaced
        String secret = request.secret() != null && !request.secret().isEmpty() ? request.secret()
                : stored == null ? null : secretOf(stored);
        Kind kind = request.kind();
        Server imap = kind.fetches() ? server(request.imap(), presetImap(kind), "IMAP") : null;
        Server smtp = request.smtp() == null && presetSmtp(kind) == null ? null : server(request.smtp(), presetSmtp(kind), "SMTP");
        if (kind.fetches() && secret == null) {
            throw new IllegalArgumentException("secret: the password or access token of the mailbox is required");
        }
        String address = request.address().strip().toLowerCase(Locale.ROOT);
        String username = request.username() != null && !request.username().isBlank() ? request.username().strip() : address;
        EmailAccount account = new EmailAccount(kind, address, SenderLook.oneLine(request.companyName()),
                request.fromNameMode() == null ? FromNameMode.AGENT_AND_COMPANY : request.fromNameMode(), request.signature(),
                Boolean.TRUE.equals(request.signatureHtml()), !Boolean.FALSE.equals(request.logForwardedOnOriginalSender()),
                imap, smtp, request.auth() == null ? AuthMethod.PASSWORD : request.auth(), username,
                null, request.folder() == null || request.folder().isBlank() ? "INBOX" : request.folder().strip(),
                request.moveToFolder() == null || request.moveToFolder().isBlank() ? null : request.moveToFolder().strip(),
                request.pollSeconds() == null ? 60 : request.pollSeconds(), stored == null ? null : stored.inboundTokenHash());
        return new Candidate(channelId, account, secret);
    }

    public EmailAccountView save(Candidate candidate) {
        Channel channel = emailChannel(candidate.channelId());
        EmailAccount account = candidate.account();
        claimAddress(channel, account.address());
        EmailAccount sealed = new EmailAccount(account.kind(), account.address(), account.companyName(), account.fromNameMode(),
                account.signature(), account.signatureHtml(), account.logForwardedOnOriginalSender(), account.imap(), account.smtp(),
                account.auth(), account.username(), candidate.secret() == null ? null : secrets.seal(candidate.secret()),
                account.folder(), account.moveToFolder(), account.pollSeconds(), account.inboundTokenHash());
        channel.changeTypeSettings(EmailAccountJson.write(sealed));
        MailboxSync sync = em.find(MailboxSync.class, channel.getId());
        if (account.kind().fetches()) {
            if (sync == null) {
                em.persist(new MailboxSync(channel.getId(), account.folder()));
            } else {
                sync.watchFolder(account.folder());
            }
        } else if (sync != null) {
            em.remove(sync);
        }
        em.flush();
        changes.fire(new MailboxChanged(channel.getId()));
        return view(channel, sealed);
    }

    /** A new token for mail piped in by an MTA; the old one stops working. Shown once. */
    public String rotateInboundToken(long channelId) {
        Channel channel = emailChannel(channelId);
        EmailAccount account = EmailAccountJson.read(channel.getTypeSettings());
        if (account == null) {
            throw new IllegalStateException("Connect the email account first");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "sbin_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        channel.changeTypeSettings(EmailAccountJson.write(account.withInboundTokenHash(sha256(token))));
        return token;
    }

    /** Whether a presented token is the channel's forwarding token, compared in constant time. */
    public boolean acceptsInboundToken(long channelId, String presented) {
        EmailAccount account = account(channelId);
        if (account == null || account.inboundTokenHash() == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(HexFormat.of().parseHex(account.inboundTokenHash()), HexFormat.of().parseHex(sha256(presented)));
    }

    private void claimAddress(Channel channel, String address) {
        Long userId = em.createQuery("SELECT u.id FROM User u WHERE u.email = :address", Long.class)
                .setParameter("address", address).getResultStream().findFirst().orElse(null);
        if (userId != null) {
            throw new IllegalStateException(address + " is a user's own address; a team address must be another one");
        }
        ChannelAddress owner = em.find(ChannelAddress.class, address);
        if (owner != null && owner.getChannelId() != channel.getId()) {
            throw new IllegalStateException(address + " already belongs to another channel");
        }
        em.createQuery("DELETE FROM ChannelAddress a WHERE a.channelId = :channel AND a.address <> :address")
                .setParameter("channel", channel.getId()).setParameter("address", address).executeUpdate();
        if (owner == null) {
            em.persist(new ChannelAddress(address, channel.getId()));
        }
    }

    private Channel emailChannel(long channelId) {
        Channel channel = em.find(Channel.class, channelId);
        if (channel == null) {
            throw new NotFoundException("No channel " + channelId);
        }
        if (!EmailConnector.KIND.equals(channel.getType())) {
            throw new IllegalStateException("Channel " + channel.getName() + " is not a team email channel");
        }
        return channel;
    }

    private static Server server(ServerDto dto, Server preset, String what) {
        String host = dto != null && dto.host() != null && !dto.host().isBlank() ? dto.host().strip() : preset == null ? null : preset.host();
        if (host == null) {
            throw new IllegalArgumentException(what.toLowerCase(Locale.ROOT) + ".host: the " + what + " server is required");
        }
        Security security = dto != null && dto.security() != null ? dto.security() : preset != null ? preset.security() : Security.SSL;
        int port = dto != null && dto.port() != null ? dto.port() : defaultPort(what, security);
        return new Server(host, port, security);
    }

    private static int defaultPort(String what, Security security) {
        if (what.equals("IMAP")) {
            return security == Security.SSL ? 993 : 143;
        }
        return security == Security.SSL ? 465 : 587;
    }

    private static Server presetImap(Kind kind) {
        return switch (kind) {
            case GMAIL -> new Server("imap.gmail.com", 993, Security.SSL);
            case OFFICE365 -> new Server("outlook.office365.com", 993, Security.SSL);
            default -> null;
        };
    }

    private static Server presetSmtp(Kind kind) {
        return switch (kind) {
            case GMAIL -> new Server("smtp.gmail.com", 465, Security.SSL);
            case OFFICE365 -> new Server("smtp.office365.com", 587, Security.STARTTLS);
            default -> null;
        };
    }

    private EmailAccountView view(Channel channel, EmailAccount account) {
        MailboxSync sync = em.find(MailboxSync.class, channel.getId());
        return new EmailAccountView(channel.getId(), channel.getPublicKey(), account.kind(), account.address(), account.companyName(),
                account.fromNameMode(), account.signature(), account.signatureHtml(), account.logForwardedOnOriginalSender(),
                dto(account.imap()), dto(account.smtp()), account.auth(), account.username(), account.sealedSecret() != null,
                account.folder(), account.moveToFolder(), account.pollSeconds(), FORWARDING_PATH + channel.getPublicKey(),
                account.inboundTokenHash() != null,
                sync == null ? null : new SyncView(sync.getFolder(), sync.getUidValidity(), sync.getLastUid(), sync.getLeaseOwner(),
                        sync.getLastSyncedAt() == null ? null : sync.getLastSyncedAt().toString(), sync.getLastError(), sync.getIdleSupported()));
    }

    private static ServerDto dto(Server server) {
        return server == null ? null : new ServerDto(server.host(), server.port(), server.security());
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
