package org.switchboard.workspace.control;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.switchboard.channels.connector.Composer;
import org.switchboard.channels.connector.ReplyTemplate;
import org.switchboard.platform.json.Jsonp;
import org.switchboard.channels.connector.ChannelConnectors;
import org.switchboard.channels.entity.Channel;
import org.switchboard.contacts.control.Sender;
import org.switchboard.pipelines.entity.Priority;
import org.switchboard.contacts.control.ContactResolver;
import org.switchboard.contacts.entity.Contact;
import org.switchboard.conversations.control.HtmlSanitizer;
import org.switchboard.conversations.entity.Attachment;
import org.switchboard.conversations.entity.Conversation;
import org.switchboard.conversations.entity.Call;
import org.switchboard.conversations.entity.MessageDirection;
import org.switchboard.conversations.entity.Message;
import org.switchboard.conversations.entity.ReplyQueued;
import org.switchboard.identity.entity.User;
import org.switchboard.pipelines.entity.Pipeline;
import org.switchboard.pipelines.entity.PipelineStage;
import org.switchboard.platform.persistence.Lookups;
import org.switchboard.pipelines.control.DefaultPipeline;
import org.switchboard.identity.control.AgentFreed;
import org.switchboard.workspace.control.TicketDtos.CallView;
import org.switchboard.workspace.control.TicketDtos.AttachmentView;
import org.switchboard.workspace.control.TicketDtos.ContactDto;
import org.switchboard.workspace.control.TicketDtos.EventView;
import org.switchboard.workspace.control.TicketDtos.FileDto;
import org.switchboard.workspace.control.TicketDtos.MessageView;
import org.switchboard.workspace.control.TicketDtos.TicketCreateRequest;
import org.switchboard.workspace.control.TicketDtos.TicketDetail;
import org.switchboard.workspace.control.TicketDtos.TicketPage;
import org.switchboard.workspace.control.TicketDtos.TicketPatch;
import org.switchboard.workspace.control.TicketDtos.TicketQuery;
import org.switchboard.workspace.control.TicketDtos.TicketSummary;
import org.switchboard.tickets.control.TicketActivity;
import org.switchboard.tickets.control.TicketNumbers;
import org.switchboard.tickets.control.TimelineTexts;
import org.switchboard.tickets.entity.Phrase;
import org.switchboard.tickets.entity.Ticket;
import org.switchboard.tickets.entity.TicketEvent;
import org.switchboard.tickets.entity.TicketEventType;
import org.switchboard.tickets.entity.TicketSource;
import org.switchboard.platform.validation.SingleLine;

/** Tickets for the API and the workspace; each method one transaction. */
@ApplicationScoped
@Transactional
public class TicketService {

    static final int MAX_PAGE = 200;
    private static final String SUMMARY = "SELECT t.id, t.number, t.subject, s.id, s.name, s.closed, t.priority, t.category, o.id, o.username, "
            + "tm.id, t.source, ch.id, c.id, c.fullName, t.createdAt, t.updatedAt, t.closedAt, t.awaitingRouting, t.version "
            + "FROM Ticket t JOIN t.stage s LEFT JOIN t.owner o LEFT JOIN t.team tm LEFT JOIN t.channel ch LEFT JOIN t.contact c";

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<TicketActivity> activity;

    @Inject
    Event<ReplyQueued> replyQueued;

    @Inject
    ChannelConnectors connectors;

    @Inject
    TicketNumbers numbers;

    @Inject
    ContactResolver contacts;

    @Inject
    Event<AgentFreed> agentFreed;

    public TicketSummary create(TicketCreateRequest request, String actor) {
        TicketSource source = request.source() == null ? TicketSource.API : request.source();
        if (source == TicketSource.CHANNEL) {
            throw new IllegalArgumentException("source: CHANNEL tickets come from channels; use API, INTEGRATION, WORKFLOW or IMPORT");
        }
        Pipeline pipeline = request.pipelineId() == null
                ? em.createNamedQuery("Pipeline.byName", Pipeline.class).setParameter("name", DefaultPipeline.NAME).getSingleResult()
                : find(Pipeline.class, request.pipelineId(), "pipelineId");
        PipelineStage stage = request.stageId() == null ? pipeline.openStage() : find(PipelineStage.class, request.stageId(), "stageId");
        Ticket ticket = new Ticket(numbers.next(), request.subject(), pipeline, stage, request.priority(), source);
        ticket.describe(request.description());
        ticket.categorize(request.category());
        ticket.comesFrom(null, contact(request.contact()));
        User actorUser = user(actor);
        if (request.ownerId() != null) {
            ticket.assignTo(find(User.class, request.ownerId(), "ownerId"), null);
        }
        em.persist(ticket);
        em.persist(new TicketEvent(ticket, TicketEventType.CREATED, actorUser, Phrase.of("timeline.createdThrough").with(List.of(Phrase.of("source." + source.name())))));
        if (ticket.getOwner() != null) {
            em.persist(new TicketEvent(ticket, TicketEventType.ASSIGNED, actorUser, Phrase.of("timeline.assignedTo", "agent", ticket.getOwner().getUsername())));
        }
        em.flush();
        activity.fire(new TicketActivity(ticket.getId()));
        return summary(ticket.getId()).orElseThrow();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TicketPage list(TicketQuery query) {
        StringBuilder jpql = new StringBuilder(SUMMARY).append(" WHERE 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (query.stageId() != null) {
            jpql.append(" AND s.id = :stage");
            parameters.put("stage", query.stageId());
        }
        if (query.ownerId() != null) {
            jpql.append(" AND t.ownerId = :owner");
            parameters.put("owner", query.ownerId());
        }
        if (query.teamId() != null) {
            jpql.append(" AND tm.id = :team");
            parameters.put("team", query.teamId());
        }
        if (query.channelId() != null) {
            jpql.append(" AND t.channel.id = :channel");
            parameters.put("channel", query.channelId());
        }
        if (Boolean.TRUE.equals(query.unassigned())) {
            jpql.append(" AND t.ownerId IS NULL");
        }
        if (query.closed() != null) {
            jpql.append(query.closed() ? " AND t.open = 0" : " AND t.open = 1");
        }
        if (query.updatedSince() != null) {
            jpql.append(" AND t.updatedAt >= :since");
            parameters.put("since", query.updatedSince());
        }
        if (query.priority() != null) {
            jpql.append(" AND t.priority = :priority");
            parameters.put("priority", query.priority());
        }
        if (query.search() != null && !query.search().isBlank()) {
            String term = query.search().strip();
            if (term.matches("#?\\d{1,18}")) {
                jpql.append(" AND t.number = :number");
                parameters.put("number", Long.parseLong(term.replace("#", "")));
            } else {
                jpql.append(" AND (LOWER(t.subject) LIKE :term ESCAPE '!' OR LOWER(c.fullName) LIKE :term ESCAPE '!')");
                parameters.put("term", "%" + term.toLowerCase(java.util.Locale.ROOT).replaceAll("([!%_])", "!$1") + "%");
            }
        }
        String before = query.oldestFirst() ? ">" : "<";
        if (query.cursor() != null) {
            Cursor cursor = Cursor.decode(query.cursor());
            jpql.append(" AND (t.updatedAt ").append(before).append(" :cursorTime OR (t.updatedAt = :cursorTime AND t.id ")
                    .append(before).append(" :cursorId))");
            parameters.put("cursorTime", cursor.updatedAt());
            parameters.put("cursorId", cursor.id());
        }
        // With open/closed fixed, ordering by it too changes nothing but lets PostgreSQL walk (is_open, updated_at, id)
        // instead of scanning (updated_at, id) past every ticket of the other kind.
        // The same for one owner's or nobody's tickets and (owner_id, is_open, updated_at, id).
        String direction = query.oldestFirst() ? " ASC, " : " DESC, ";
        String byState = (query.ownerId() != null || Boolean.TRUE.equals(query.unassigned()) ? "t.ownerId" + direction : "")
                + (query.closed() == null ? "" : "t.open" + direction);
        jpql.append(query.oldestFirst() ? " ORDER BY " + byState + "t.updatedAt ASC, t.id ASC" : " ORDER BY " + byState + "t.updatedAt DESC, t.id DESC");
        int limit = Math.max(1, Math.min(query.limit() <= 0 ? 50 : query.limit(), MAX_PAGE));
        TypedQuery<Object[]> typed = em.createQuery(jpql.toString(), Object[].class).setMaxResults(limit + 1);
        parameters.forEach(typed::setParameter);
        List<TicketSummary> rows = new ArrayList<>(typed.getResultList().stream().map(TicketService::summary).toList());
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            TicketSummary last = rows.get(limit - 1);
            next = new Cursor(last.updatedAt(), last.id()).encode();
        }
        return new TicketPage(rows, next);
    }

    public Optional<TicketDetail> detail(long id) {
        Optional<TicketSummary> summary = summary(id);
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        Ticket ticket = em.find(Ticket.class, id);
        Map<Long, List<AttachmentView>> files = new HashMap<>();
        em.createQuery("SELECT a.message.id, a.id, a.filename, a.contentType, a.size, a.contentId FROM Attachment a WHERE a.message.ticket = :t ORDER BY a.id", Object[].class)
                .setParameter("t", ticket).getResultStream()
                .forEach(r -> files.computeIfAbsent((Long) r[0], k -> new ArrayList<>())
                        .add(new AttachmentView((Long) r[1], (String) r[2], (String) r[3], (Long) r[4], (String) r[5])));
        List<Message> rows = em.createQuery("SELECT m FROM Message m LEFT JOIN FETCH m.author WHERE m.ticket = :t ORDER BY m.createdAt, m.id", Message.class)
                .setParameter("t", ticket).getResultList();
        Map<Long, CallView> calls = calls(rows);
        List<MessageView> messages = rows.stream().map(m -> messageView(m, files.getOrDefault(m.getId(), List.of()), calls.get(m.getId()))).toList();
        List<EventView> timeline = em.createNamedQuery("TicketEvent.ofTicket", TicketEvent.class).setParameter("ticket", ticket).getResultStream()
                .map(e -> new EventView(e.getId(), e.getType(), e.getActor() == null ? null : e.getActor().getUsername(),
                        TimelineTexts.render(e.getPhrases(), Locale.ENGLISH), e.getPhrases(), e.getOccurredAt()))
                .toList();
        return Optional.of(new TicketDetail(summary.get(), ticket.getDescription(), ticket.getFollows() == null ? null : ticket.getFollows().getId(),
                messages, timeline));
    }

    public Optional<TicketSummary> update(long id, TicketPatch patch, String actor) {
        Ticket ticket = em.find(Ticket.class, id);
        if (ticket == null) {
            return Optional.empty();
        }
        if (patch.version() != null && patch.version() != ticket.getVersion()) {
            throw new OptimisticLockException("Ticket #" + ticket.getNumber() + " was changed by someone else");
        }
        User actorUser = user(actor);
        User previousOwner = ticket.getOwner();
        boolean wasClosed = ticket.isClosed();
        if (patch.subject() != null && !patch.subject().equals(ticket.getSubject())) {
            ticket.rename(SingleLine.check(patch.subject(), "subject"));
            em.persist(new TicketEvent(ticket, TicketEventType.RENAMED, actorUser, Phrase.of("timeline.subject", "subject", ticket.getSubject())));
        }
        if (patch.priority() != null && patch.priority() != ticket.getPriority()) {
            ticket.prioritize(patch.priority());
            em.persist(new TicketEvent(ticket, TicketEventType.PRIORITY_CHANGED, actorUser, Phrase.of("timeline.priority").with(List.of(Phrase.of("priority." + patch.priority().name())))));
        }
        if (patch.stageId() != null && !patch.stageId().equals(ticket.getStage().getId())) {
            ticket.moveTo(find(PipelineStage.class, patch.stageId(), "stageId"));
            TicketEventType type = ticket.isClosed() && !wasClosed ? TicketEventType.CLOSED
                    : !ticket.isClosed() && wasClosed ? TicketEventType.REOPENED : TicketEventType.STAGE_CHANGED;
            em.persist(new TicketEvent(ticket, type, actorUser, Phrase.of("timeline.stage", "stage", ticket.getStage().getName())));
            if (ticket.isClosed()) {
                ticket.leaveRoutingQueue();
            }
        }
        if (Boolean.TRUE.equals(patch.unassign()) && ticket.getOwner() != null) {
            ticket.unassign();
            em.persist(new TicketEvent(ticket, TicketEventType.UNASSIGNED, actorUser, Phrase.of("timeline.unassignedFrom", "agent", previousOwner.getUsername())));
        } else if (patch.ownerId() != null && (previousOwner == null || !patch.ownerId().equals(previousOwner.getId()))) {
            User owner = find(User.class, patch.ownerId(), "ownerId");
            ticket.assignTo(owner, null);
            em.persist(new TicketEvent(ticket, TicketEventType.ASSIGNED, actorUser, previousOwner == null
                    ? Phrase.of("timeline.assignedTo", "agent", owner.getUsername())
                    : Phrase.of("timeline.reassigned", "agent", owner.getUsername(), "previous", previousOwner.getUsername())));
        }
        em.flush();
        activity.fire(new TicketActivity(id));
        if (previousOwner != null && (ticket.getOwner() != previousOwner || (ticket.isClosed() && !wasClosed))) {
            agentFreed.fire(new AgentFreed(previousOwner.getId()));
        }
        return summary(id);
    }

    /** An agent's reply to the contact, in the ticket's latest conversation; delivered by its channel. */
    public Optional<MessageView> reply(long id, String actor, String text, String html) {
        return reply(id, actor, text, html, null, null);
    }

    /**
     * An agent's reply with files, quoting one of the customer's messages where the channel can
     * (null: none); delivered by the channel of the ticket's latest conversation.
     */
    public Optional<MessageView> reply(long id, String actor, String text, String html, List<FileDto> files, Long quotedMessageId) {
        Ticket ticket = em.find(Ticket.class, id);
        if (ticket == null) {
            return Optional.empty();
        }
        Conversation conversation = latestConversation(ticket);
        User agent = user(actor);
        // the reply takes the conversation's next sequence number: wait for a message being taken in now rather than fail on it
        em.refresh(conversation, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        Message reply = Message.outbound(conversation, agent, "Re: " + ticket.getSubject(), text, HtmlSanitizer.sanitize(html));
        Channel channel = conversation.getChannel();
        connectors.of(channel.getType()).map(c -> c.repliesThrough(channel.getId(), conversation.getId())).filter(java.util.OptionalLong::isPresent)
                .map(through -> em.find(Channel.class, through.getAsLong())).ifPresent(reply::sendThrough);
        if (quotedMessageId != null) {
            quote(reply, quotedMessageId, conversation, agent);
        }
        reply.queueForDelivery();
        em.persist(reply);
        for (FileDto file : files == null ? List.<FileDto>of() : files) {
            byte[] content;
            try {
                content = Base64.getMimeDecoder().decode(file.contentBase64());
            } catch (IllegalArgumentException notBase64) {
                throw new IllegalArgumentException("attachments: " + file.filename() + " is not valid Base64");
            }
            em.persist(new Attachment(reply, file.filename(), file.contentType(), null, content));
        }
        ticket.touch();
        em.persist(new TicketEvent(ticket, TicketEventType.MESSAGE_SENT, agent, Phrase.of("timeline.replyQueued")));
        em.flush();
        replyQueued.fire(new ReplyQueued(reply.getId()));
        activity.fire(new TicketActivity(id));
        return Optional.of(messageView(reply));
    }

    /**
     * A reply as one of the provider's templates, where free text cannot go (WhatsApp outside its 24
     * hours): the template must be one the conversation's reply box offers now, with all its values.
     * The message's text is the template as the contact reads it; the kind's sender sends the template.
     */
    public Optional<MessageView> replyWithTemplate(long id, String actor, String templateId, List<String> values) {
        Ticket ticket = em.find(Ticket.class, id);
        if (ticket == null) {
            return Optional.empty();
        }
        Conversation conversation = latestConversation(ticket);
        User agent = user(actor);
        Channel channel = conversation.getChannel();
        ReplyTemplate template = connectors.of(channel.getType()).map(c -> c.composer(channel.getId(), conversation.getId(), agent.getFullName()))
                .map(Composer::templates).orElse(List.of()).stream().filter(t -> t.id().equals(templateId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("template: not a template this conversation's channel offers now"));
        List<String> given = values == null ? List.of() : values.stream().map(v -> v == null ? "" : v.strip()).toList();
        if (given.size() != template.parameters() || given.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("parameters: the template " + template.label() + " takes " + template.parameters() + " values, none empty");
        }
        em.refresh(conversation, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        Message reply = Message.outbound(conversation, agent, "Re: " + ticket.getSubject(), template.render(given), null);
        jakarta.json.JsonArrayBuilder parameters = Jsonp.arrayBuilder();
        given.forEach(parameters::add);
        reply.sendAs(Jsonp.objectBuilder().add("template", template.id()).add("parameters", parameters).build().toString());
        reply.queueForDelivery();
        em.persist(reply);
        ticket.touch();
        em.persist(new TicketEvent(ticket, TicketEventType.MESSAGE_SENT, agent, Phrase.of("timeline.templateQueued", "template", template.label())));
        em.flush();
        replyQueued.fire(new ReplyQueued(reply.getId()));
        activity.fire(new TicketActivity(id));
        return Optional.of(messageView(reply));
    }

    private void quote(Message reply, long quotedMessageId, Conversation conversation, User agent) {
        Channel channel = conversation.getChannel();
        boolean quotes = connectors.of(channel.getType()).map(c -> c.composer(channel.getId(), conversation.getId(), agent.getFullName()))
                .map(Composer::quotes).orElse(false);
        if (!quotes) {
            throw new IllegalArgumentException("quotedMessageId: replies on this channel cannot quote a message now");
        }
        Message quoted = em.find(Message.class, quotedMessageId);
        if (quoted == null) {
            throw new IllegalArgumentException("quotedMessageId: there is no message " + quotedMessageId);
        }
        try {
            reply.quote(quoted);
        } catch (IllegalArgumentException wrong) {
            throw new IllegalArgumentException("quotedMessageId: " + wrong.getMessage(), wrong);
        }
    }

    /** Replies go in the ticket's latest conversation. */
    private Conversation latestConversation(Ticket ticket) {
        return em.createQuery("SELECT c FROM Conversation c WHERE c.ticket = :t ORDER BY c.lastMessageAt DESC, c.id DESC", Conversation.class)
                .setParameter("t", ticket).setMaxResults(1).getResultStream().findFirst()
                .orElseThrow(() -> new IllegalStateException("Ticket #" + ticket.getNumber() + " has no conversation to reply in"));
    }

    public Optional<MessageView> note(long id, String actor, String text) {
        Ticket ticket = em.find(Ticket.class, id);
        if (ticket == null) {
            return Optional.empty();
        }
        User agent = user(actor);
        Message note = Message.internalNote(ticket, agent, text);
        em.persist(note);
        ticket.touch();
        em.persist(new TicketEvent(ticket, TicketEventType.NOTE_ADDED, agent));
        em.flush();
        activity.fire(new TicketActivity(id));
        return Optional.of(messageView(note));
    }

    private static MessageView messageView(Message m) {
        return messageView(m, List.of(), null);
    }

    /** The calls among these messages (messages of kind call), by message id: one query. */
    private Map<Long, CallView> calls(List<Message> rows) {
        Map<Long, CallView> calls = new HashMap<>();
        List<Long> inbound = rows.stream().filter(m -> m.getDirection() == MessageDirection.INBOUND).map(Message::getId).toList();
        if (!inbound.isEmpty()) {
            for (Call c : em.createNamedQuery("Call.ofMessages", Call.class).setParameter("ids", inbound).getResultList()) {
                java.time.Duration talked = c.talked();
                calls.put(c.getMessage().getId(), new CallView(c.getDirection(), c.getState(), c.getCustomerNumber(), c.getOurNumber(),
                        c.getAgent() == null ? null : c.getAgent().getUsername(), c.getAnsweredBy(), c.getStartedAt(), c.getAnsweredAt(),
                        c.getEndedAt(), talked == null ? null : talked.toSeconds(), c.getEndCause(), c.isEndedByTimeout(), c.getRecordingSeconds()));
            }
        }
        return calls;
    }

    private static MessageView messageView(Message m, List<AttachmentView> files, CallView call) {
        return new MessageView(m.getId(), m.getConversation() == null ? null : m.getConversation().getId(), m.getDirection(),
                m.getAuthor() == null ? null : m.getAuthor().getUsername(), m.getSubject(), m.getText(), m.getSanitizedHtml(),
                m.getExternalId(), m.getSentAt(), m.getCreatedAt(), m.getDeliveryState(), m.getDeliveryError(),
                m.getChannelMessageId(), m.isAutomatic(), m.getNotes(), files, call, m.getQuotedMessageId());
    }

    public Optional<TicketSummary> summaryOf(long id) {
        return summary(id);
    }

    private Optional<TicketSummary> summary(long id) {
        return em.createQuery(SUMMARY + " WHERE t.id = :id", Object[].class).setParameter("id", id).getResultStream()
                .findFirst().map(TicketService::summary);
    }

    private static TicketSummary summary(Object[] r) {
        return new TicketSummary((Long) r[0], (Long) r[1], (String) r[2], (Long) r[3], (String) r[4], (Boolean) r[5],
                (org.switchboard.pipelines.entity.Priority) r[6], (String) r[7], (Long) r[8], (String) r[9], (Long) r[10],
                (TicketSource) r[11], (Long) r[12], (Long) r[13], (String) r[14], (Instant) r[15], (Instant) r[16], (Instant) r[17],
                (Boolean) r[18], (Long) r[19]);
    }

    private Contact contact(ContactDto dto) {
        if (dto == null || (dto.email() == null && dto.phone() == null)) {
            return null;
        }
        String email = dto.email() == null ? null : Contact.normalizeEmail(dto.email());
        String phone = dto.phone() == null ? null : Contact.normalizePhone(dto.phone());
        return contacts.resolve(new Sender(email, phone, dto.name(), null), null);
    }

    private User user(String username) {
        return em.createNamedQuery("User.byUsername", User.class).setParameter("username", username).getResultStream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No user " + username));
    }

    private <T> T find(Class<T> type, Long id, String field) {
        return Lookups.require(em, type, id, field);
    }

    /** Keyset position: the last row's (updatedAt, id), opaque to clients. */
    record Cursor(Instant updatedAt, long id) {
        String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((updatedAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
                return new Cursor(Instant.parse(parts[0]), Long.parseLong(parts[1]));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("cursor: not a cursor this API returned");
            }
        }
    }
}
