package org.switchboard.routing.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.switchboard.tickets.control.TimelineTexts;
import org.switchboard.tickets.entity.Phrase;

/**
 * The outcome of routing one ticket, with its explanation: the rule, the chosen agent and every
 * skipped candidate with the reason.
 */
public record RoutingDecision(Outcome outcome, List<Phrase> rule, AgentSnapshot chosen, Long viaTeamId, List<Skip> skipped) {

    public enum Outcome {
        /** Assign to {@link #chosen()}. */
        ASSIGNED,
        /** The channel assigns to no one (or the contact has no owner): leave unassigned, not queued. */
        NOT_ROUTED,
        /** Nobody is eligible now: wait unassigned in the queue. */
        WAITING,
        /** Contact owner rule, owner away with "available users only": wait, and tell the owner. */
        OWNER_AWAY
    }

    /**
     * A skipped candidate. For a missing skill, {@code required} holds the required skills and the
     * text is made only when someone reads it: routing itself must stay cheap with 1,000 agents.
     */
    public record Skip(AgentSnapshot agent, SkipReason reason, String detail, Map<Long, String> required) {

        public Skip(AgentSnapshot agent, SkipReason reason, String detail) {
            this(agent, reason, detail, Map.of());
        }

        public Phrase describe() {
            String text = detail;
            if (reason == SkipReason.MISSING_SKILL && text == null) {
                text = required.entrySet().stream().filter(s -> !agent.skillIds().contains(s.getKey()))
                        .map(Map.Entry::getValue).sorted().collect(Collectors.joining(", "));
            }
            return Phrase.of("routing.skip." + reason.name(), "agent", agent.username(), "detail", text);
        }
    }

    public boolean assigned() {
        return outcome == Outcome.ASSIGNED;
    }

    /** The explanation for the ticket timeline: the rule, the outcome and every skipped candidate with the reason. */
    public List<Phrase> explanation() {
        return explanation(true);
    }

    /** @param ownerNotified for {@link Outcome#OWNER_AWAY}: whether the owner could be told */
    public List<Phrase> explanation(boolean ownerNotified) {
        List<Phrase> text = new ArrayList<>(rule);
        text.add(switch (outcome) {
            case ASSIGNED -> chosen.capacity() == null
                    ? Phrase.of("routing.chose", "agent", chosen.username(), "open", chosen.openTickets())
                    : Phrase.of("routing.choseOfCapacity", "agent", chosen.username(), "open", chosen.openTickets(), "capacity", chosen.capacity());
            case NOT_ROUTED -> Phrase.of("routing.notRouted");
            case WAITING -> Phrase.of("routing.waiting");
            case OWNER_AWAY -> Phrase.of(ownerNotified ? "routing.ownerAway" : "routing.ownerAwayUnnotified");
        });
        if (!skipped.isEmpty()) {
            text.add(Phrase.of("routing.skipped").with(skipped.stream().sorted(Comparator.comparing(s -> s.agent().username()))
                    .map(Skip::describe).toList()));
        }
        return text;
    }

    /** The explanation in English, for logs, the API and tests. */
    public String explain() {
        return TimelineTexts.render(explanation(), Locale.ENGLISH);
    }
}
