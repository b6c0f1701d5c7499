package org.switchboard.platform.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Switchboard's own settings. Each key can also be given as an environment variable in
 * MicroProfile Config's mapping: {@code switchboard.db.url} is {@code SWITCHBOARD_DB_URL}.
 * Plain class, not a bean, because the data source reads it before CDI is up.
 */
public final class SwitchboardSettings {

    public static final String DATA_DIR = "switchboard.data.dir";
    public static final String DB_URL = "switchboard.db.url";
    public static final String DB_USER = "switchboard.db.user";
    public static final String DB_PASSWORD = "switchboard.db.password";
    public static final String ADMIN_PASSWORD = "switchboard.admin.password";
    public static final String BASE_URL = "switchboard.base.url";
    public static final String SECRET_KEY = "switchboard.secret.key";

    static final String DEFAULT_DATA_DIR = "./data";
    static final String DEFAULT_BASE_URL = "http://localhost:8080";

    private final Function<String, Optional<String>> source;

    public SwitchboardSettings(Function<String, Optional<String>> source) {
        this.source = source;
    }

    /** Settings as the running application sees them: system properties, environment, microprofile-config.properties. */
    public static SwitchboardSettings current() {
        Config config = ConfigProvider.getConfig(SwitchboardSettings.class.getClassLoader());
        return new SwitchboardSettings(key -> config.getOptionalValue(key, String.class));
    }

    public static String environmentName(String key) {
        return key.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    /** The data folder, absolute; created when missing. */
    public Path dataDir() {
        String value = optional(DATA_DIR).orElse(DEFAULT_DATA_DIR);
        Path dir;
        try {
            dir = Path.of(value).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            throw new InvalidSettingException(DATA_DIR, "'" + value + "' is not a valid path");
        }
        try {
            Files.createDirectories(dir);
        } catch (Exception e) {
            throw new InvalidSettingException(DATA_DIR, "the folder " + dir + " cannot be created (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(dir)) {
            throw new InvalidSettingException(DATA_DIR, "the folder " + dir + " is not writable");
        }
        return dir;
    }

    public DatabaseSettings database() {
        Optional<String> url = optional(DB_URL);
        String user = optional(DB_USER).orElse(null);
        String password = optional(DB_PASSWORD).orElse(null);
        if (url.isEmpty()) {
            Path file = dataDir().resolve("db").resolve("switchboard");
            // WRITE_DELAY=0: a commit is written before it returns. H2's default (a background write every
            // 500 ms) loses acknowledged commits when the process is killed, and stores transactions still
            // in progress, which a crash recovery must then undo.
            return new DatabaseSettings(DatabaseKind.H2, "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
                    user == null ? "sa" : user, password == null ? "" : password);
        }
        String value = url.get();
        DatabaseKind kind = DatabaseKind.ofUrl(value)
                .orElseThrow(() -> new InvalidSettingException(DB_URL,
                        "'" + value + "' is not supported; use a jdbc:postgresql:// URL, or leave it unset for the embedded H2 database"));
        if (kind == DatabaseKind.POSTGRESQL && !value.startsWith("jdbc:postgresql://")) {
            throw new InvalidSettingException(DB_URL, "a PostgreSQL URL looks like jdbc:postgresql://host:5432/database");
        }
        return new DatabaseSettings(kind, value, user, password);
    }

    public Optional<String> adminPassword() {
        Optional<String> password = optional(ADMIN_PASSWORD);
        password.ifPresent(p -> {
            if (p.length() < 8) {
                throw new InvalidSettingException(ADMIN_PASSWORD, "it must have at least 8 characters");
            }
        });
        return password;
    }

    /** Public address of this Switchboard, without a trailing slash; used in links and forwarding addresses. */
    public URI baseUrl() {
        String value = optional(BASE_URL).orElse(DEFAULT_BASE_URL);
        URI uri;
        try {
            uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(BASE_URL, "'" + value + "' is not a URL");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new InvalidSettingException(BASE_URL, "'" + value + "' must be an absolute http:// or https:// URL");
        }
        return uri;
    }

    /** The configured secret key text, if any; {@code SecretKeys} validates and falls back to the data folder. */
    public Optional<String> secretKey() {
        return optional(SECRET_KEY);
    }

    private Optional<String> optional(String key) {
        return source.apply(key).map(String::trim).filter(v -> !v.isEmpty());
    }
}
