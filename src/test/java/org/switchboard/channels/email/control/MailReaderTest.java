package org.switchboard.channels.email.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.switchboard.inbound.control.InvalidPayloadException;

class MailReaderTest {

    private static final long LIMIT = 25L * 1024 * 1024;
    private final MailReader reader = new MailReader(LIMIT);

    static Path corpus() throws URISyntaxException {
        return Path.of(MailReaderTest.class.getResource("/mime-corpus/LICENSE").toURI()).getParent();
    }

    static List<Path> corpusFiles() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.walk(corpus())) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("LICENSE")).sorted().toList();
        }
    }

    private ParsedMail read(String corpusFile) throws Exception {
        return reader.read(Files.readAllBytes(corpus().resolve(corpusFile)));
    }

    private ParsedMail read(String... lines) {
        return reader.read(String.join("\r\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyCorpusMailIsReadOrRefusedWithAReason() throws Exception {
        List<String> escaped = new ArrayList<>();
        int read = 0;
        int refused = 0;
        for (Path file : corpusFiles()) {
            try {
                ParsedMail mail = reader.read(Files.readAllBytes(file));
                assertNotNull(mail.from().email(), file.toString());
                assertTrue(mail.text() != null || mail.html() != null, file + " has neither text nor HTML");
                assertEquals(64, mail.contentHash().length());
                read++;
            } catch (InvalidPayloadException refusedWithReason) {
                assertFalse(refusedWithReason.getMessage().isBlank());
                refused++;
            } catch (RuntimeException escapedException) {
                escaped.add(file.getFileName() + ": " + escapedException);
            }
        }
        if (!escaped.isEmpty()) {
            fail("Exceptions escaped the reader:\n" + String.join("\n", escaped));
        }
        assertTrue(read >= 95, "read " + read + ", refused " + refused);
    }

    @Test
    void legacyJapaneseAndKoreanCharsetsAreDecoded() throws Exception {
        assertTrue(read("multi_charset/ks_c_5601-1987.eml").text().contains("티"), read("multi_charset/ks_c_5601-1987.eml").text());
        assertTrue(containsJapanese(read("multi_charset/japanese_iso_2022.eml")), "ISO-2022-JP");
        assertTrue(containsJapanese(read("multi_charset/japanese_shift_jis.eml")), "Shift_JIS");
    }

    private static boolean containsJapanese(ParsedMail mail) {
        String all = (mail.subject() == null ? "" : mail.subject()) + (mail.text() == null ? "" : mail.text()) + (mail.html() == null ? "" : mail.html());
        return all.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    @Test
    void encodedFilenamesAreDecoded() throws Exception {
        ParsedMail rfc2231 = read("multi_charset/japanese_attachment_long_name.eml");
        assertTrue(rfc2231.attachments().stream().anyMatch(a -> a.filename().startsWith("かきくけこ") && a.filename().endsWith(".txt")), rfc2231.notes() + " " +
                rfc2231.attachments().stream().map(a -> a.filename()).toList().toString());
        ParsedMail latin = read("attachment_emails/attachment_nonascii_filename.eml");
        assertTrue(latin.attachments().stream().anyMatch(a -> a.filename().equals("ciële.txt")),
                latin.attachments().stream().map(a -> a.filename()).toList().toString());
    }

    @Test
    void deliveryReportsNameTheBouncedMessage() throws Exception {
        ParsedMail bounce = read("multipart_report_emails/report_530.eml");
        assertTrue(bounce.isDeliveryReport());
        assertNotNull(bounce.automatic());
        assertTrue(bounce.failureReason().contains("5.3.0") || bounce.failureReason().startsWith("Delivery failed"), bounce.failureReason());
    }

    @Test
    void headersAndPartsOfAPlainReply() {
        ParsedMail mail = read("From: =?UTF-8?Q?Aino_K=C3=A4rkk=C3=A4inen?= <Aino@Example.FI>", "To: support@acme.test",
                "Subject: Re: Printer [#1042]", "Message-ID: <reply-1@example.fi>", "In-Reply-To: <sent-2@acme.test>",
                "References: <root@example.fi> <sent-1@acme.test> bogus <sent-2@acme.test>", "Date: Tue, 24 Nov 2026 10:00:00 +0200",
                "MIME-Version: 1.0", "Content-Type: multipart/alternative; boundary=b1", "", "--b1",
                "Content-Type: text/plain; charset=utf-8", "", "Kiitos!", "--b1", "Content-Type: text/html; charset=utf-8", "",
                "<p>Kiitos!</p>", "--b1--", "");
        assertEquals("aino@example.fi", mail.from().email());
        assertEquals("Aino Kärkkäinen", mail.from().name());
        assertEquals("reply-1@example.fi", mail.messageId());
        assertEquals(List.of("sent-2@acme.test", "sent-1@acme.test", "root@example.fi"), mail.inReplyTo());
        assertEquals(1042L, mail.ticketNumber());
        assertEquals("Kiitos!", mail.text().strip());
        assertEquals("<p>Kiitos!</p>", mail.html().strip());
        assertNull(mail.automatic());
        assertEquals("2026-11-24T08:00:00Z", mail.date().toString());
    }

    @Test
    void automaticMailIsRecognised() {
        assertEquals("Auto-Submitted: auto-replied", read("From: a@example.com", "Auto-Submitted: auto-replied", "Subject: Out of office", "", "Away").automatic());
        assertNull(read("From: a@example.com", "Auto-Submitted: no", "Subject: Hi", "", "Hi").automatic());
        assertEquals("Precedence: bulk", read("From: a@example.com", "Precedence: bulk", "", "News").automatic());
        assertNotNull(read("From: a@example.com", "X-Autoreply: yes", "", "Away").automatic());
        assertNotNull(read("From: a@example.com", "X-Loop: support@acme.test", "", "Loop").automatic());
        assertNotNull(read("From: MAILER-DAEMON@mx.example.com", "Subject: Undelivered", "", "failed").automatic());
    }

    @Test
    void forwardedMailNamesTheOriginalSender() {
        ParsedMail inline = read("From: Boss <boss@acme.test>", "Subject: Fwd: Broken invoice", "", "Please handle.", "",
                "---------- Forwarded message ---------", "From: Customer Name <customer@example.com>", "Date: Mon, 23 Nov 2026",
                "Subject: Broken invoice", "", "The invoice is wrong.");
        assertEquals("boss@acme.test", inline.from().email());
        assertEquals("customer@example.com", inline.originalSender().email());

        ParsedMail attached = read("From: boss@acme.test", "Subject: Fw: Order", "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=x", "", "--x", "Content-Type: text/plain", "", "FYI", "--x",
                "Content-Type: message/rfc822", "", "From: Original <orig@example.com>", "Subject: Order", "", "Where is my order?", "--x--");
        assertEquals("orig@example.com", attached.originalSender().email());
        assertEquals("message/rfc822", attached.attachments().get(0).contentType());

        ParsedMail resent = read("From: orig@example.com", "Resent-From: boss@acme.test", "Subject: Order", "", "Where?");
        assertEquals("boss@acme.test", resent.from().email());
        assertEquals("orig@example.com", resent.originalSender().email());

        assertNull(read("From: a@example.com", "Subject: Re: Order", "", "Thanks", "-----Original Message-----", "From: b@example.com").originalSender());
    }

    @Test
    void attachmentsOverTheLimitAreDroppedWithANote() {
        MailReader small = new MailReader(10);
        ParsedMail mail = small.read(String.join("\r\n", "From: a@example.com", "Subject: Files", "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=x", "", "--x", "Content-Type: text/plain", "", "See files", "--x",
                "Content-Type: application/pdf; name=big.pdf", "Content-Disposition: attachment; filename=big.pdf", "",
                "0123456789ABCDEF", "--x", "Content-Type: image/png; name=small.png", "Content-Disposition: attachment; filename=small.png",
                "Content-ID: <img1@x>", "", "12345", "--x--").getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of("small.png"), mail.attachments().stream().map(a -> a.filename()).toList());
        assertEquals("img1@x", mail.attachments().get(0).contentId());
        assertTrue(mail.notes().get(0).contains("big.pdf"), mail.notes().toString());
        assertEquals("See files", mail.text().strip());
    }

    @Test
    void theContentHashIgnoresTransportHeadersButNotContent() {
        String hash = read("Received: from a", "From: a@example.com", "Message-ID: <m1@x>", "Subject: S", "", "Body").contentHash();
        assertEquals(hash, read("Received: from b", "Received: from c", "From: a@example.com", "Message-ID: <m1@x>", "Subject: S", "", "Body").contentHash());
        assertFalse(hash.equals(read("From: a@example.com", "Message-ID: <m1@x>", "Subject: S", "", "Other body").contentHash()));
    }

    @Test
    void mailWithoutAnySenderIsRefused() {
        InvalidPayloadException refused = assertThrows(InvalidPayloadException.class, () -> read("Subject: who?", "", "nobody"));
        assertTrue(refused.getMessage().contains("sender"));
    }

    @Test
    void subjectsOfRepliesCarryOneTag() {
        assertEquals("Re: Printer [#7]", SubjectTag.replySubject("RE: Re: Printer [#7]", 7));
        assertEquals("Re: Printer [#7]", SubjectTag.replySubject("Printer", 7));
    }

    @Test
    void aBounceFromTheNullReturnPathIsABounceNotMailWithoutASender() {
        ParsedMail bounce = read("From: MAILER DAEMON <>", "Return-Path: <>", "To: support@acme.test", "Subject: Undelivered Mail Returned to Sender",
                "MIME-Version: 1.0", "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"", "",
                "--b", "Content-Type: text/plain", "", "Your message could not be delivered.",
                "--b", "Content-Type: message/delivery-status", "", "Reporting-MTA: dns; mx.example.com", "",
                "Final-Recipient: rfc822; gone@example.com", "Action: failed", "Status: 5.1.1", "Diagnostic-Code: smtp; 550 5.1.1 No such user",
                "--b", "Content-Type: text/rfc822-headers", "", "From: support@acme.test", "To: gone@example.com",
                "Message-ID: <reply-1@acme.test>", "Subject: Re: Order", "--b--", "");
        assertEquals("reply-1@acme.test", bounce.failedDeliveryOf());
        assertTrue(bounce.automatic() != null, "never opens a ticket");
        assertTrue(bounce.failureReason().contains("5.1.1"), bounce.failureReason());
    }

    @Test
    void latin1NamesInRawHeaderBytesAreReadInTheBodysCharsetOrWindows1252() {
        byte[] latin1 = String.join("\r\n", "From: Jörg Müller <jorg@example.com>", "To: support@acme.test", "Subject: Größe",
                "Content-Type: text/plain; charset=ISO-8859-1", "", "Grüße").getBytes(StandardCharsets.ISO_8859_1);
        ParsedMail declared = reader.read(latin1);
        assertEquals("Jörg Müller", declared.from().name());
        assertEquals("Größe", declared.subject());
        assertEquals("Grüße", declared.text().strip());
        byte[] undeclared = String.join("\r\n", "From: Jörg Müller <jorg@example.com>", "To: support@acme.test", "Subject: “quoted”", "", "Hi")
                .getBytes(Charset.forName("windows-1252"));
        ParsedMail fallback = reader.read(undeclared);
        assertEquals("Jörg Müller", fallback.from().name());
        assertEquals("“quoted”", fallback.subject());
        byte[] utf8 = String.join("\r\n", "From: Jörg Müller <jorg@example.com>", "Subject: Größe", "", "Hi").getBytes(StandardCharsets.UTF_8);
        assertEquals("Jörg Müller", reader.read(utf8).from().name(), "UTF-8 headers (RFC 6532) stay as they are");
    }

    @Test
    void brokenMimeStillShowsItsTextWithANote() {
        ParsedMail noClosingDelimiter = read("From: a@example.com", "Subject: Order", "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"xyz\"", "", "--xyz", "Content-Type: text/plain; charset=utf-8", "",
                "My order 1234 is missing.", "");
        assertTrue(noClosingDelimiter.text().contains("My order 1234 is missing."), noClosingDelimiter.text());

        ParsedMail otherBoundary = read("From: a@example.com", "Subject: Order", "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"declared\"", "", "--actual", "Content-Type: text/plain", "",
                "Where is my parcel?", "--actual--", "");
        assertEquals("Where is my parcel?", otherBoundary.text());
        assertTrue(otherBoundary.notes().contains(BrokenMime.NOTE), otherBoundary.notes().toString());

        ParsedMail noBoundaryParameter = read("From: a@example.com", "Subject: Order", "MIME-Version: 1.0",
                "Content-Type: multipart/alternative", "", "--b1", "Content-Type: text/plain", "", "Plain words here.", "--b1--", "");
        assertEquals("Plain words here.", noBoundaryParameter.text());

        ParsedMail noBlankLine = read("From: a@example.com", "Subject: Order", "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"q\"", "", "--q", "Content-Type: text/plain; charset=utf-8",
                "The text right after the part headers.", "--q--", "");
        assertTrue(noBlankLine.text().contains("The text right after the part headers."), noBlankLine.text());
        assertFalse(noBlankLine.text().contains("Content-Type"), noBlankLine.text());
    }
}
