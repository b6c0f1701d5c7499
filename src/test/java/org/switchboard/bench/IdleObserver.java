package org.switchboard.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;

import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * A second IMAP client beside Switchboard's, idling on the same INBOX: it notes when the server
 * announces each new message, which splits a mail's latency into the mail servers' part (delivery
 * and the IDLE announcement) and Switchboard's part (fetch, journal, processing) without asking
 * Switchboard anything.
 */
final class IdleObserver implements AutoCloseable {

    private final Properties properties = new Properties();
    private final int port;
    private final String user;
    private final String password;
    private final Map<Integer, Long> announcedAt = new ConcurrentHashMap<>();
    private final Store store;
    private final Thread idler;

    IdleObserver(int port, String user, String password) throws MessagingException {
        this.port = port;
        this.user = user;
        this.password = password;
        store = connect();
        IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        inbox.addMessageCountListener(new MessageCountAdapter() {
            @Override
            public void messagesAdded(MessageCountEvent event) {
                long now = System.nanoTime();
                for (Message message : event.getMessages()) {
                    announcedAt.putIfAbsent(message.getMessageNumber(), now);
                }
            }
        });
        idler = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    inbox.idle();
                }
            } catch (MessagingException | IllegalStateException closed) {
                // the observer was closed
            }
        }, "idle-observer");
        idler.setDaemon(true);
        idler.start();
    }

    /** When the server announced each message, by subject (read afterwards on a fresh connection). */
    Map<String, Long> announcedBySubject() throws MessagingException {
        Map<String, Long> bySubject = new HashMap<>();
        try (Store reader = connect()) {
            Folder inbox = reader.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            FetchProfile envelope = new FetchProfile();
            envelope.add(FetchProfile.Item.ENVELOPE);
            inbox.fetch(messages, envelope);
            for (Message message : messages) {
                Long at = announcedAt.get(message.getMessageNumber());
                if (at != null && message.getSubject() != null) {
                    bySubject.put(message.getSubject(), at);
                }
            }
            inbox.close(false);
        }
        return bySubject;
    }

    private Store connect() throws MessagingException {
        properties.setProperty("mail.imap.host", "127.0.0.1");
        properties.setProperty("mail.imap.port", Integer.toString(port));
        Store connected = Session.getInstance(properties).getStore("imap");
        connected.connect(user, password);
        return connected;
    }

    @Override
    public void close() throws MessagingException {
        idler.interrupt();
        store.close();
    }
}
