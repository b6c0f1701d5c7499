package org.switchboard.routing.control;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The outcome of routing one ticket, with its explanation: the rule, the chosen agent and every
 * skipped candidate with the reason.
 */
public record RoutingDecision(Outcome outcome, String rule, AgentSnapshot chosen, Long viaTeamId, List<Skip> skipped) {

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

        public String describe() {
            String text = detail;
            if (reason == SkipReason.MISSING_SKILL && text == null) {
                text = required.entrySet().stream().filter(s -> !agent.skillIds().contains(s.getKey()))
                        .map(Map.Entry::getValue).sorted().collect(Collectors.joining(", "));
            }
            return agent.username() + " — " + reason.text() + (text == null || text.isEmpty() ? "" : " " + text);
        }
    }

    public boolean assigned() {
        return outcome == Outcome.ASSIGNED;
    }

    /** One paragraph for the ticket timeline. */
    public String explain() {
        StringBuilder text = new StringBuilder("Rule: ").append(rule).append(". ");
        switch (outcome) {
            case ASSIGNED -> text.append("Chose ").append(chosen.username()).append(" (").append(chosen.openTickets())
                    .append(" open tickets").append(chosen.capacity() == null ? "" : " of " + chosen.capacity()).append(").");
            case NOT_ROUTED -> text.append("Not assigned automatically.");
            case WAITING -> text.append("Nobody is eligible now; waiting in the queue.");
            case OWNER_AWAY -> text.append("The contact owner is away; waiting, owner notified.");
        }
        if (!skipped.isEmpty()) {
            text.append(" Skipped: ").append(skipped.stream().sorted(java.util.Comparator.comparing(s -> s.agent().username()))
                    .map(Skip::describe).collect(Collectors.joining("; "))).append('.');
        }
        return text.toString();
    }
}
