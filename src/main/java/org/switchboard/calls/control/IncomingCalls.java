package org.switchboard.calls.control;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
 * Announces, on every instance, that incoming calls ring and whom (as the phone system names them, or
 * "whoever routing could give it to"), and that they stopped ringing: the live event family
 * {@value #TOPICS}, each event a list of {@code ringing:<message>:<channel>:<country>:<names or *>} and
 * {@code over:<message>} items. Announcements of one {@value #WINDOW_MILLIS} ms window go out together
 * (one database notification, not one per call event: a burst of calls must not queue behind them), the
 * first after a quiet moment at once. Nothing is looked up here: whoever shows the notice resolves the
 * names ({@link #rung}) only when someone can see it.
 */
@ApplicationScoped
public class IncomingCalls {

    public static final String TOPICS = "calls:";
    static final long WINDOW_MILLIS = 50;
    /** PostgreSQL's notification payload is at most 8,000 bytes. */
    static final int MAX_TOPIC = 7000;

    @Inject
    Background background;

    @Inject
    LiveEvents live;

    @Inject
    CallAgents agents;

    @Inject
    Staffing staffing;

    private final List<String> pending = new ArrayList<>();
    private boolean scheduled;
    private long lastNanos = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(WINDOW_MILLIS);

    /** One announcement read back; {@code names} null: the agents routing could give the call to. */
    public record Announcement(long messageId, boolean ringing, long channelId, String country, List<String> names) {
    }

    synchronized void onRings(@Observes(during = TransactionPhase.AFTER_SUCCESS) CallRings rings) {
        pending.add(item(rings));
        if (scheduled) {
            return; // the event at the end of this window carries it
        }
        long wait = lastNanos + TimeUnit.MILLISECONDS.toNanos(WINDOW_MILLIS) - System.nanoTime();
        try {
            if (wait <= 0) {
                List<String> items = take();
                background.execute(() -> publish(items));
            } else {
                scheduled = true;
                background.schedule(this::publishTrailing, wait, TimeUnit.NANOSECONDS);
            }
        } catch (RuntimeException stopping) {
            scheduled = false; // the application is stopping: nobody is left to tell
        }
    }

    private void publishTrailing() {
        List<String> items;
        synchronized (this) {
            scheduled = false;
            items = take();
        }
        publish(items);
    }

    /** Called holding the lock. */
    private List<String> take() {
        lastNanos = System.nanoTime();
        List<String> items = List.copyOf(pending);
        pending.clear();
        return items;
    }

    private void publish(List<String> items) {
        StringBuilder topic = new StringBuilder(TOPICS);
        for (String item : items) {
            if (topic.length() > TOPICS.length() && topic.length() + item.length() + 1 > MAX_TOPIC) {
                live.publish(topic.toString());
                topic.setLength(TOPICS.length());
            }
            topic.append(topic.length() > TOPICS.length() ? ";" : "").append(item);
        }
        if (topic.length() > TOPICS.length()) {
            live.publish(topic.toString());
        }
    }

    static String item(CallRings rings) {
        if (!rings.ringing()) {
            return "over:" + rings.messageId();
        }
        String names = rings.agents() == null ? "*"
                : rings.agents().stream().map(name -> URLEncoder.encode(name, StandardCharsets.UTF_8)).collect(Collectors.joining(","));
        return "ringing:" + rings.messageId() + ":" + rings.channelId() + ":" + (rings.country() == null ? "" : rings.country()) + ":" + names;
    }

    /** A {@value #TOPICS} event read back; items that are not ours are skipped. */
    public static List<Announcement> read(String topic) {
        List<Announcement> read = new ArrayList<>();
        if (!topic.startsWith(TOPICS)) {
            return read;
        }
        for (String item : topic.substring(TOPICS.length()).split(";")) {
            String[] parts = item.split(":", -1);
            try {
                if (parts.length == 2 && parts[0].equals("over")) {
                    read.add(new Announcement(Long.parseLong(parts[1]), false, 0, null, List.of()));
                } else if (parts.length == 5 && parts[0].equals("ringing")) {
                    List<String> names = parts[4].equals("*") ? null : java.util.Arrays.stream(parts[4].split(","))
                            .filter(name -> !name.isEmpty()).map(name -> URLDecoder.decode(name, StandardCharsets.UTF_8)).toList();
                    read.add(new Announcement(Long.parseLong(parts[1]), true, Long.parseLong(parts[2]), parts[3].isEmpty() ? null : parts[3], names));
                }
            } catch (IllegalArgumentException notOurs) {
                // another shape: skipped
            }
        }
        return read;
    }

    /** The ids of the users a ringing call rings. */
    @Transactional
    public Set<Long> rung(Announcement call) {
        if (call.names() == null) {
            return new LinkedHashSet<>(staffing.couldAnswerNow(call.channelId()));
        }
        return call.names().stream().map(named -> agents.find(named, call.country()))
                .flatMap(java.util.Optional::stream).map(User::getId).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
