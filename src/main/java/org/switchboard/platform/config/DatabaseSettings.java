package org.switchboard.platform.config;

/** Where the database is. The password never appears in {@link #toString()}. */
public record DatabaseSettings(DatabaseKind kind, String url, String user, String password) {

    @Override
    public String toString() {
        return "DatabaseSettings[" + kind + ", " + url + ", user=" + user + "]";
    }
}
