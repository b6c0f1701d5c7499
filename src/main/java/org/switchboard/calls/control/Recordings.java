package org.switchboard.calls.control;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.conversations.entity.Attachment;
import org.switchboard.conversations.entity.Call;
import org.switchboard.tickets.control.TicketActivity;
import org.switchboard.tickets.entity.Phrase;
import org.switchboard.tickets.entity.TicketEvent;
import org.switchboard.tickets.entity.TicketEventType;

/**
 * Voicemail recordings, fetched from the provider into an attachment of the call's message, so agents
 * play them on the ticket page and they stay when the provider deletes its copy. The fetch runs outside
 * any transaction; a failure is tried again with backoff (30 s doubling), and after the last attempt the
 * timeline says the recording could not be fetched. Two instances may fetch one recording at the same
 * moment; storing locks the call's row, so only the first keeps it.
 */
@ApplicationScoped
public class Recordings {

    private static final Logger LOG = Logger.getLogger(Recordings.class.getName());
    static final int MAX_ATTEMPTS = 8;

    @PersistenceContext
    EntityManager em;

    @Inject
    @Any
    Instance<RecordingSource> sources;

    @Inject
    Event<TicketActivity> activity;

    @Inject
    Recordings self;

    /** What one fetch needs, read in a short transaction. */
    public record Due(long callId, long channelId, String kind, String url) {
    }

    /** Fetches the recordings that are due; answers how many were looked at. Called outside a transaction. */
    public int fetchDue(int limit) {
        List<Due> due = self.due(limit);
        for (Due recording : due) {
            RecordingSource source = source(recording.kind());
            try {
                if (source == null) {
                    throw new IllegalArgumentException("No recording source for channel kind " + recording.kind());
                }
                RecordingSource.Recording fetched = source.fetch(self.channel(recording.channelId()), recording.url());
                self.store(recording.callId(), recording.url(), fetched);
            } catch (IOException | RuntimeException failed) {
                LOG.log(Level.INFO, "Recording of call " + recording.callId() + " not fetched yet: " + failed.getMessage());
                self.failed(recording.callId(), failed.getMessage(), failed instanceof IllegalArgumentException);
            }
        }
        return due.size();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Due> due(int limit) {
        return em.createQuery("SELECT c.id, c.channel.id, c.channel.type, c.recordingUrl FROM Call c WHERE c.recordingState = 'PENDING'"
                        + " AND c.recordingNextAt <= :now ORDER BY c.recordingNextAt", Object[].class)
                .setParameter("now", Instant.now()).setMaxResults(limit).getResultStream()
                .map(r -> new Due((Long) r[0], (Long) r[1], (String) r[2], (String) r[3])).toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public org.switchboard.channels.entity.Channel channel(long channelId) {
        return em.find(org.switchboard.channels.entity.Channel.class, channelId);
    }

    /** Keeps the recording on the call's message, unless another instance did meanwhile or the recording changed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void store(long callId, String url, RecordingSource.Recording recording) {
        Call call = em.find(Call.class, callId, LockModeType.PESSIMISTIC_WRITE);
        if (call == null || !"PENDING".equals(call.getRecordingState()) || !url.equals(call.getRecordingUrl())) {
            return;
        }
        String type = recording.contentType() == null || recording.contentType().isBlank() ? "audio/mpeg" : recording.contentType();
        String extension = type.contains("wav") ? ".wav" : type.contains("ogg") ? ".ogg" : ".mp3";
        em.persist(new Attachment(call.getMessage(), "voicemail-" + call.getProviderCallId().replaceAll("[^A-Za-z0-9_-]", "") + extension,
                type, null, recording.content()));
        call.recordingFetched();
        if (call.getMessage().getTicket() != null) {
            activity.fire(new TicketActivity(call.getMessage().getTicket().getId()));
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(long callId, String reason, boolean never) {
        Call call = em.find(Call.class, callId, LockModeType.PESSIMISTIC_WRITE);
        if (call == null || !"PENDING".equals(call.getRecordingState())) {
            return;
        }
        Duration backoff = Duration.ofSeconds(30L << Math.min(10, call.getRecordingAttempts()));
        if (call.recordingFailed(never ? 1 : MAX_ATTEMPTS, backoff) && call.getMessage().getTicket() != null) {
            em.persist(new TicketEvent(call.getMessage().getTicket(), TicketEventType.CALL, null,
                    Phrase.of("timeline.call.recordingFailed", "reason", reason == null ? "—" : reason)));
        }
    }

    private RecordingSource source(String kind) {
        for (RecordingSource source : sources) {
            if (source.kind().equals(kind)) {
                return source;
            }
        }
        return null;
    }
}
