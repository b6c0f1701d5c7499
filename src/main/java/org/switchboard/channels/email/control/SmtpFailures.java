package org.switchboard.channels.email.control;

import java.lang.reflect.Method;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;

import org.switchboard.outbound.control.SendOutcome;

/**
 * Classes an SMTP failure: a 5xx answer (e.g. {@code 550 5.1.1 user unknown}) will be the same
 * on every retry, so the reply fails at once with the server's words; everything else (4xx, a
 * server down, a time-out, authentication) is retried. The reply code is read through the
 * exception's public {@code getReturnCode()}, as Jakarta Mail's SMTP provider offers it, so no
 * provider class is compiled against.
 */
public final class SmtpFailures {

    private SmtpFailures() {
    }

    public static SendOutcome classify(String server, Exception failure) {
        Throwable answered = null;
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            Integer code = returnCode(cause);
            if (code != null && code >= 500 && code < 600) {
                return SendOutcome.permanent(server + " refused the mail: " + serverText(cause));
            }
            if (code != null && answered == null) {
                answered = cause;
            }
        }
        if (answered != null) {
            return SendOutcome.retry(server + " answered: " + serverText(answered));
        }
        if (failure instanceof SendFailedException refused && refused.getValidSentAddresses() == null
                && refused.getInvalidAddresses() != null && refused.getInvalidAddresses().length > 0 && returnCodeAnywhere(failure) == null) {
            return SendOutcome.permanent(server + " refused the recipient: " + refused.getMessage());
        }
        return SendOutcome.retry(ConnectionProblem.describe(server, failure));
    }

    private static Integer returnCodeAnywhere(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            Integer code = returnCode(cause);
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    private static Throwable next(Throwable cause) {
        Throwable next = cause instanceof MessagingException messaging ? messaging.getNextException() : null;
        if (next == null) {
            next = cause.getCause();
        }
        return next == cause ? null : next;
    }

    private static Integer returnCode(Throwable cause) {
        try {
            Method method = cause.getClass().getMethod("getReturnCode");
            Object value = method.invoke(cause);
            return value instanceof Integer code && code > 0 ? code : null;
        } catch (ReflectiveOperationException | RuntimeException notSmtp) {
            return null;
        }
    }

    private static String serverText(Throwable cause) {
        String text = cause.getMessage();
        return text == null ? "(no text)" : text.strip().replaceAll("\\s+", " ");
    }
}
