package org.switchboard.channels.email.entity;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Where the sync of one IMAP mailbox stands: the folder's UIDVALIDITY and the highest UID taken
 * in; and the lease that lets exactly one application instance fetch it at a time.
 */
@Entity
@Table(name = "mailbox_syncs")
public class MailboxSync {

    @Id
    @Column(name = "channel_id")
    private long channelId;

    private String folder;

    @Column(name = "uid_validity")
    private Long uidValidity;

    @Column(name = "last_uid")
    private long lastUid;

    @Column(name = "lease_owner")
    private String leaseOwner;

    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Column(name = "last_synced_at")
    private Instant lastSyncedAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "idle_supported")
    private Boolean idleSupported;

    @Version
    private long version;

    protected MailboxSync() {
    }

    public MailboxSync(long channelId, String folder) {
        this.channelId = channelId;
        this.folder = folder;
    }

    /** A new folder: start from its beginning. */
    public void watchFolder(String newFolder) {
        if (!newFolder.equals(folder)) {
            this.folder = newFolder;
            this.uidValidity = null;
            this.lastUid = 0;
        }
    }

    /**
     * Takes or renews the lease when it is free, expired or already ours.
     * @return whether this owner holds the lease now
     */
    public boolean lease(String owner, Duration length, Instant now) {
        if (leaseOwner != null && !leaseOwner.equals(owner) && leaseUntil != null && leaseUntil.isAfter(now)) {
            return false;
        }
        this.leaseOwner = owner;
        this.leaseUntil = now.plus(length);
        return true;
    }

    public void release(String owner) {
        if (owner.equals(leaseOwner)) {
            this.leaseOwner = null;
            this.leaseUntil = null;
        }
    }

    /**
     * The server's UIDVALIDITY for the folder. A different value means the UIDs we hold mean
     * nothing any more: the folder is read again from the start (duplicates are stopped by the
     * journal and the message ids, not by UIDs).
     * @return whether a resync starts
     */
    public boolean checkUidValidity(long serverValue) {
        if (uidValidity != null && uidValidity == serverValue) {
            return false;
        }
        boolean resync = uidValidity != null;
        this.uidValidity = serverValue;
        this.lastUid = 0;
        return resync;
    }

    public void tookIn(long uid) {
        if (uid > lastUid) {
            this.lastUid = uid;
        }
    }

    public void synced(boolean idle, Instant at) {
        this.idleSupported = idle;
        this.lastSyncedAt = at;
        this.lastError = null;
    }

    public void failed(String error) {
        this.lastError = error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error;
    }

    public long getChannelId() {
        return channelId;
    }

    public String getFolder() {
        return folder;
    }

    public Long getUidValidity() {
        return uidValidity;
    }

    public long getLastUid() {
        return lastUid;
    }

    public String getLeaseOwner() {
        return leaseOwner;
    }

    public Instant getLeaseUntil() {
        return leaseUntil;
    }

    public Instant getLastSyncedAt() {
        return lastSyncedAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Boolean getIdleSupported() {
        return idleSupported;
    }
}
