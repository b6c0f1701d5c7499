package org.switchboard.channels.email.control;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderNotFoundException;

/** Names what went wrong talking to a mail server, in words an admin can act on. */
public final class ConnectionProblem {

    private ConnectionProblem() {
    }

    public static String describe(String server, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AuthenticationFailedException) {
                return server + ": authentication failed — check the user name and password or token";
            }
            if (cause instanceof SSLException) {
                return server + ": TLS handshake failed — check the port and security setting (" + cause.getMessage() + ")";
            }
            if (cause instanceof UnknownHostException) {
                return server + ": host unreachable — unknown host " + cause.getMessage();
            }
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException) {
                return server + ": host unreachable — " + cause.getMessage();
            }
            if (cause instanceof FolderNotFoundException) {
                return server + ": folder missing — " + cause.getMessage();
            }
        }
        String message = failure.getMessage();
        return server + ": " + (message == null ? failure.getClass().getSimpleName() : message);
    }
}
