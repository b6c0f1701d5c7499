package org.switchboard.imports.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;

import org.switchboard.channels.email.control.EmailAccount;
import org.switchboard.channels.email.control.MailSessions;
import org.switchboard.channels.email.control.MailboxFetcher;

/**
 * One IMAP folder read in message-number order, {@value #BATCH} whole messages per round trip. The
 * position is {@code uidvalidity:uid}; a resume finds the first message after that UID by a binary
 * search over message numbers (UIDs ascend with them), and a resume under another UIDVALIDITY
 * starts the folder over (the writer recognises what it took in before). Ranges are fetched by
 * message number, not {@code UID FETCH n:*}: some servers (GreenMail among them) resolve every UID
 * of such a range by walking the whole folder, which made large folders quadratic.
 */
public final class ImapFolderSource implements MailSource {

    /** At most this many whole messages in one FETCH … */
    static final int BATCH = 500;
    /** … and at most this many bytes (a single larger message still goes alone). */
    static final long BATCH_BYTES = 16L * 1024 * 1024;
    /** The folder caches every message it fetched; reopening it now and then keeps the heap flat whatever the folder's size. */
    static final int REOPEN_EVERY = 2000;

    private final EmailAccount account;
    private final String secret;
    private final String folderName;
    private Store store;
    private Folder folder;
    private UIDFolder uids;
    private long uidValidity;
    private int nextNumber;
    private int count;
    private int sinceReopen;
    /** Whether the messages up to the next reopen have their sizes fetched. */
    private boolean sized;
    private long lastUid;
    private Long total;
    private final Deque<Message> fetched = new ArrayDeque<>();

    public ImapFolderSource(EmailAccount account, String secret, String folderName) {
        this.account = account;
        this.secret = secret;
        this.folderName = folderName;
    }

    @Override
    public void open(String resumeAfter) throws MessagingException {
        store = MailSessions.imap(account).getStore(MailSessions.protocol("imap", account.imap()));
        store.connect(account.username(), secret);
        folder = store.getFolder(folderName);
        folder.open(Folder.READ_ONLY);
        uids = (UIDFolder) folder;
        uidValidity = uids.getUIDValidity();
        long after = 0;
        if (resumeAfter != null) {
            String[] parts = resumeAfter.split(":");
            if (Long.parseLong(parts[0]) == uidValidity) {
                after = Long.parseLong(parts[1]);
            }
        }
        lastUid = after;
        positionAt(firstNumberAfter(after));
        total = (long) Math.max(0, count - nextNumber + 1);
    }

    /** The number of the first message whose UID is above {@code after}: a binary search, one small FETCH per step. */
    private int firstNumberAfter(long after) throws MessagingException {
        int low = 1;
        int high = folder.getMessageCount() + 1;
        while (after > 0 && low < high) {
            int middle = (low + high) >>> 1;
            if (uids.getUID(folder.getMessage(middle)) > after) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private void positionAt(int number) throws MessagingException {
        count = folder.getMessageCount();
        nextNumber = number;
        sinceReopen = 0;
        sized = false;
    }

    /** Read-only, the folder keeps its numbering unless another client expunged: one FETCH checks that. */
    private void resumeAfterReopen() throws MessagingException {
        int last = nextNumber - 1;
        boolean samePlace = last >= 1 && last <= folder.getMessageCount() && uids.getUID(folder.getMessage(last)) == lastUid;
        positionAt(samePlace ? nextNumber : firstNumberAfter(lastUid));
    }

    @Override
    public Long total() {
        return total;
    }

    @Override
    public SourceMail next() throws MessagingException, IOException {
        while (fetched.isEmpty()) {
            if (sinceReopen >= REOPEN_EVERY) {
                folder.close(false);
                folder.open(Folder.READ_ONLY);
                if (uids.getUIDValidity() != uidValidity) {
                    throw new MessagingException("The folder's UIDVALIDITY changed during the import; restart it to read the folder again");
                }
                resumeAfterReopen();
            }
            if (nextNumber > count) {
                return null;
            }
            Message[] batch = nextBatch();
            nextNumber += batch.length;
            sinceReopen += batch.length;
            folder.fetch(batch, MailboxFetcher.wholeMessages(folder));
            long floor = lastUid;
            Arrays.stream(batch).filter(m -> uid(m) > floor).forEach(fetched::add);
        }
        Message message = fetched.poll();
        long uid = uid(message);
        lastUid = uid;
        ByteArrayOutputStream raw = new ByteArrayOutputStream(16 * 1024); // not getSize(): one more round trip per message
        message.writeTo(raw);
        return new SourceMail(folderName, "UID " + uid, uidValidity + ":" + uid, raw.toByteArray());
    }

    /**
     * The next messages to fetch whole, bounded by count and bytes. Sizes come from one FETCH of
     * UID and RFC822.SIZE for the rest of the window up to the next reopen: few commands, since a
     * server may walk the whole folder for each (GreenMail does).
     */
    private Message[] nextBatch() throws MessagingException {
        int windowEnd = Math.min(count, nextNumber + (REOPEN_EVERY - sinceReopen) - 1);
        Message[] window = folder.getMessages(nextNumber, windowEnd);
        if (!sized) {
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.SIZE);
            folder.fetch(window, profile);
            sized = true;
        }
        int taken = 0;
        long bytes = 0;
        while (taken < window.length && taken < BATCH) {
            long size = Math.max(0, window[taken].getSize());
            if (taken > 0 && bytes + size > BATCH_BYTES) {
                break;
            }
            bytes += size;
            taken++;
        }
        return Arrays.copyOf(window, taken);
    }

    private long uid(Message message) {
        try {
            return uids.getUID(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
            if (store != null) {
                store.close();
            }
        } catch (MessagingException ignored) {
            // read-only
        }
    }
}
