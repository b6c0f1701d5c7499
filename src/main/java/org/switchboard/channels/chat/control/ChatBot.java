package org.switchboard.channels.chat.control;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.switchboard.channels.chat.control.ChatFlow.Choice;
import org.switchboard.channels.chat.control.ChatFlow.Field;
import org.switchboard.channels.chat.control.ChatFlow.Kind;
import org.switchboard.channels.chat.control.ChatFlow.Step;
import org.switchboard.pipelines.entity.Priority;

/**
 * Runs a {@link ChatFlow}, purely: from where the visitor is and what they answered to what the bot
 * says, what it keeps, and where the visitor is next. A wrong answer (an unknown button, an email
 * address that is not one) gets the question again; nothing is lost or skipped.
 */
public final class ChatBot {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_STEPS_PER_TURN = 100;

    /** How a turn ends: waiting for the visitor, handed to a person (routing runs), or closed. */
    public enum End { WAITING, HANDOFF, CLOSE }

    /** One thing the bot says, in the visitor's language, with the buttons of a question. */
    public record Said(String text, List<String> buttons) {
    }

    /** A turn: what was said, what was kept, the step now waiting for an answer (null once ended), and how it ended. */
    public record Turn(List<Said> said, Map<Field, String> collected, String waitingAt, End end) {
    }

    private ChatBot() {
    }

    /** The flow's first turn, for a visitor who has just written their first message. */
    public static Turn start(ChatFlow flow, String language) {
        return run(flow, 0, language, new ArrayList<>(), new EnumMap<>(Field.class));
    }

    /** The visitor answered the step that was waiting. */
    public static Turn answer(ChatFlow flow, String waitingAt, String answer, String language) {
        int index = flow.indexOf(waitingAt);
        if (index < 0) {
            return new Turn(List.of(), Map.of(), null, End.HANDOFF); // the flow changed under the visitor: a person takes over
        }
        Step step = flow.steps().get(index);
        List<Said> said = new ArrayList<>();
        Map<Field, String> collected = new EnumMap<>(Field.class);
        if (step.kind() == Kind.ASK) {
            Choice chosen = step.choices().stream().filter(c -> ChatFlow.matches(c.label(), answer)).findFirst().orElse(null);
            if (chosen == null) {
                said.add(say(step, language));
                return new Turn(said, collected, step.id(), End.WAITING);
            }
            return run(flow, flow.indexAfter(index, chosen.next() != null ? chosen.next() : step.next()), language, said, collected);
        }
        if (step.kind() == Kind.COLLECT) {
            String value = answer == null ? "" : answer.strip();
            if (value.isEmpty() || value.length() > 200 || value.chars().anyMatch(Character::isISOControl)
                    || (step.collect() == Field.EMAIL && !EMAIL.matcher(value).matches())
                    || (step.collect() == Field.PRIORITY && priorityOf(value).isEmpty())) {
                said.add(say(step, language));
                return new Turn(said, collected, step.id(), End.WAITING);
            }
            collected.put(step.collect(), value);
            return run(flow, flow.indexAfter(index, step.next()), language, said, collected);
        }
        return run(flow, index, language, said, collected);
    }

    private static Turn run(ChatFlow flow, int index, String language, List<Said> said, Map<Field, String> collected) {
        for (int steps = 0; steps < MAX_STEPS_PER_TURN; steps++) {
            if (index < 0) {
                return new Turn(said, collected, null, End.HANDOFF); // ran off the end: a person takes over
            }
            Step step = flow.steps().get(index);
            switch (step.kind()) {
                case MESSAGE -> {
                    said.add(say(step, language));
                    index = flow.indexAfter(index, step.next());
                }
                case ASK, COLLECT -> {
                    said.add(say(step, language));
                    return new Turn(said, collected, step.id(), End.WAITING);
                }
                case HANDOFF -> {
                    if (step.text() != null && step.text().en() != null && !step.text().en().isBlank()) {
                        said.add(say(step, language));
                    }
                    return new Turn(said, collected, null, End.HANDOFF);
                }
                case CLOSE -> {
                    said.add(say(step, language));
                    return new Turn(said, collected, null, End.CLOSE);
                }
                default -> throw new IllegalStateException("Unknown step kind " + step.kind());
            }
        }
        return new Turn(said, collected, null, End.HANDOFF); // a circle the check let through: a person takes over
    }

    /** A priority as a visitor may write it (low, medium, high, urgent, or in Finnish); empty when it is none of them. */
    static Optional<Priority> priorityOf(String answer) {
        String said = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
        return switch (said) {
            case "low", "matala" -> Optional.of(Priority.LOW);
            case "medium", "normal", "normaali", "keskitaso" -> Optional.of(Priority.MEDIUM);
            case "high", "korkea" -> Optional.of(Priority.HIGH);
            case "urgent", "kiireellinen" -> Optional.of(Priority.URGENT);
            default -> Optional.empty();
        };
    }

    private static Said say(Step step, String language) {
        return new Said(step.text().in(language), step.choices().stream().map(c -> c.label().in(language)).toList());
    }
}
