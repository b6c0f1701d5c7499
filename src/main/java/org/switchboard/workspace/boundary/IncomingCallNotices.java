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
 * between pages does not lose it. What is ringing is kept here, per instance, for at most {@link #KEEP}; the
 * caller's card is read only when one of the agents it rings has a page open here.
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

    /** A call ringing these users; its card is read when someone here is to see it (null until then). */
    private record Notice(List<String> usernames, Instant until, String json) {

        Notice withCard(String card) {
            return new Notice(usernames, until, card);
        }
    }

    private final Map<Long, Notice> ringing = new ConcurrentHashMap<>();
    /** Users with a page open on this instance (its "calls" socket), so a call nobody here can see costs no reading. */
    private final Map<String, Integer> connected = new ConcurrentHashMap<>();
    /** Calls heard to be over, kept a while: their "ringing" may be heard after the "over" (listeners run in parallel). */
    private final Map<Long, Instant> over = new ConcurrentHashMap<>();

    void listen(@Observes SchemaReady ready) {
        live.subscribeFamily(IncomingCalls.TOPICS, this::heard);
    }

    private void heard(String topic) {
        forgetOld();
        IncomingCalls.Ringing rings = IncomingCalls.ringing(topic);
        if (rings != null) {
            ring(rings);
            return;
        }
        Long ended = IncomingCalls.over(topic);
        if (ended != null) {
            end(ended);
        }
    }

    private void ring(IncomingCalls.Ringing rings) {
        long id = rings.messageId();
        if (over.containsKey(id)) {
            return;
        }
        List<String> usernames = queries.usernames(rings.userIds());
        if (usernames.isEmpty()) {
            return;
        }
        ringing.merge(id, new Notice(usernames, Instant.now().plus(KEEP), null), (before, now) -> new Notice(
                java.util.stream.Stream.concat(before.usernames().stream(), now.usernames().stream()).distinct().toList(), now.until(), before.json()));
        List<String> here = usernames.stream().filter(connected::containsKey).toList();
        if (here.isEmpty()) {
            return; // nobody here has a page open: a page opened while it rings reads the card then
        }
        String card = card(id);
        if (card != null) {
            send(card, here);
        }
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

    void opened(@Observes @WebsocketEvent.Opened WebsocketEvent socket) {
        if (CHANNEL.equals(socket.getChannel()) && socket.getUser() != null) {
            connected.merge(socket.getUser().toString(), 1, Integer::sum);
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
        if (notice != null) {
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
        forgetOld();
        JsonArrayBuilder notices = Json.createArrayBuilder();
        ringing.entrySet().stream().filter(call -> call.getValue().usernames().contains(username))
                .map(call -> card(call.getKey())).filter(java.util.Objects::nonNull)
                .forEach(card -> notices.add(Json.createReader(new java.io.StringReader(card)).readObject()));
        return notices.build().toString();
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
