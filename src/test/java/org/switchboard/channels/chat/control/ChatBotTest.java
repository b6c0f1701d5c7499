package org.switchboard.channels.chat.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.switchboard.channels.chat.control.ChatBot.End;
import org.switchboard.channels.chat.control.ChatBot.Turn;
import org.switchboard.channels.chat.control.ChatFlow.Choice;
import org.switchboard.channels.chat.control.ChatFlow.Field;
import org.switchboard.channels.chat.control.ChatFlow.Kind;
import org.switchboard.channels.chat.control.ChatFlow.Step;
import org.switchboard.channels.chat.control.ChatFlow.Text;

class ChatBotTest {

    /** Greeting, a question with three buttons: billing collects the email and hands off, docs closes, a person hands off. */
    static final ChatFlow FLOW = new ChatFlow(List.of(
            new Step("hello", Kind.MESSAGE, new Text("Hi, I am the Acme bot.", "Hei, olen Acmen botti."), null, null, null),
            new Step("topic", Kind.ASK, new Text("What is it about?", "Mitä asia koskee?"), List.of(
                    new Choice(new Text("Billing", "Laskutus"), "email"),
                    new Choice(new Text("How-to", "Ohjeet"), "docs"),
                    new Choice(new Text("A person", "Ihminen"), "person")), null, null),
            new Step("email", Kind.COLLECT, new Text("Your email, please?", "Sähköpostisi?"), null, Field.EMAIL, "person"),
            new Step("docs", Kind.CLOSE, new Text("See acme.example/help. Bye!", "Katso acme.example/apua. Hei hei!"), null, null, null),
            new Step("person", Kind.HANDOFF, new Text("A person will be with you shortly.", "Ihminen vastaa pian."), null, null, null))).checked();

    @Test
    void theFirstTurnGreetsAndAsksWithButtonsInTheVisitorsLanguage() {
        Turn first = ChatBot.start(FLOW, "fi");
        assertEquals(List.of("Hei, olen Acmen botti.", "Mitä asia koskee?"), first.said().stream().map(ChatBot.Said::text).toList());
        assertEquals(List.of("Laskutus", "Ohjeet", "Ihminen"), first.said().get(1).buttons());
        assertEquals("topic", first.waitingAt());
        assertEquals(End.WAITING, first.end());
    }

    @Test
    void aButtonBranchesAnAnswerIsKeptAndTheFlowHandsOff() {
        Turn billing = ChatBot.answer(FLOW, "topic", " laskutus ", "fi");
        assertEquals("email", billing.waitingAt(), "either language's label, any case");
        Turn wrongEmail = ChatBot.answer(FLOW, "email", "not an address", "en");
        assertEquals("email", wrongEmail.waitingAt(), "asked again");
        assertEquals(List.of("Your email, please?"), wrongEmail.said().stream().map(ChatBot.Said::text).toList());
        Turn done = ChatBot.answer(FLOW, "email", "maija@example.fi", "en");
        assertEquals(Map.of(Field.EMAIL, "maija@example.fi"), done.collected());
        assertEquals(End.HANDOFF, done.end());
        assertNull(done.waitingAt());
        assertEquals("A person will be with you shortly.", done.said().get(0).text());
    }

    @Test
    void anUnknownAnswerGetsTheQuestionAgainAndCloseEndsWithoutAPerson() {
        Turn unknown = ChatBot.answer(FLOW, "topic", "pizza", "en");
        assertEquals("topic", unknown.waitingAt());
        assertEquals(List.of("Billing", "How-to", "A person"), unknown.said().get(0).buttons());
        Turn closed = ChatBot.answer(FLOW, "topic", "How-to", "en");
        assertEquals(End.CLOSE, closed.end());
        assertEquals("See acme.example/help. Bye!", closed.said().get(0).text());
        assertEquals(End.HANDOFF, ChatBot.answer(FLOW, "removed-step", "x", "en").end(), "a flow changed under the visitor hands off");
    }

    @Test
    void aFlowThatCannotWorkIsRefusedNamingThePart() {
        assertEquals("steps[0].next: no step \"nowhere\"", refusal(List.of(
                new Step("a", Kind.MESSAGE, new Text("x", null), null, null, "nowhere"), handoff("b"))));
        assertEquals("steps[1].next: the last step must hand off or close, or name the step that follows", refusal(List.of(
                new Step("a", Kind.MESSAGE, new Text("x", null), null, null, null),
                new Step("b", Kind.COLLECT, new Text("name?", null), null, Field.NAME, null))));
        assertEquals("steps[0].next: these messages go round in a circle without waiting for the visitor", refusal(List.of(
                new Step("a", Kind.MESSAGE, new Text("x", null), null, null, "b"),
                new Step("b", Kind.MESSAGE, new Text("y", null), null, null, "a"), handoff("c"))));
        assertEquals("steps[1].id: \"a\" is used twice", refusal(List.of(handoff("a"), handoff("a"))));
        assertEquals("steps[0].choices: a question with buttons needs at least one", refusal(List.of(
                new Step("a", Kind.ASK, new Text("x", null), List.of(), null, null), handoff("b"))));
        assertEquals("steps[0].collect: NAME, EMAIL, PRIORITY or CATEGORY", refusal(List.of(
                new Step("a", Kind.COLLECT, new Text("x", null), null, null, null), handoff("b"))));
        assertEquals("steps: a flow needs at least one step", refusal(List.of()));
    }

    private static Step handoff(String id) {
        return new Step(id, Kind.HANDOFF, null, null, null, null);
    }

    private static String refusal(List<Step> steps) {
        return assertThrows(IllegalArgumentException.class, () -> new ChatFlow(steps).checked()).getMessage();
    }
}
