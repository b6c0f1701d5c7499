package org.switchboard.tickets.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.switchboard.tickets.entity.Phrase;

/** Each sentence the code wrote before version 6 reads back into phrases that say the same in English, and translate. */
class LegacyTimelineTextTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Created from channel Support mail",
            "Created through the api source",
            "Assigned to maria",
            "Assigned to maria (was olli)",
            "Unassigned from olli",
            "Subject: Invoice: line 3 doubled",
            "Priority: HIGH",
            "Stage: Waiting on customer",
            "Reply queued for delivery",
            "Reply sent through Support mail",
            "Reply could not be sent after 8 attempts: 421 try later",
            "Reply refused: 550 5.1.1 no such user",
            "Reply cannot be sent: no address",
            "Reply not delivered: mailbox full",
            "Follows #1051, closed more than 30 days before this reply",
            "Followed up by #1052",
            "Reopened by a reply from Liisa Laine",
            "Message from Liisa Laine",
            "Automatic message from Liisa Laine (Auto-Submitted: auto-replied); the ticket was left as it was",
            "Created for a conversation moved from the shared inbox",
            "Closed by the import: last message older than 90 days",
            "Closed by the import: the team answered last",
            "Rule: specific users and teams, available users only; skill rule requires Finnish. Chose maria (1 open tickets of 5)."
                    + " Skipped: ahmed — missing skill Finnish; liisa — away; olli — at capacity (2/2); pekka — no paid seat.",
            "Rule: specific users and teams, availability ignored; skill rule requires Billing, Finnish in team Nordic. Nobody is eligible now; waiting in the queue."
                    + " Skipped: maria — not in team Nordic.",
            "Rule: contact owner, available users only. The contact owner is away; waiting, owner could not be notified. Skipped: olli — away.",
            "Rule: contact owner, availability ignored; the contact has no owner. Not assigned automatically.",
            "Rule: no one, available users only. Not assigned automatically.",
            "Rule: specific users and teams, available users only. Chose ahmed (0 open tickets)."
    })
    void anOldSentenceBecomesPhrasesThatSayTheSameAndTranslate(String sentence) {
        List<Phrase> phrases = LegacyTimelineText.read("ASSIGNED", sentence);
        assertNotEquals(Phrase.VERBATIM, phrases.get(0).key(), sentence);
        // the same words; a priority or a source now shows by its display name ("High", not "HIGH")
        assertEquals(sentence.toLowerCase(Locale.ROOT), TimelineTexts.render(phrases, Locale.ENGLISH).toLowerCase(Locale.ROOT));
        assertNotEquals(sentence, TimelineTexts.render(phrases, Locale.forLanguageTag("fi")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"550 5.1.1 <x@example.com>: Recipient address rejected", "Message from a server that says so"})
    void aBouncesServerWordsStayAsTheyWere(String reason) {
        assertEquals(List.of(Phrase.verbatim(reason)), LegacyTimelineText.read("BOUNCED", reason));
    }

    @ParameterizedTest
    @ValueSource(strings = {"from Support mail", "Rule: something a later version wrote"})
    void aSentenceItDoesNotKnowStaysAsItWas(String sentence) {
        List<Phrase> phrases = LegacyTimelineText.read("CREATED", sentence);
        assertEquals(List.of(Phrase.verbatim(sentence)), phrases);
        assertEquals(sentence, TimelineTexts.render(phrases, Locale.forLanguageTag("fi")));
    }
}
