package org.switchboard.tickets.control;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;

/** Hands out ticket numbers from the database sequence ticket_number_seq: unique across instances. */
@ApplicationScoped
public class TicketNumbers {

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:app/jdbc/switchboard")
    DataSource dataSource;

    private volatile String nextValueSql;

    public long next() {
        // a sequence reads nothing the transaction wrote: no flush, so a batch's rows still go out together
        return ((Number) em.createNativeQuery(nextValueSql()).setFlushMode(FlushModeType.COMMIT).getSingleResult()).longValue();
    }

    private String nextValueSql() {
        if (nextValueSql == null) {
            try (Connection connection = dataSource.getConnection()) {
                boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
                nextValueSql = postgres ? "SELECT nextval('ticket_number_seq')" : "SELECT NEXT VALUE FOR ticket_number_seq";
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read the database product", e);
            }
        }
        return nextValueSql;
    }
}
