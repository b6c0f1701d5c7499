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
        try (Store store = MailSessions.imap(account).getStore(MailSessions.protocol("imap", account.imap()))) {
            store.connect(account.username(), secret);
            for (String folderName : folders(account)) {
                Folder folder = store.getFolder(folderName);
                if (!folder.exists()) {
                    problems.add(name + ": folder missing — \"" + folderName + "\" does not exist");
                }
            }
        } catch (MessagingException | RuntimeException e) {
            problems.add(ConnectionProblem.describe(name, e));
        }
    }

    private static List<String> folders(EmailAccount account) {
        return account.moveToFolder() == null ? List.of(account.folder()) : List.of(account.folder(), account.moveToFolder());
    }

    private static void testSmtp(EmailAccount account, String secret, List<String> problems) {
        String name = "SMTP " + account.smtp().host() + ":" + account.smtp().port();
        try (Transport transport = MailSessions.smtp(account).getTransport(MailSessions.protocol("smtp", account.smtp()))) {
            transport.connect(account.username(), secret);
        } catch (MessagingException | RuntimeException e) {
            problems.add(ConnectionProblem.describe(name, e));
        }
    }
}
