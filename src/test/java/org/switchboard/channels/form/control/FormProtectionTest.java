package org.switchboard.channels.form.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class FormProtectionTest {

    @Test
    void originsAreKeptAsBrowsersSendThem() {
        FormProtection checked = new FormProtection(null, null, null,
                List.of("HTTPS://WWW.Example.com:443/", "http://shop.example.com:8080", "https://www.example.com")).checked();
        assertEquals(List.of("https://www.example.com", "http://shop.example.com:8080"), checked.allowedOrigins());
        assertTrue(checked.allows("https://www.example.com"));
        assertTrue(checked.allows("http://shop.example.com:8080"));
        assertFalse(checked.allows("https://shop.example.com"), "another scheme and port is another site");
        assertFalse(checked.allows("https://www.example.com.evil.test"));
        assertFalse(checked.allows("null"), "a sandboxed page or a file names no site");
        assertFalse(checked.allows(null));
    }

    @Test
    void noOriginsAllowEverySite() {
        assertTrue(FormProtection.NONE.allows("https://anywhere.example"));
        assertFalse(FormProtection.NONE.restrictsOrigins());
    }

    @Test
    void whatIsNotAnOriginOrALimitIsNamed() {
        for (String notAnOrigin : new String[] {"www.example.com", "https://www.example.com/contact", "ftp://example.com",
                "https://user@example.com", "https://example.com/?q=1", ""}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> new FormProtection(null, null, null, List.of("https://ok.example", notAnOrigin)).checked(), notAnOrigin);
            assertTrue(refused.getMessage().startsWith("allowedOrigins[1]:"), refused.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new FormProtection(0, null, null, null).checked())
                .getMessage().startsWith("perAddressHour:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new FormProtection(null, null, 20_000_000, null).checked())
                .getMessage().startsWith("perFormDay:"));
    }
}
