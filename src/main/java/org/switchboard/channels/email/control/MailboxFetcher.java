package org.switchboard.channels.email.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;

/**
 * One pass over an open IMAP folder: every message above the last UID taken in is journaled and
 * processed, in UID order, and the highest UID recorded after each batch. A crash before that
 * fetches the batch again, which the journal recognises (same keys), so nothing is lost or doubled. A changed
 * UIDVALIDITY starts over from UID 1 with the same protection.
 */
@ApplicationScoped
public class MailboxFetcher {

    private static final Logger LOG = Logger.getLogger(MailboxFetcher.class.getName());
    /** Messages fetched per round trip; the pass continues until the folder is worked off. */
    static final int BATCH = 50;

    @Inject
    MailboxLeases leases;

    @Inject
    MailIntake intake;

    /** @return how many messages were taken in */
    public int fetchNew(long channelId, Folder folder, Folder moveTo) throws MessagingException {
        UIDFolder uids = (UIDFolder) folder;
        if (leases.checkUidValidity(channelId, uids.getUIDValidity())) {
            LOG.info("Mailbox of channel " + channelId + " changed its UIDVALIDITY; reading it again from the start (duplicates are recognised)");
        }
        long last = leases.position(channelId).lastUid();
        int taken = 0;
        while (true) {
            Message[] batch = uids.getMessagesByUID(last + 1, UIDFolder.LASTUID);
            folder.fetch(batch, wholeMessages(folder));
            List<Message> taking = new ArrayList<>();
            List<byte[]> raws = new ArrayList<>();
            for (Message message : batch) {
                long uid = uids.getUID(message);
                if (uid <= last) {
                    continue; // "n:*" always returns the newest message, even when it is older than n
                }
                taking.add(message);
                raws.add(raw(message));
                last = uid;
                if (taking.size() == BATCH) {
                    break;
                }
            }
            int inBatch = taking.size();
            if (inBatch > 0) {
                // together: mails a server announces at once share the pipeline's transactions
                intake.submitAll(channelId, raws);
                taken += inBatch;
                if (moveTo != null) {
                    Message[] moving = taking.toArray(Message[]::new);
                    folder.copyMessages(moving, moveTo);
                    folder.setFlags(moving, new Flags(Flags.Flag.DELETED), true);
                }
                // once per batch: a crash before this refetches the batch, and the journal keys stop the duplicates
                leases.tookIn(channelId, last);
                if (moveTo != null) {
                    folder.expunge();
                }
            }
            if (inBatch < BATCH) {
                return taken;
            }
        }
    }

    /**
     * UIDs, and where the mail implementation offers it (its public {@code FetchProfileItem.MESSAGE},
     * reached by reflection), the whole messages of a batch in one round trip instead of one each.
     */
    public static FetchProfile wholeMessages(Folder folder) {
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        try {
            Class<?> items = Class.forName(folder.getClass().getName() + "$FetchProfileItem", true, folder.getClass().getClassLoader());
            profile.add((FetchProfile.Item) items.getField("MESSAGE").get(null));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError notOffered) {
            // one round trip per message then
        }
        return profile;
    }

    private static byte[] raw(Message message) throws MessagingException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024); // not getSize(): one more round trip per message
            message.writeTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            LOG.log(Level.FINE, "Reading a message failed", e);
            throw new MessagingException("Reading the message failed: " + e.getMessage(), e);
        }
    }
}
