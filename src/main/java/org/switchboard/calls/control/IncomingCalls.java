package org.switchboard.calls.control;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.switchboard.identity.entity.User;
import org.switchboard.platform.concurrent.Background;
import org.switchboard.platform.live.LiveEvents;
import org.switchboard.routing.control.Staffing;

/**
 * Announces, on every instance, which agents an incoming call rings — the live event
 * {@code calls:ringing:<message id>:<user id>,…} — and that it stopped ringing ({@code calls:over:<message id>});
 * whoever shows agents the notice listens to the family {@value #TOPICS}. The agents are the ones the phone
 * system names, found by their calling address or name; when it names nobody, the agents the channel's
 * routing could give the call to now (available, seated, under capacity, not on a call). Resolved once, off
 * the intake's thread, after the event's transaction committed.
 */
@ApplicationScoped
public class IncomingCalls {

    public static final String TOPICS = "calls:";
    private static final Logger LOG = Logger.getLogger(IncomingCalls.class.getName());

    @Inject
    Background background;

    @Inject
    LiveEvents live;

    @Inject
    CallAgents agents;

    @Inject
    Staffing staffing;

    @Inject
    IncomingCalls self;

    void onRings(@Observes(during = TransactionPhase.AFTER_SUCCESS) CallRings rings) {
        try {
            background.execute(() -> announce(rings));
        } catch (RuntimeException stopping) {
            // the application is stopping: nobody is left to tell
        }
    }

    private void announce(CallRings rings) {
        if (!rings.ringing()) {
            live.publish(TOPICS + "over:" + rings.messageId());
            return;
        }
        try {
            Set<Long> rung = self.rung(rings);
            if (!rung.isEmpty()) {
                live.publish(TOPICS + "ringing:" + rings.messageId() + ":" + rung.stream().map(String::valueOf).collect(Collectors.joining(",")));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Agents not told of incoming call " + rings.messageId(), e);
        }
    }

    /** The ids of the users the call rings. */
    @Transactional
    public Set<Long> rung(CallRings rings) {
        if (rings.agents() == null) {
            return new LinkedHashSet<>(staffing.couldAnswerNow(rings.channelId()));
        }
        return rings.agents().stream().map(named -> agents.find(named, rings.country()))
                .flatMap(java.util.Optional::stream).map(User::getId).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** A ringing topic read back: the call's message id and the users it rings; null when the topic is not one. */
    public static Ringing ringing(String topic) {
        String prefix = TOPICS + "ringing:";
        if (!topic.startsWith(prefix)) {
            return null;
        }
        String[] parts = topic.substring(prefix.length()).split(":", 2);
        try {
            List<Long> users = parts.length < 2 || parts[1].isEmpty() ? List.of()
                    : java.util.Arrays.stream(parts[1].split(",")).map(Long::valueOf).toList();
            return new Ringing(Long.parseLong(parts[0]), users);
        } catch (NumberFormatException notOurs) {
            return null;
        }
    }

    /** An over topic read back: the call's message id, or null. */
    public static Long over(String topic) {
        String prefix = TOPICS + "over:";
        try {
            return topic.startsWith(prefix) ? Long.valueOf(topic.substring(prefix.length())) : null;
        } catch (NumberFormatException notOurs) {
            return null;
        }
    }

    public record Ringing(long messageId, List<Long> userIds) {
    }
}
