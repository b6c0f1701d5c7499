package org.switchboard.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwitchboardSettingsTest {

    @TempDir
    Path temp;

    private SwitchboardSettings settings(Map<String, String> values) {
        return new SwitchboardSettings(key -> Optional.ofNullable(values.get(key)));
    }

    @Test
    void withoutDatabaseUrlTheEmbeddedH2FileDatabaseLivesInTheDataFolder() {
        Path data = temp.resolve("data");
        DatabaseSettings db = settings(Map.of(SwitchboardSettings.DATA_DIR, data.toString())).database();
        assertEquals(DatabaseKind.H2, db.kind());
        assertTrue(db.url().startsWith("jdbc:h2:file:" + data.resolve("db")), db.url());
        assertTrue(Files.isDirectory(data), "the data folder is created");
    }

    @Test
    void aPostgresqlUrlSelectsPostgresql() {
        DatabaseSettings db = settings(Map.of(SwitchboardSettings.DB_URL, "jdbc:postgresql://127.0.0.1:5432/test",
                SwitchboardSettings.DB_USER, "postgres", SwitchboardSettings.DB_PASSWORD, "secret")).database();
        assertEquals(DatabaseKind.POSTGRESQL, db.kind());
        assertEquals("postgres", db.user());
        assertTrue(!db.toString().contains("secret"), "the password never shows in logs: " + db);
    }

    @Test
    void anUnsupportedDatabaseUrlNamesTheSettingAndTheFix() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> settings(Map.of(SwitchboardSettings.DB_URL, "jdbc:mysql://localhost/x")).database());
        assertTrue(e.getMessage().contains("SWITCHBOARD_DB_URL"), e.getMessage());
        assertTrue(e.getMessage().contains("jdbc:postgresql://"), e.getMessage());
    }

    @Test
    void aMalformedPostgresqlUrlIsRejected() {
        assertThrows(InvalidSettingException.class,
                () -> settings(Map.of(SwitchboardSettings.DB_URL, "jdbc:postgresql:test")).database());
    }

    @Test
    void baseUrlMustBeAbsoluteHttp() {
        assertEquals("https://help.example.com", settings(Map.of(SwitchboardSettings.BASE_URL, "https://help.example.com/")).baseUrl().toString());
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> settings(Map.of(SwitchboardSettings.BASE_URL, "help.example.com")).baseUrl());
        assertTrue(e.getMessage().startsWith("Setting SWITCHBOARD_BASE_URL"), e.getMessage());
    }

    @Test
    void aShortAdminPasswordIsRefused() {
        assertThrows(InvalidSettingException.class, () -> settings(Map.of(SwitchboardSettings.ADMIN_PASSWORD, "short")).adminPassword());
        assertEquals(Optional.of("long enough"), settings(Map.of(SwitchboardSettings.ADMIN_PASSWORD, "long enough")).adminPassword());
    }

    @Test
    void aDataFolderThatCannotBeCreatedIsNamed() throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> settings(Map.of(SwitchboardSettings.DATA_DIR, file.resolve("sub").toString())).dataDir());
        assertTrue(e.getMessage().contains("SWITCHBOARD_DATA_DIR"), e.getMessage());
    }

    @Test
    void environmentNamesFollowMicroProfileConfigMapping() {
        assertEquals("SWITCHBOARD_SECRET_KEY", SwitchboardSettings.environmentName(SwitchboardSettings.SECRET_KEY));
    }
}
