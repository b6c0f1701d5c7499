package org.switchboard.workspace.boundary;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.faces.event.WebsocketEvent;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import org.switchboard.calls.control.IncomingCalls;
import org.switchboard.platform.live.LiveEvents;
import org.switchboard.platform.startup.SchemaReady;
import org.switchboard.workspace.control.WorkspaceQueries;
import org.switchboard.workspace.control.WorkspaceQueries.IncomingCall;

/**
 * The live "incoming call" notice: when a call rings agents ({@link IncomingCalls}' live events, heard on
 * every instance), each of them gets the caller's card on whatever page they have open — pushed on their own
 * Faces WebSocket channel {@value #CHANNEL}, never to anyone else — and the notice goes when the call is
 * answered or over. A page opened while the call still rings shows it too ({@link #currentFor}), so moving
 * between pages does not lose it. What is ringing is kept here, per instance, for at most {@link #KEEP};
 * whom it rings is resolved, and the caller's card read, only when an agent has a page open here — a burst
 * of calls nobody watches costs no reading.
 */
@Named("incomingCalls")
@ApplicationScoped
public class IncomingCallNotices {

    static final String CHANNEL = "calls";
    static final Duration KEEP = Duration.ofMinutes(3);
    private static final Logger LOG = Logger.getLogger(IncomingCallNotices.class.getName());

    @Inject
    @Push(channel = CHANNEL)
    PushContext calls;

    @Inject
    LiveEvents live;

    @Inject
    WorkspaceQueries queries;

    @Inject
    IncomingCalls announcements;

    /**
     * A call ringing here: whom, once resolved (null until someone could see it), and its card once read.
     */
    private record Notice(IncomingCalls.Announcement call, Instant until, List<String> usernames, String json) {

        Notice resolved(List<String> names) {
            return new Notice(call, until, names, json);
        }

        Notice withCard(String card) {
            return new Notice(call, until, usernames, card);
        }
    }

    private final Map<Long, Notice> ringing = new ConcurrentHashMap<>();
    /** Calls heard to be over, kept a while: their "ringing" may be heard after the "over" (listeners run in parallel). */
    private final Map<Long, Instant> over = new ConcurrentHashMap<>();
    /** Users with a page open on this instance (its "calls" socket): with nobody here, a call costs no reading. */
    private final Map<String, Integer> connected = new ConcurrentHashMap<>();

    void listen(@Observes SchemaReady ready) {
        live.subscribeFamily(IncomingCalls.TOPICS, this::heard);
    }

    private void heard(String topic) {
        forgetOld();
        for (IncomingCalls.Announcement call : IncomingCalls.read(topic)) {
            try {
                if (call.ringing()) {
                    ring(call);
                } else {
                    end(call.messageId());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Incoming call notice " + call.messageId() + " not shown", e);
            }
        }
    }

    private void ring(IncomingCalls.Announcement call) {
        long id = call.messageId();
        if (over.containsKey(id)) {
            return;
        }
        ringing.putIfAbsent(id, new Notice(call, Instant.now().plus(KEEP), null, null));
        if (connected.isEmpty()) {
            return; // nobody has a page open here; one opened while it rings resolves it then
        }
        List<String> here = usernames(id).stream().filter(connected::containsKey).toList();
        String card = here.isEmpty() ? null : card(id);
        if (card != null) {
            send(card, here);
        }
    }

    /** Whom the call rings, resolved once. */
    private List<String> usernames(long messageId) {
        Notice notice = ringing.get(messageId);
        if (notice == null) {
            return List.of();
        }
        if (notice.usernames() != null) {
            return notice.usernames();
        }
        List<String> names = queries.usernames(announcements.rung(notice.call()));
        ringing.computeIfPresent(messageId, (id, kept) -> kept.resolved(names));
        return names;
    }

    /** The call's card, read once; null when the call no longer rings (or ended while it was read). */
    private String card(long messageId) {
        Notice notice = ringing.get(messageId);
        if (notice == null) {
            return null;
        }
        if (notice.json() != null) {
            return notice.json();
        }
        IncomingCall call = queries.incomingCall(messageId).filter(IncomingCall::ringing).orElse(null);
        if (call == null || over.containsKey(messageId)) {
            ringing.remove(messageId);
            return null;
        }
        String card = json(call);
        ringing.computeIfPresent(messageId, (id, kept) -> kept.withCard(card));
        return card;
    }

    /**
     * A page's channel opened (the socket is registered before this event, so a push now reaches it). A call
     * heard ringing after the page was rendered but before now was pushed to no page of this user: send what
     * rings them now (the page shows each call once, whatever way it came).
     */
    void opened(@Observes @WebsocketEvent.Opened WebsocketEvent socket) {
        if (CHANNEL.equals(socket.getChannel()) && socket.getUser() != null) {
            String username = socket.getUser().toString();
            connected.merge(username, 1, Integer::sum);
            cardsFor(username).forEach(card -> send(card, List.of(username)));
        }
    }

    void closed(@Observes @WebsocketEvent.Closed WebsocketEvent socket) {
        if (CHANNEL.equals(socket.getChannel()) && socket.getUser() != null) {
            connected.computeIfPresent(socket.getUser().toString(), (user, count) -> count > 1 ? count - 1 : null);
        }
    }

    private void end(long messageId) {
        over.put(messageId, Instant.now().plus(KEEP));
        Notice notice = ringing.remove(messageId);
        if (notice != null && notice.usernames() != null) {
            send(Json.createObjectBuilder().add("over", messageId).build().toString(), notice.usernames());
        }
    }

    private void send(String json, List<String> usernames) {
        try {
            calls.send(json, usernames);
        } catch (RuntimeException e) {
            // a page that misses it shows the ringing call when it next loads
            LOG.log(Level.FINE, "Incoming call notice not pushed", e);
        }
    }

    private void forgetOld() {
        Instant now = Instant.now();
        ringing.values().removeIf(notice -> notice.until().isBefore(now));
        over.values().removeIf(until -> until.isBefore(now));
    }

    /** The calls ringing this user now, as the JSON array the page shows on loading. */
    public String currentFor(String username) {
        JsonArrayBuilder notices = Json.createArrayBuilder();
        cardsFor(username).forEach(card -> notices.add(Json.createReader(new java.io.StringReader(card)).readObject()));
        return notices.build().toString();
    }

    private List<String> cardsFor(String username) {
        forgetOld();
        return ringing.keySet().stream().filter(id -> usernames(id).contains(username))
                .map(this::card).filter(java.util.Objects::nonNull).toList();
    }

    static String json(IncomingCall call) {
        JsonObjectBuilder card = Json.createObjectBuilder()
                .add("id", call.messageId())
                .add("ticketId", call.ticketId())
                .add("ticketNumber", call.ticketNumber())
                .add("subject", call.subject() == null ? "" : call.subject())
                .add("channel", call.channel() == null ? "" : call.channel())
                .add("number", call.number() == null ? "" : call.number());
        if (call.contact() != null) {
            card.add("name", call.contact().name())
                    .add("emails", Json.createArrayBuilder(call.contact().emails()))
                    .add("owner", call.contact().owner() == null ? "" : call.contact().owner());
        }
        JsonArrayBuilder open = Json.createArrayBuilder();
        call.openTickets().forEach(t -> open.add(Json.createObjectBuilder().add("id", t.id()).add("number", t.number())
                .add("subject", t.subject() == null ? "" : t.subject())));
        return card.add("openTickets", open).build().toString();
    }
}
