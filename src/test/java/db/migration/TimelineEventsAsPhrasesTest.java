package db.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.switchboard.tickets.control.TimelineTexts;
import org.switchboard.tickets.entity.Phrase;
import org.switchboard.tickets.entity.PhrasesJson;

/** Version 6 turns the timeline's stored English sentences into phrases, row by row, on a real (H2) schema. */
class TimelineEventsAsPhrasesTest {

    @Test
    void existingEntriesBecomePhrasesAndTheSentenceColumnGoes() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:timeline" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").target("5").load().migrate();
        try (Connection db = h2.getConnection(); Statement sql = db.createStatement()) {
            sql.execute("SET REFERENTIAL_INTEGRITY FALSE"); // the entries alone are what this migration reads
            sql.execute("INSERT INTO ticket_events (id, ticket_id, event_type, detail, occurred_at) VALUES"
                    + " (1, 900, 'CREATED', 'Created from channel Support mail', CURRENT_TIMESTAMP),"
                    + " (2, 900, 'ASSIGNED', 'Rule: specific users and teams, available users only. Chose maria (1 open tickets). Skipped: liisa — away.', CURRENT_TIMESTAMP),"
                    + " (3, 900, 'BOUNCED', 'Message from mailer: 550 no such user', CURRENT_TIMESTAMP),"
                    + " (4, 900, 'NOTE_ADDED', NULL, CURRENT_TIMESTAMP)");
        }

        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();

        Map<Long, List<Phrase>> phrases = new HashMap<>();
        try (Connection db = h2.getConnection(); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("SELECT id, phrases FROM ticket_events ORDER BY id")) {
            while (rows.next()) {
                phrases.put(rows.getLong(1), PhrasesJson.fromJson(rows.getString(2)));
            }
            assertFalse(db.getMetaData().getColumns(null, null, "TICKET_EVENTS", "DETAIL").next(), "the sentence column is gone");
        }
        Locale fi = Locale.forLanguageTag("fi");
        assertEquals("Luotu kanavasta Support mail", TimelineTexts.render(phrases.get(1L), fi));
        assertEquals("Sääntö: valitut käyttäjät ja tiimit, vain paikalla olevat käyttäjät. Valittiin maria (1 avointa tikettiä). Ohitettiin: liisa — poissa.",
                TimelineTexts.render(phrases.get(2L), fi));
        assertEquals(List.of(Phrase.verbatim("Message from mailer: 550 no such user")), phrases.get(3L));
        assertEquals(List.of(), phrases.get(4L));
    }
}
