package org.switchboard.channels.custom.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.switchboard.channels.connector.ContactIdentity;
import org.switchboard.channels.connector.TypedSettings;

/** A custom channel's settings as stored: JSON-B both ways, defaults for what an older or partial record lacks. */
class CustomSettingsTest {

    @Test
    void settingsReadBackAsTheyWereWritten() {
        CustomSettings settings = new CustomSettings("https://bot.example.com/hook", true, false, true, ContactIdentity.PHONE, "v1:sealed", "2026-12-02T10:00:00Z");
        String json = TypedSettings.write(settings);
        assertTrue(json.contains("\"webhookUrl\":\"https://bot.example.com/hook\"") && json.contains("\"identity\":\"PHONE\""), json);
        assertEquals(settings, TypedSettings.read(json, CustomSettings.class));
    }

    @Test
    void whatIsNotStoredTakesTheDefaults() {
        CustomSettings partial = TypedSettings.read("{\"webhookUrl\":\"https://bot.example.com/hook\"}", CustomSettings.class);
        assertTrue(partial.text());
        assertFalse(partial.html());
        assertFalse(partial.attachments());
        assertEquals(ContactIdentity.EXTERNAL_USER_ID, partial.contactIdentity());
    }

    @Test
    void unreadableSettingsSayWhatToDo() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> TypedSettings.read("{not json", CustomSettings.class));
        assertTrue(refused.getMessage().contains("connect the channel again"), refused.getMessage());
    }
}
