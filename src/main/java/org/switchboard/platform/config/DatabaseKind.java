package org.switchboard.platform.config;

import java.util.Optional;

/** The databases Switchboard runs on. */
public enum DatabaseKind {
    H2("jdbc:h2:"),
    POSTGRESQL("jdbc:postgresql:");

    private final String urlPrefix;

    DatabaseKind(String urlPrefix) {
        this.urlPrefix = urlPrefix;
    }

    public static Optional<DatabaseKind> ofUrl(String url) {
        for (DatabaseKind kind : values()) {
            if (url.startsWith(kind.urlPrefix)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
