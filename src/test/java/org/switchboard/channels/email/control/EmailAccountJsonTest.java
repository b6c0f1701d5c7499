package org.switchboard.channels.email.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Stored account settings that cannot be an account are refused by name, never a NullPointerException on a settings page. */
class EmailAccountJsonTest {

    @Test
    void settingsWithoutKindOrAddressAreRefusedWithAReason() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> EmailAccountJson.read("{\"address\":\"support@example.com\"}"));
        assertTrue(refused.getMessage().contains("incomplete"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> EmailAccountJson.read("not json"));
        assertNull(EmailAccountJson.readIfValid("{\"address\":\"support@example.com\"}"), "looking across channels skips it");
    }

    @Test
    void aWrittenAccountReadsBack() {
        EmailAccount account = new EmailAccount(EmailAccount.Kind.FORWARDING, "help@acme.test", "Acme", EmailAccount.FromNameMode.COMPANY, null,
                false, true, null, null, EmailAccount.AuthMethod.PASSWORD, "help@acme.test", null, "INBOX", null, 60, null);
        EmailAccount read = EmailAccountJson.read(EmailAccountJson.write(account));
        assertEquals(account, read);
    }

    /** Settings stored before they went through JSON-B (hand-written JSON-P, same field names) read as they did. */
    @Test
    void settingsStoredByTheEarlierCodecStillRead() {
        String stored = "{\"kind\":\"OTHER\",\"address\":\"help@acme.test\",\"fromNameMode\":\"COMPANY\",\"signatureHtml\":false,"
                + "\"logForwardedOnOriginalSender\":true,\"auth\":\"PASSWORD\",\"folder\":\"INBOX\",\"pollSeconds\":60,\"companyName\":\"Acme\","
                + "\"signature\":\"Regards, {agent.firstName}\",\"username\":\"help@acme.test\",\"sealedSecret\":\"v1:abc\","
                + "\"inboundTokenHash\":\"ff00\",\"imap\":{\"port\":993,\"security\":\"SSL\",\"host\":\"imap.acme.test\"},"
                + "\"smtp\":{\"port\":587,\"security\":\"STARTTLS\",\"host\":\"smtp.acme.test\"}}";
        EmailAccount expected = new EmailAccount(EmailAccount.Kind.OTHER, "help@acme.test", "Acme", EmailAccount.FromNameMode.COMPANY,
                "Regards, {agent.firstName}", false, true, new EmailAccount.Server("imap.acme.test", 993, EmailAccount.Security.SSL),
                new EmailAccount.Server("smtp.acme.test", 587, EmailAccount.Security.STARTTLS), EmailAccount.AuthMethod.PASSWORD,
                "help@acme.test", "v1:abc", "INBOX", null, 60, "ff00");
        assertEquals(expected, EmailAccountJson.read(stored));
    }

    @Test
    void writtenSettingsCarryNoDerivedValues() {
        EmailAccount account = new EmailAccount(EmailAccount.Kind.OTHER, "help@acme.test", null, EmailAccount.FromNameMode.COMPANY, null,
                false, true, null, new EmailAccount.Server("smtp.acme.test", 587, EmailAccount.Security.STARTTLS), EmailAccount.AuthMethod.PASSWORD,
                "help@acme.test", null, "INBOX", null, 60, null);
        String json = EmailAccountJson.write(account);
        assertTrue(!json.contains("canSend") && !json.contains("companyName"), json);
    }
}
