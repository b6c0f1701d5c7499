package org.switchboard.channels.chat.control;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.channels.control.ChannelService.ChannelRef;
import org.switchboard.channels.entity.Channel;
import org.switchboard.contacts.control.ChannelConsents;
import org.switchboard.conversations.entity.Conversation;
import org.switchboard.conversations.entity.DeliveryState;
import org.switchboard.conversations.entity.Message;
import org.switchboard.conversations.entity.MessageDirection;
import org.switchboard.inbound.control.InboundPipeline;
import org.switchboard.inbound.control.InboundPipeline.Submission;
import org.switchboard.platform.crypto.SecretBox;
import org.switchboard.platform.live.LiveEvents;
import org.switchboard.tickets.control.TicketActivity;

/**
 * What a widget asks for its visitor: a session (who they are, how the widget looks), sending a
 * message, the messages after the last one it saw, and receipts. Transport-free: the REST resource
 * (long polls) and the WebSocket endpoint both call it, so both behave the same.
 */
@ApplicationScoped
public class ChatVisitors {

    static final int MAX_TEXT = 5000;
    static final int MAX_LINES = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretBox secrets;

    @Inject
    ChatChannelService chatChannels;

    @Inject
    InboundPipeline pipeline;

    @Inject
    LiveEvents live;

    @Inject
    ChannelConsents consents;

    @Inject
    org.switchboard.routing.control.Staffing staffing;

    @Inject
    Event<TicketActivity> activity;

    @Inject
    ChatBotRuns botRuns;

    @Inject
    ChatFlows flows;

    private VisitorToken tokens;

    @PostConstruct
    void init() {
        tokens = new VisitorToken(secrets);
    }

    /** The host site's claim about its user; {@code hash} is HMAC-SHA256(id) under the channel's identity secret. */
    public record HostUser(String id, String email, String name, String hash) {
    }

    /** An open session: the token the widget keeps, the visitor, the widget's look in the visitor's language, where the conversation is. */
    public record Session(String token, Visitor visitor, Appearance appearance, int lastSeq, boolean available) {
    }

    public record Appearance(String teamName, String accentColour, String textColour, String font, String avatarUrl,
                             String position, String greeting, String consent, String consentText, String language) {
    }

    /**
     * Opens (or resumes) a visitor's session. A host user whose hash does not verify is refused, as is
     * anyone not verified when the channel requires verified identity.
     *
     * @throws VisitorRefused with the reason the widget shows
     */
    @Transactional
    public Session open(ChannelRef ref, String token, HostUser user, String language) {
        Channel channel = em.find(Channel.class, ref.id());
        ChatSettings settings = ChatChannelService.settingsOf(channel);
        Visitor visitor;
        if (user != null && user.id() != null) {
            if (!HostIdentity.verifies(chatChannels.identitySecret(settings), user.id(), user.hash())) {
                throw new VisitorRefused(VisitorRefused.Reason.IDENTITY_NOT_VERIFIED);
            }
            visitor = new Visitor(ref.id(), "u-" + user.id(), true, blankToNull(user.email()), blankToNull(user.name()));
        } else {
            Visitor known = tokens.read(token, ref.id());
            visitor = known != null ? known : new Visitor(ref.id(), "a-" + randomId(), false, null, null);
        }
        if (settings.requireVerifiedIdentity() && !visitor.verified()) {
            throw new VisitorRefused(VisitorRefused.Reason.VERIFIED_IDENTITY_REQUIRED);
        }
        String lang = "fi".equals(language) ? "fi" : "en";
        Appearance look = new Appearance(settings.teamName(), settings.accentColour(), AccentColour.textOn(settings.accentColour()),
                settings.font(), settings.avatarUrl(), settings.position(), settings.greeting(lang), settings.consent(),
                settings.consentText(lang), lang);
        int lastSeq = conversation(channel, visitor).map(Conversation::getLastSeq).orElse(0);
        boolean available = ChatHours.isOpen(settings.hours(), settings.timeZone(), Instant.now()) && staffing.someoneAvailable(ref.id());
        return new Session(tokens.issue(visitor), visitor, look, lastSeq, available);
    }

    /** Whether the channel is a chat channel. */
    @Transactional
    public boolean isChat(long channelId) {
        Channel channel = em.find(Channel.class, channelId);
        return channel != null && ChatConnector.KIND.equals(channel.getType());
    }

    /** The visitor the token names on this channel, or empty (forged, another channel's, or unverified where verification is required). */
    @Transactional
    public Optional<Visitor> visitor(ChannelRef ref, String token) {
        Visitor visitor = tokens.read(token, ref.id());
        if (visitor == null) {
            return Optional.empty();
        }
        if (!visitor.verified() && ChatChannelService.settingsOf(em.find(Channel.class, ref.id())).requireVerifiedIdentity()) {
            return Optional.empty();
        }
        return Optional.of(visitor);
    }

    /**
     * Journals and takes in a visitor's message. The journal key is the widget's own id for it, so a
     * resend after a reconnect answers with the first one's place instead of adding another.
     *
     * @return the message's place in the conversation
     */
    public int send(Visitor visitor, String clientId, String text, String language) {
        return send(visitor, clientId, text, language, false, null);
    }

    /**
     * A message with the visitor's answer to the consent text: {@code consented} when the widget
     * showed it and they accepted (explicit) or started with it shown (implicit).
     *
     * @throws IllegalArgumentException naming {@code consent} when the channel asks for explicit consent and the visitor has not given it
     */
    public int send(Visitor visitor, String clientId, String text, String language, boolean consented) {
        return send(visitor, clientId, text, language, consented, null);
    }

    /**
     * A message written while the team is away: the answer goes by email to {@code replyTo} (the
     * verified visitor's own address when null).
     *
     * @throws IllegalArgumentException naming {@code replyEmail} when there is no address to answer
     */
    public int sendAway(Visitor visitor, String clientId, String text, String language, boolean consented, String replyTo) {
        String address = replyTo != null && !replyTo.isBlank() ? replyTo.strip() : visitor.verified() ? visitor.email() : null;
        if (address == null) {
            throw new IllegalArgumentException("replyEmail: leave an email address for the answer");
        }
        return send(visitor, clientId, text, language, consented, address);
    }

    private int send(Visitor visitor, String clientId, String text, String language, boolean consented, String awayReplyTo) {
        ChatSettings settings = settings(visitor.channelId());
        boolean consentToRecord = !"NONE".equals(settings.consent()) && !consents.given(visitor.channelId(), visitor.id());
        if (consentToRecord && "EXPLICIT".equals(settings.consent()) && !consented) {
            throw new IllegalArgumentException("consent: accept the consent text before sending");
        }
        ChatPayload payload = new ChatPayload(visitor.id(), visitor.verified(), visitor.email(), visitor.name(), clientId, text,
                language, Instant.now().toString(), awayReplyTo);
        Submission submission = pipeline.submit(visitor.channelId(), payload.key(), ChatPayload.CONTENT_TYPE, payload.toJson());
        if (submission.processed() == null || submission.processed().result() == null || submission.processed().result().messageId() == null) {
            if (consentToRecord) {
                String lang = "fi".equals(language) ? "fi" : "en";
                consents.record(visitor.channelId(), visitor.id(), null, settings.consent(), settings.consentText(lang), lang);
            }
            // journaled, not yet taken in (the database was busy): the schedule takes it in, and the widget sees it then
            live.publish(visitor.topic());
            return 0;
        }
        Message message = em.find(Message.class, submission.processed().result().messageId());
        if (consentToRecord) {
            String lang = "fi".equals(language) ? "fi" : "en";
            consents.record(visitor.channelId(), visitor.id(), message == null || message.getConversation().getContact() == null ? null
                    : message.getConversation().getContact().getId(), settings.consent(), settings.consentText(lang), lang);
        }
        live.publish(visitor.topic());
        return message == null || message.getSeq() == null ? 0 : message.getSeq();
    }

    /** The visitor's conversation after {@code afterSeq}: their messages and the team's, never notes; at most {@value #MAX_LINES}. */
    @Transactional
    public List<ChatLine> after(Visitor visitor, int afterSeq) {
        Channel channel = em.find(Channel.class, visitor.channelId());
        Optional<Conversation> conversation = conversation(channel, visitor);
        if (conversation.isEmpty() || conversation.get().getLastSeq() <= afterSeq) {
            return List.of();
        }
        List<ChatLine> lines = em.createQuery("SELECT m FROM Message m LEFT JOIN FETCH m.author WHERE m.conversation = :c AND m.seq > :after"
                        + " AND m.direction IN :directions ORDER BY m.seq", Message.class)
                .setParameter("c", conversation.get()).setParameter("after", afterSeq)
                .setParameter("directions", List.of(MessageDirection.INBOUND, MessageDirection.OUTBOUND))
                .setMaxResults(MAX_LINES).getResultStream().map(ChatVisitors::line).toList();
        return lines.stream().anyMatch(l -> ChatLine.BOT.equals(l.from())) ? withQuestion(conversation.get(), lines) : lines;
    }

    /** The bot's waiting question gets its buttons, so the widget offers them. */
    private List<ChatLine> withQuestion(Conversation conversation, List<ChatLine> lines) {
        Optional<ChatBotRuns.Run> run = botRuns.of(conversation.getId());
        if (run.isEmpty() || run.get().askedSeq() == null || run.get().step() == null) {
            return lines;
        }
        int asked = run.get().askedSeq();
        Optional<List<String>> buttons = flows.of(conversation.getChannel().getId())
                .flatMap(flow -> flow.steps().stream().filter(step -> step.id().equals(run.get().step())).findFirst())
                .map(step -> step.choices().stream().map(choice -> choice.label().in(run.get().language())).toList());
        return buttons.isEmpty() || buttons.get().isEmpty() ? lines
                : lines.stream().map(line -> line.seq() == asked ? line.withButtons(buttons.get()) : line).toList();
    }

    /**
     * The widget showed the team's messages up to {@code seq} ({@code read}: while the visitor had it
     * open in front of them): they move to DELIVERED or READ, never back.
     */
    @Transactional
    public void seen(Visitor visitor, int seq, boolean read) {
        Channel channel = em.find(Channel.class, visitor.channelId());
        Optional<Conversation> conversation = conversation(channel, visitor);
        if (conversation.isEmpty()) {
            return;
        }
        List<Message> shown = em.createQuery("SELECT m FROM Message m WHERE m.conversation = :c AND m.seq <= :seq"
                        + " AND m.direction = :out AND m.deliveryState IN :open", Message.class)
                .setParameter("c", conversation.get()).setParameter("seq", seq).setParameter("out", MessageDirection.OUTBOUND)
                .setParameter("open", read ? List.of(DeliveryState.PENDING, DeliveryState.SENT, DeliveryState.DELIVERED)
                        : List.of(DeliveryState.PENDING, DeliveryState.SENT))
                // locked: the outbound queue records the same reply's send meanwhile; unlocked, one of the two lost the race and the receipt was gone
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        boolean changed = false;
        for (Message message : shown) {
            changed |= message.recordStatus(read ? DeliveryState.READ : DeliveryState.DELIVERED, null);
        }
        if (changed && conversation.get().getTicket() != null) {
            activity.fire(new TicketActivity(conversation.get().getTicket().getId()));
        }
    }

    /**
     * The team email channel that answers a conversation whose visitor last wrote while the team was
     * away; empty when they last wrote live (the widget gets the answer) or no channel is named.
     */
    @Transactional
    public java.util.OptionalLong awayAnswerChannel(long channelId, long conversationId) {
        Channel channel = em.find(Channel.class, channelId);
        Long replyChannel = channel == null ? null : ChatChannelService.settingsOf(channel).replyChannelId();
        if (replyChannel == null) {
            return java.util.OptionalLong.empty();
        }
        String lastKey = em.createQuery("SELECT m.externalId FROM Message m WHERE m.conversation.id = :c AND m.direction = :in ORDER BY m.seq DESC", String.class)
                .setParameter("c", conversationId).setParameter("in", MessageDirection.INBOUND).setMaxResults(1)
                .getResultStream().findFirst().orElse("");
        return lastKey.startsWith(ChatPayload.AWAY_PREFIX) ? java.util.OptionalLong.of(replyChannel) : java.util.OptionalLong.empty();
    }

    private Optional<Conversation> conversation(Channel channel, Visitor visitor) {
        return em.createNamedQuery("Conversation.byThreadKey", Conversation.class).setParameter("channel", channel)
                .setParameter("threadKey", visitor.threadKey()).getResultStream().findFirst();
    }

    private ChatSettings settings(long channelId) {
        return ChatChannelService.settingsOf(em.find(Channel.class, channelId));
    }

    private static ChatLine line(Message m) {
        boolean visitor = m.getDirection() == MessageDirection.INBOUND;
        String from = visitor ? ChatLine.VISITOR : m.getAuthor() == null ? ChatLine.BOT : ChatLine.AGENT;
        String author = m.getAuthor() == null ? null : m.getAuthor().getFullName();
        String text = m.getText() != null ? m.getText() : plain(m.getSanitizedHtml());
        String clientId = visitor && m.getExternalId() != null ? m.getExternalId().substring(m.getExternalId().lastIndexOf(':') + 1) : null;
        return new ChatLine(m.getSeq(), from, author, text, m.getCreatedAt(), visitor ? null : m.getDeliveryState().name(), clientId, null);
    }

    /** Text of a reply written in HTML; the widget shows text only (as text, never as markup). */
    static String plain(String html) {
        return html == null ? "" : html.replaceAll("(?i)<br\\s*/?>|</p>", "\n").replaceAll("<[^>]*>", "")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&").strip();
    }

    private static String randomId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
