package org.switchboard.channels.chat.control;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A chat bot's flow (the seed's "chatflow"): steps run from the first, each saying something in
 * the visitor's language and going on — at once ({@code MESSAGE}), after the visitor picks a button
 * ({@code ASK}, each button may branch), or after they answer a question whose answer is kept
 * ({@code COLLECT}: their name, email, or a ticket property) — until a {@code HANDOFF} to a person
 * (routing runs then) or a {@code CLOSE}. One flow per chat channel.
 */
public record ChatFlow(List<Step> steps) {

    public enum Kind { MESSAGE, ASK, COLLECT, HANDOFF, CLOSE }

    /** What a COLLECT step keeps. */
    public enum Field { NAME, EMAIL, PRIORITY, CATEGORY }

    public record Text(String en, String fi) {
        public String in(String language) {
            return "fi".equals(language) && fi != null && !fi.isBlank() ? fi : en;
        }
    }

    /** A button of an ASK step; {@code next} null goes on to the step's own next. */
    public record Choice(Text label, String next) {
    }

    /** {@code next} null: the step after it in the list. */
    public record Step(String id, Kind kind, Text text, List<Choice> choices, Field collect, String next) {
        public Step {
            choices = choices == null ? List.of() : List.copyOf(choices);
        }
    }

    public ChatFlow {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /**
     * The flow as given, or {@link IllegalArgumentException} naming the part that cannot work
     * ({@code steps[2].next: no step "x"}). Every path must end in a handoff or a close, and
     * messages must not run in a circle without waiting for the visitor.
     */
    public ChatFlow checked() {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("steps: a flow needs at least one step");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String at = "steps[" + i + "]";
            if (step.id() == null || !step.id().matches("[A-Za-z0-9_-]{1,40}")) {
                throw new IllegalArgumentException(at + ".id: 1 to 40 letters, digits, _ or -");
            }
            if (!ids.add(step.id())) {
                throw new IllegalArgumentException(at + ".id: \"" + step.id() + "\" is used twice");
            }
            if (step.kind() == null) {
                throw new IllegalArgumentException(at + ".kind: MESSAGE, ASK, COLLECT, HANDOFF or CLOSE");
            }
            boolean needsText = step.kind() != Kind.HANDOFF;
            if (needsText && (step.text() == null || step.text().en() == null || step.text().en().isBlank())) {
                throw new IllegalArgumentException(at + ".text.en: write what the bot says");
            }
            if (step.kind() == Kind.ASK && step.choices().isEmpty()) {
                throw new IllegalArgumentException(at + ".choices: a question with buttons needs at least one");
            }
            for (int c = 0; c < step.choices().size(); c++) {
                Choice choice = step.choices().get(c);
                if (choice.label() == null || choice.label().en() == null || choice.label().en().isBlank()) {
                    throw new IllegalArgumentException(at + ".choices[" + c + "].label.en: name the button");
                }
            }
            if (step.kind() == Kind.COLLECT && step.collect() == null) {
                throw new IllegalArgumentException(at + ".collect: NAME, EMAIL, PRIORITY or CATEGORY");
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String at = "steps[" + i + "]";
            requireStep(step.next(), at + ".next");
            for (int c = 0; c < step.choices().size(); c++) {
                requireStep(step.choices().get(c).next(), at + ".choices[" + c + "].next");
            }
            boolean fallsOffTheEnd = step.next() == null && i == steps.size() - 1
                    && (step.kind() != Kind.ASK || step.choices().stream().anyMatch(ch -> ch.next() == null));
            if (!ends(step.kind()) && fallsOffTheEnd) {
                throw new IllegalArgumentException(at + ".next: the last step must hand off or close, or name the step that follows");
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).kind() == Kind.MESSAGE) {
                Set<Integer> seen = new HashSet<>();
                int at = i;
                while (at >= 0 && steps.get(at).kind() == Kind.MESSAGE) {
                    if (!seen.add(at)) {
                        throw new IllegalArgumentException("steps[" + i + "].next: these messages go round in a circle without waiting for the visitor");
                    }
                    at = indexAfter(at, steps.get(at).next());
                }
            }
        }
        return this;
    }

    /** The step's index, or -1. */
    public int indexOf(String id) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Where the flow goes after step {@code index} along {@code next} (null: the following step). */
    int indexAfter(int index, String next) {
        return next != null ? indexOf(next) : index + 1 < steps.size() ? index + 1 : -1;
    }

    static boolean ends(Kind kind) {
        return kind == Kind.HANDOFF || kind == Kind.CLOSE;
    }

    private void requireStep(String id, String field) {
        if (id != null && indexOf(id) < 0) {
            throw new IllegalArgumentException(field + ": no step \"" + id + "\"");
        }
    }

    /** A button's label matches the visitor's answer in either language, ignoring case and spaces around it. */
    static boolean matches(Text label, String answer) {
        String given = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
        return given.equals(label.en().strip().toLowerCase(Locale.ROOT))
                || (label.fi() != null && given.equals(label.fi().strip().toLowerCase(Locale.ROOT)));
    }
}
