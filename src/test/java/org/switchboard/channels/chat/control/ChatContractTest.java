package org.switchboard.channels.chat.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.inbound.control.InboundMessage;
import org.switchboard.inbound.control.InvalidPayloadException;
import org.switchboard.platform.crypto.SecretBox;
import org.switchboard.platform.crypto.SecretKeys;

class ChatContractTest {

    @TempDir
    Path dir;

    @Test
    void aVisitorTokenNamesItsVisitorOnItsChannelOnlyAndCannotBeAltered(@TempDir Path other) {
        VisitorToken tokens = new VisitorToken(new SecretBox(SecretKeys.load(Optional.empty(), dir)));
        Visitor maija = new Visitor(7, "u-1234", true, "maija@example.fi", "Maija Mäkinen");
        String token = tokens.issue(maija);

        assertEquals(maija, tokens.read(token, 7));
        assertNull(tokens.read(token, 8), "another channel's token");
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
        String elevated = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.replace("u-1234", "u-1").getBytes(StandardCharsets.UTF_8))
                + token.substring(token.indexOf('.'));
        assertNull(tokens.read(elevated, 7), "another visitor's id with the first one's signature");
        String forged = new VisitorToken(new SecretBox(SecretKeys.load(Optional.empty(), other))).issue(maija);
        assertNull(tokens.read(forged, 7), "signed under another installation's key");
        assertNull(tokens.read("not-a-token", 7));
        assertNull(tokens.read(null, 7));
    }

    @Test
    void theHostSitesHashIsHmacSha256OfTheIdAndOnlyTheRightOneVerifies() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", HostIdentity.hash("Jefe", "what do ya want for nothing?"));
        String hash = HostIdentity.hash("sbid_secret", "user-42");
        assertTrue(HostIdentity.verifies("sbid_secret", "user-42", hash));
        assertTrue(HostIdentity.verifies("sbid_secret", "user-42", hash.toUpperCase()), "hex in either case");
        assertFalse(HostIdentity.verifies("sbid_secret", "user-43", hash), "another user's id");
        assertFalse(HostIdentity.verifies("sbid_other", "user-42", hash), "another secret");
        assertFalse(HostIdentity.verifies(null, "user-42", hash), "a channel without a secret verifies nobody");
        assertFalse(HostIdentity.verifies("sbid_secret", "user-42", null));
        assertFalse(HostIdentity.verifies("sbid_secret", "user-42", "abc"));
    }

    @Test
    void textOnTheAccentColourIsWhateverReadsBest() {
        assertEquals("#ffffff", AccentColour.textOn("#1f6feb"));
        assertEquals("#111111", AccentColour.textOn("#ffd43b"), "dark text on yellow");
        assertTrue(AccentColour.bestContrast("#1f6feb") >= 4.5);
        assertTrue(AccentColour.bestContrast("#808080") < 6, "mid grey reads poorly either way");
        assertEquals(21.0, AccentColour.contrast("#000000", "#ffffff"), 0.01);
        assertFalse(AccentColour.valid("red"));
        assertFalse(AccentColour.valid("#12345"));
        assertTrue(AccentColour.valid("#A1b2C3"));
    }

    @Test
    void aJournaledChatMessageIsAMessageInTheVisitorsOneConversation() {
        ChatPayload payload = new ChatPayload("u-42", true, "maija@example.fi", "Maija", "c1", "Where is my order?\nIt was due Monday.",
                "fi", "2026-12-03T10:00:00Z", null);
        InboundMessage message = new ChatMessageParser().parse(payload.toJson());
        assertEquals("chat:u-42:c1", message.externalId(), "the journal key: the widget's id for the message");
        assertEquals("chat:u-42", message.threadKey(), "one conversation per visitor and channel");
        assertEquals("maija@example.fi", message.from().email(), "a verified email joins the contact who has it");
        assertEquals("u-42", message.from().externalUserId());
        assertEquals("Where is my order?", message.subject());
        assertEquals("fi", message.language());

        ChatPayload anonymous = new ChatPayload("a-x", false, "claimed@example.fi", null, "c2", "hi", "en", null, null);
        assertNull(new ChatMessageParser().parse(anonymous.toJson()).from().email(), "an unverified email joins no one");
        ChatPayload away = new ChatPayload("a-x", false, null, null, "c3", "Do you ship to Inari?", "en", null, "visitor@example.fi");
        InboundMessage awayMessage = new ChatMessageParser().parse(away.toJson());
        assertEquals("chat-away:a-x:c3", awayMessage.externalId(), "the key says the team was away");
        assertEquals("visitor@example.fi", awayMessage.from().email(), "the address the visitor left gets the answer");
        assertEquals("chat:a-x", awayMessage.threadKey(), "still the visitor's one conversation");
        assertEquals(1, awayMessage.notes().size());
        assertEquals(80, ChatMessageParser.subjectOf("x".repeat(200)).length());
        assertThrows(InvalidPayloadException.class, () -> new ChatMessageParser().parse("{\"visitorId\":\"a\"}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(InvalidPayloadException.class, () -> new ChatMessageParser().parse("[1]".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void openingHoursAreAWeeklyScheduleInTheChannelsTimeZone() {
        java.util.List<ChatSettings.OpeningHours> weekdays = java.util.List.of(new ChatSettings.OpeningHours("MONDAY", "08:00", "16:00"));
        // Monday 2026-11-30 07:30 UTC is 09:30 in Helsinki
        assertTrue(ChatHours.isOpen(weekdays, "Europe/Helsinki", java.time.Instant.parse("2026-11-30T07:30:00Z")));
        assertFalse(ChatHours.isOpen(weekdays, "Europe/Helsinki", java.time.Instant.parse("2026-11-30T14:00:00Z")), "16:00 in Helsinki: closed");
        assertFalse(ChatHours.isOpen(weekdays, "Europe/Helsinki", java.time.Instant.parse("2026-12-01T07:30:00Z")), "Tuesday");
        assertTrue(ChatHours.isOpen(java.util.List.of(), "UTC", java.time.Instant.now()), "no hours: always open");
        assertThrows(IllegalArgumentException.class, () -> ChatHours.check(weekdays, "Mars/Olympus"));
        IllegalArgumentException backwards = assertThrows(IllegalArgumentException.class,
                () -> ChatHours.check(java.util.List.of(new ChatSettings.OpeningHours("MONDAY", "16:00", "08:00")), "UTC"));
        assertEquals("hours[0].closes: must be after opens", backwards.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ChatHours.check(java.util.List.of(new ChatSettings.OpeningHours("MOONDAY", "08:00", "16:00")), "UTC"));
    }

    @Test
    void theWidgetShowsHtmlRepliesAsText() {
        assertEquals("Hello\nworld <b> & you", ChatVisitors.plain("<p>Hello</p><p>world &lt;b&gt; &amp; you</p>"));
    }
}
