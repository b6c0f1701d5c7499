package org.switchboard.contacts.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ContactTest {

    @Test
    void emailsAndPhonesAreNormalizedForMatching() {
        Contact c = new Contact(null);
        c.addEmail("  Liisa@Example.FI ");
        c.addPhone("+358 (40) 123-4567");
        assertEquals("liisa@example.fi", c.getEmails().iterator().next());
        assertEquals("+358401234567", c.getPhones().iterator().next());
    }

    @Test
    void theDisplayNameFallsBackToTheFirstIdentifier() {
        Contact c = new Contact("  ");
        assertEquals("Unknown contact", c.displayName());
        c.addIdentity(new ExternalIdentity("messenger", "psid-42"));
        assertEquals("messenger:psid-42", c.displayName());
        c.addEmail("liisa@example.fi");
        assertEquals("liisa@example.fi", c.displayName());
        c.rename("Liisa");
        assertEquals("Liisa", c.displayName());
    }

    @Test
    void garbageIsNotAnEmailOrPhone() {
        Contact c = new Contact("x");
        assertThrows(IllegalArgumentException.class, () -> c.addEmail("no at sign"));
        assertThrows(IllegalArgumentException.class, () -> c.addPhone("call me"));
    }
}
