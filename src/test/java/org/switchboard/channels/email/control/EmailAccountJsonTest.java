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
}
