package org.switchboard.tickets.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.switchboard.channels.entity.RoutingMode;
import org.switchboard.pipelines.entity.Priority;
import org.switchboard.routing.control.SkipReason;
import org.switchboard.tickets.entity.Phrase;
import org.switchboard.tickets.entity.PhrasesJson;
import org.switchboard.tickets.entity.TicketSource;

class TimelineTextsTest {

    private static final Locale FINNISH = Locale.forLanguageTag("fi");

    @Test
    void anEntryReadsInTheReadersLanguageWithItsDataUntranslated() {
        List<Phrase> entry = List.of(Phrase.of("timeline.reassigned", "agent", "maria", "previous", "olli"));
        assertEquals("Assigned to maria (was olli)", TimelineTexts.render(entry, Locale.ENGLISH));
        assertEquals("Määritetty käyttäjälle maria (aiemmin olli)", TimelineTexts.render(entry, FINNISH));
    }

    @Test
    void nestedPhrasesAreTranslatedAndJoined() {
        List<Phrase> entry = List.of(Phrase.of("timeline.priority").with(List.of(Phrase.of("priority.URGENT"))));
        assertEquals("Priority: Urgent", TimelineTexts.render(entry, Locale.ENGLISH));
        assertEquals("Prioriteetti: Kiireellinen", TimelineTexts.render(entry, FINNISH));
    }

    @Test
    void anArgumentThatLooksLikeAPatternIsShownAsItIs() {
        List<Phrase> entry = List.of(Phrase.of("timeline.subject", "subject", "{agent} $1 \\ #{x}"));
        assertEquals("Subject: {agent} $1 \\ #{x}", TimelineTexts.render(entry, Locale.ENGLISH));
    }

    @Test
    void anUnknownKeyShowsItsDataRatherThanNothing() {
        String text = TimelineTexts.render(List.of(Phrase.of("timeline.fromTheFuture", "who", "maria")), Locale.ENGLISH);
        assertTrue(text.contains("maria"), text);
    }

    @Test
    void everyKeyMadeFromAnEnumValueHasItsTextInBothLanguages() {
        for (Locale locale : List.of(Locale.ENGLISH, FINNISH)) {
            for (RoutingMode mode : RoutingMode.values()) {
                assertTrue(TimelineTexts.knows("routing.rule." + mode.name(), locale), mode + " " + locale);
            }
            for (SkipReason reason : SkipReason.values()) {
                assertTrue(TimelineTexts.knows("routing.skip." + reason.name(), locale), reason + " " + locale);
            }
            for (TicketSource source : TicketSource.values()) {
                assertTrue(TimelineTexts.knows("source." + source.name(), locale), source + " " + locale);
            }
            for (Priority priority : Priority.values()) {
                assertTrue(TimelineTexts.knows("priority." + priority.name(), locale), priority + " " + locale);
            }
        }
    }

    @Test
    void phrasesSurviveTheirJsonColumn() {
        List<Phrase> entry = List.of(Phrase.of("routing.rule.USERS_AND_TEAMS"),
                Phrase.of("routing.skipped").with(List.of(Phrase.of("routing.skip.AWAY", "agent", "jörg", "detail", "\"日本語\""))));
        assertEquals(entry, PhrasesJson.fromJson(PhrasesJson.toJson(entry)));
        assertEquals(List.of(), PhrasesJson.fromJson(null));
    }
}
