package org.switchboard.channels.email.control;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.Transport;

/** Tries a channel's IMAP and SMTP settings before they are saved; each problem named precisely. */
@ApplicationScoped
public class ConnectionTester {

    public record Result(boolean ok, List<String> problems) {
    }

    public Result test(EmailAccount account, String secret) {
        List<String> problems = new ArrayList<>();
        if (account.kind().fetches()) {
            testImap(account, secret, problems);
        }
        if (account.canSend()) {
            testSmtp(account, secret, problems);
        }
        return new Result(problems.isEmpty(), problems);
    }

    private static void testImap(EmailAccount account, String secret, List<String> problems) {
        String name = "IMAP " + account.imap().host() + ":" + account.imap().port();
        try (Store store = MailSessions.forTest("imap", account).getStore(MailSessions.protocol("imap", account.imap()))) {
            store.connect(account.username(), secret);
            for (String folderName : folders(account)) {
                Folder folder = store.getFolder(folderName);
                if (!folder.exists()) {
                    problems.add(name + ": folder missing — \"" + folderName + "\" does not exist");
                }
            }
        } catch (MessagingException | RuntimeException e) {
            problems.add(problem(name, "IMAP", e));
        }
    }

    private static String problem(String server, String protocol, Exception failure) {
        return notAServer(failure) ? server + ": that port does not answer as an " + protocol + " server (no greeting within "
                + MailSessions.TEST_TIMEOUT_MS / 1000 + " s)" : ConnectionProblem.describe(server, failure);
    }

    /** Connected, then silence: something listens on the port, but it does not speak the protocol. */
    private static boolean notAServer(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.net.SocketTimeoutException timeout && timeout.getMessage() != null
                    && timeout.getMessage().toLowerCase(java.util.Locale.ROOT).contains("read timed out")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> folders(EmailAccount account) {
        return account.moveToFolder() == null ? List.of(account.folder()) : List.of(account.folder(), account.moveToFolder());
    }

    private static void testSmtp(EmailAccount account, String secret, List<String> problems) {
        String name = "SMTP " + account.smtp().host() + ":" + account.smtp().port();
        try (Transport transport = MailSessions.forTest("smtp", account).getTransport(MailSessions.protocol("smtp", account.smtp()))) {
            transport.connect(account.username(), secret);
        } catch (MessagingException | RuntimeException e) {
            problems.add(problem(name, "SMTP", e));
        }
    }
}
