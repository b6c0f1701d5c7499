package org.switchboard.channels.email.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.switchboard.channels.email.entity.MailboxSync;

/**
 * The sync state of mailboxes, each change in its own short transaction with the row locked:
 * who may fetch (the lease), and how far the fetch got (UIDVALIDITY, last UID).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class MailboxLeases {

    /** A fetcher that stops renewing (crashed instance) loses the mailbox after this long. */
    public static final Duration LEASE = Duration.ofSeconds(60);

    @PersistenceContext
    EntityManager em;

    /** Where the sync of a mailbox stands. */
    public record Position(String folder, Long uidValidity, long lastUid) {
    }

    public boolean acquire(long channelId, String owner) {
        MailboxSync sync = em.find(MailboxSync.class, channelId, LockModeType.PESSIMISTIC_WRITE);
        return sync != null && sync.lease(owner, LEASE, Instant.now());
    }

    public void release(long channelId, String owner) {
        MailboxSync sync = em.find(MailboxSync.class, channelId, LockModeType.PESSIMISTIC_WRITE);
        if (sync != null) {
            sync.release(owner);
        }
    }

    public Position position(long channelId) {
        MailboxSync sync = em.find(MailboxSync.class, channelId);
        return new Position(sync.getFolder(), sync.getUidValidity(), sync.getLastUid());
    }

    /** @return whether the folder's UIDs were reset and a resync starts */
    public boolean checkUidValidity(long channelId, long serverValue) {
        return em.find(MailboxSync.class, channelId, LockModeType.PESSIMISTIC_WRITE).checkUidValidity(serverValue);
    }

    public void tookIn(long channelId, long uid) {
        em.find(MailboxSync.class, channelId, LockModeType.PESSIMISTIC_WRITE).tookIn(uid);
    }

    public void synced(long channelId, boolean idle) {
        em.find(MailboxSync.class, channelId, LockModeType.PESSIMISTIC_WRITE).synced(idle, Instant.now());
    }

    public void failed(long channelId, String error) {
        MailboxSync sync = em.find(MailboxSync.class, channelId, LockModeType.PESSIMISTIC_WRITE);
        if (sync != null) {
            sync.failed(error);
        }
    }

    /** Channels whose mailbox this application fetches: enabled team email channels with IMAP. */
    public List<Long> fetchedMailboxes() {
        return em.createQuery("SELECT s.channelId FROM MailboxSync s, Channel c WHERE c.id = s.channelId AND c.enabled = TRUE", Long.class)
                .getResultList();
    }
}
