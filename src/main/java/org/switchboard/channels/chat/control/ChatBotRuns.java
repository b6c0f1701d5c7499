package org.switchboard.channels.chat.control;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Where the bot is in each conversation ({@code chat_bot_runs}), read and written inside the
 * transaction that takes the visitor's message in; the row is locked for that, so two messages of
 * one visitor taken in at once are answered one after the other.
 */
@ApplicationScoped
public class ChatBotRuns {

    public enum State { WAITING, HANDED_OFF, CLOSED }

    /** @param askedSeq the message that asked the waiting question, null when nothing waits or the question has no buttons */
    public record Run(long conversationId, State state, String step, String language, Integer askedSeq) {
        boolean waiting() {
            return state == State.WAITING;
        }
    }

    @PersistenceContext
    EntityManager em;

    /** The conversation's run, locked until the transaction ends; empty when the bot never talked in it. */
    Optional<Run> lock(long conversationId) {
        return read(conversationId, " FOR UPDATE");
    }

    /** The run as the widget needs it (no lock); empty when the bot never talked in the conversation. */
    public Optional<Run> of(long conversationId) {
        return read(conversationId, "");
    }

    private Optional<Run> read(long conversationId, String lock) {
        return em.createNativeQuery("SELECT state, step, language, asked_seq FROM chat_bot_runs WHERE conversation_id = ?" + lock)
                .setParameter(1, conversationId).getResultList().stream().findFirst().map(row -> run(conversationId, (Object[]) row));
    }

    private static Run run(long conversationId, Object[] row) {
        String step = (String) row[1];
        int asked = row[3] == null ? 0 : ((Number) row[3]).intValue();
        return new Run(conversationId, State.valueOf((String) row[0]), step == null || step.isEmpty() ? null : step, (String) row[2],
                asked == 0 ? null : asked);
    }

    /** Written with "" and 0 for "none": a typed null cannot be bound portably in a native query (Hibernate and EclipseLink differ). */
    void save(long channelId, Run run, boolean exists) {
        em.flush(); // the conversation this run belongs to may have been made in this transaction
        String step = run.step() == null ? "" : run.step();
        int asked = run.askedSeq() == null ? 0 : run.askedSeq();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (exists) {
            em.createNativeQuery("UPDATE chat_bot_runs SET state = ?, step = ?, language = ?, asked_seq = ?, updated_at = ? WHERE conversation_id = ?")
                    .setParameter(1, run.state().name()).setParameter(2, step).setParameter(3, run.language())
                    .setParameter(4, asked).setParameter(5, now).setParameter(6, run.conversationId()).executeUpdate();
        } else {
            em.createNativeQuery("INSERT INTO chat_bot_runs (conversation_id, channel_id, state, step, language, asked_seq, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .setParameter(1, run.conversationId()).setParameter(2, channelId).setParameter(3, run.state().name())
                    .setParameter(4, step).setParameter(5, run.language()).setParameter(6, asked).setParameter(7, now).executeUpdate();
        }
    }
}
