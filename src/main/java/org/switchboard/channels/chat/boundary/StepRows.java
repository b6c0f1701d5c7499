package org.switchboard.channels.chat.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.switchboard.channels.chat.control.ChatFlow;
import org.switchboard.channels.chat.control.ChatFlow.Choice;
import org.switchboard.channels.chat.control.ChatFlow.Field;
import org.switchboard.channels.chat.control.ChatFlow.Kind;
import org.switchboard.channels.chat.control.ChatFlow.Step;
import org.switchboard.channels.chat.control.ChatFlow.Text;
import org.switchboard.platform.i18n.Texts;

/** Between the editor's rows and a {@link ChatFlow}: buttons are lines {@code English | Suomi -> next step} (Finnish and next optional). */
final class StepRows {

    private static final Pattern CHOICE = Pattern.compile("^([^|>]*?)\\s*(?:\\|\\s*([^>]*?)\\s*)?(?:->\\s*(\\S*)\\s*)?$");
    private static final Pattern AT_STEP = Pattern.compile("^steps\\[(\\d+)]\\.?([^:]*):\\s*(.*)$", Pattern.DOTALL);

    private StepRows() {
    }

    static List<StepRow> of(ChatFlow flow) {
        List<StepRow> rows = new ArrayList<>();
        for (Step step : flow.steps()) {
            StepRow row = new StepRow(step.id(), step.kind().name());
            row.setTextEn(step.text() == null ? null : step.text().en());
            row.setTextFi(step.text() == null ? null : step.text().fi());
            row.setCollect(step.collect() == null ? null : step.collect().name());
            row.setNext(step.next());
            StringBuilder choices = new StringBuilder();
            for (Choice choice : step.choices()) {
                choices.append(choice.label().en());
                if (choice.label().fi() != null && !choice.label().fi().isBlank()) {
                    choices.append(" | ").append(choice.label().fi());
                }
                if (choice.next() != null) {
                    choices.append(" -> ").append(choice.next());
                }
                choices.append('\n');
            }
            row.setChoices(choices.toString().strip());
            rows.add(row);
        }
        return rows;
    }

    /** The flow the rows describe (not yet checked); a button line that cannot be read is refused naming it. */
    static ChatFlow flow(List<StepRow> rows) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            StepRow row = rows.get(i);
            Kind kind = row.getKind() == null ? null : Kind.valueOf(row.getKind());
            List<Choice> choices = new ArrayList<>();
            if (kind == Kind.ASK && row.getChoices() != null) {
                List<String> lines = row.getChoices().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
                for (int c = 0; c < lines.size(); c++) {
                    Matcher m = CHOICE.matcher(lines.get(c));
                    if (!m.matches() || m.group(1).isBlank()) {
                        throw new IllegalArgumentException("steps[" + i + "].choices[" + c + "]: write a button as English | Suomi -> next step");
                    }
                    choices.add(new Choice(new Text(m.group(1), blankToNull(m.group(2))), blankToNull(m.group(3))));
                }
            }
            Field collect = kind == Kind.COLLECT && row.getCollect() != null && !row.getCollect().isBlank() ? Field.valueOf(row.getCollect()) : null;
            Text text = blankToNull(row.getTextEn()) == null && blankToNull(row.getTextFi()) == null ? null
                    : new Text(blankToNull(row.getTextEn()), blankToNull(row.getTextFi()));
            steps.add(new Step(row.getId(), kind, text, choices, collect, blankToNull(row.getNext())));
        }
        return new ChatFlow(steps);
    }

    static String freeId(List<StepRow> rows) {
        for (int n = rows.size() + 1; ; n++) {
            String id = "step-" + n;
            if (rows.stream().noneMatch(r -> id.equals(r.getId()))) {
                return id;
            }
        }
    }

    /** A problem as the admin reads it: "Step 3 (topic), buttons: …". */
    static String explain(RuntimeException refused, List<StepRow> rows, Texts texts) {
        String message = refused.getMessage() == null ? "" : refused.getMessage();
        Matcher m = AT_STEP.matcher(message);
        if (!m.matches()) {
            return message;
        }
        int index = Integer.parseInt(m.group(1));
        String id = index < rows.size() ? rows.get(index).getId() : "";
        return texts.get("bot.problemAt", index + 1, id, m.group(2), m.group(3));
    }

    /** A small flow to start from: greet, ask what it is about, then collect an email, hand over or close. */
    static List<StepRow> example() {
        List<StepRow> rows = new ArrayList<>();
        rows.add(row("welcome", Kind.MESSAGE, "Hi! I'm the assistant. I'll get you to the right person.",
                "Hei! Olen avustaja. Ohjaan sinut oikealle henkilölle.", null, null, null));
        rows.add(row("topic", Kind.ASK, "What is your question about?", "Mitä kysymyksesi koskee?",
                "Billing | Laskutus -> email\nA technical problem | Tekninen ongelma -> handoff\nJust looking | Katselen vain -> goodbye", null, null));
        rows.add(row("email", Kind.COLLECT, "What email address should we answer to?", "Mihin sähköpostiosoitteeseen vastaamme?",
                null, Field.EMAIL, null));
        rows.add(row("handoff", Kind.HANDOFF, "Thanks! Someone from the team will answer here shortly.",
                "Kiitos! Joku tiimistä vastaa tässä pian.", null, null, null));
        rows.add(row("goodbye", Kind.CLOSE, "Thanks for visiting! Write again any time.", "Kiitos käynnistä! Kirjoita milloin vain.",
                null, null, null));
        return rows;
    }

    private static StepRow row(String id, Kind kind, String en, String fi, String choices, Field collect, String next) {
        StepRow row = new StepRow(id, kind.name());
        row.setTextEn(en);
        row.setTextFi(fi);
        row.setChoices(choices);
        row.setCollect(collect == null ? null : collect.name());
        row.setNext(next);
        return row;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
