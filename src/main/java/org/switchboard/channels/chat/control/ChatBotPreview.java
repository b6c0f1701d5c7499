package org.switchboard.channels.chat.control;

import java.util.ArrayList;
import java.util.List;

import org.switchboard.channels.chat.control.ChatBot.End;
import org.switchboard.channels.chat.control.ChatBot.Said;
import org.switchboard.channels.chat.control.ChatBot.Turn;

/**
 * A flow tried out in settings before visitors meet it: the bot's first turn, then each answer the
 * admin gives in turn, exactly as {@link ChatBotRunner} would run them — nothing is stored or sent.
 */
public final class ChatBotPreview {

    /** One line of the preview; {@code buttons} are the answers offered while the bot waits on this line. */
    public record Line(boolean visitor, String text, List<String> buttons) {
    }

    /** The lines so far, where the bot waits (null once ended) and how it ended. */
    public record Transcript(List<Line> lines, String waitingAt, End end) {
    }

    private ChatBotPreview() {
    }

    public static Transcript run(ChatFlow flow, String language, List<String> answers) {
        List<Line> lines = new ArrayList<>();
        Turn turn = ChatBot.start(flow, language);
        add(lines, turn);
        for (String answer : answers == null ? List.<String>of() : answers) {
            if (turn.end() != End.WAITING) {
                break; // the bot is done; people answer from here
            }
            lines.add(new Line(true, answer, List.of()));
            turn = ChatBot.answer(flow, turn.waitingAt(), answer, language);
            add(lines, turn);
        }
        return new Transcript(lines, turn.waitingAt(), turn.end());
    }

    private static void add(List<Line> lines, Turn turn) {
        for (Said said : turn.said()) {
            lines.add(new Line(false, said.text(), said.buttons()));
        }
    }
}
