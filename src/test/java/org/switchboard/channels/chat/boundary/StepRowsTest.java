package org.switchboard.channels.chat.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.switchboard.channels.chat.control.ChatBot.End;
import org.switchboard.channels.chat.control.ChatBotPreview;
import org.switchboard.channels.chat.control.ChatFlow;

class StepRowsTest {

    @Test
    void theExampleIsAFlowThatWorksAndItsPreviewEndsAsTheButtonsSay() {
        ChatFlow flow = StepRows.flow(StepRows.example()).checked();
        ChatBotPreview.Transcript billing = ChatBotPreview.run(flow, "fi", List.of("Laskutus", "ei osoite", "liisa@example.fi"));
        assertEquals(End.HANDOFF, billing.end());
        assertEquals(List.of("Billing", "A technical problem", "Just looking"),
                ChatBotPreview.run(flow, "en", List.of()).lines().get(1).buttons());
        assertEquals("Mihin sähköpostiosoitteeseen vastaamme?", billing.lines().get(5).text(), "a wrong address is asked again");
        assertEquals(End.CLOSE, ChatBotPreview.run(flow, "en", List.of("just looking")).end());
    }

    @Test
    void buttonsAreLinesOfEnglishFinnishAndNextStepAndReadBackTheSame() {
        StepRow ask = new StepRow("topic", "ASK");
        ask.setTextEn("What about?");
        ask.setChoices("Billing | Laskutus -> end\n\nOther\nSales|Myynti");
        StepRow end = new StepRow("end", "HANDOFF");
        ChatFlow flow = StepRows.flow(List.of(ask, end));
        ChatFlow.Step step = flow.steps().get(0);
        assertEquals(3, step.choices().size());
        assertEquals(new ChatFlow.Choice(new ChatFlow.Text("Billing", "Laskutus"), "end"), step.choices().get(0));
        assertEquals(new ChatFlow.Choice(new ChatFlow.Text("Other", null), null), step.choices().get(1));
        assertEquals(new ChatFlow.Choice(new ChatFlow.Text("Sales", "Myynti"), null), step.choices().get(2));
        assertEquals("Billing | Laskutus -> end\nOther\nSales | Myynti", StepRows.of(flow).get(0).getChoices());

        ask.setChoices("Billing -> end -> again");
        IllegalArgumentException unreadable = assertThrows(IllegalArgumentException.class, () -> StepRows.flow(List.of(ask, end)));
        assertTrue(unreadable.getMessage().startsWith("steps[0].choices[0]:"), unreadable.getMessage());
    }
}
