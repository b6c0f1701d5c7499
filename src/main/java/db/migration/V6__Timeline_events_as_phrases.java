package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.switchboard.tickets.control.LegacyTimelineText;
import org.switchboard.tickets.entity.PhrasesJson;

/**
 * Timeline entries become data: the English sentence in {@code detail} is read back into phrases
 * (key + arguments) in the new {@code phrases} column, then {@code detail} goes. A Java migration
 * because the sentences are parsed, which SQL cannot do on both H2 and PostgreSQL; it runs once,
 * in Flyway's transaction, streaming the rows.
 */
public class V6__Timeline_events_as_phrases extends BaseJavaMigration {

    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        try (Statement ddl = db.createStatement()) {
            ddl.execute("ALTER TABLE ticket_events ADD COLUMN phrases TEXT");
        }
        try (Statement read = db.createStatement();
             PreparedStatement write = db.prepareStatement("UPDATE ticket_events SET phrases = ? WHERE id = ?")) {
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = read.executeQuery("SELECT id, event_type, detail FROM ticket_events WHERE detail IS NOT NULL")) {
                while (rows.next()) {
                    write.setString(1, PhrasesJson.toJson(LegacyTimelineText.read(rows.getString(2), rows.getString(3))));
                    write.setLong(2, rows.getLong(1));
                    write.addBatch();
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
        try (Statement ddl = db.createStatement()) {
            ddl.execute("ALTER TABLE ticket_events DROP COLUMN detail");
        }
    }
}
