package org.switchboard.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP server over TCP on loopback that refuses every recipient with the reply it is given
 * (e.g. {@code 550 5.1.1 <x>: Recipient address rejected: User unknown}), as Postfix does; it
 * counts the RCPT commands it refused, so a test can tell one attempt from many.
 */
public final class RefusingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String rcptReply;
    private final AtomicInteger refused = new AtomicInteger();
    private final Thread acceptor;

    public RefusingSmtpServer(String rcptReply) throws IOException {
        this.rcptReply = rcptReply;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "refusing-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public int refusedRecipients() {
        return refused.get();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                client.setSoTimeout(10_000);
                converse(client);
            } catch (IOException closedOrGone) {
                // next client, or the server was closed
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream();
        say(out, "220 refusing.test ESMTP");
        for (String line; (line = in.readLine()) != null; ) {
            String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            switch (command) {
                case "EHLO", "HELO" -> say(out, "250 refusing.test");
                case "MAIL" -> say(out, "250 2.1.0 Ok");
                case "RCPT" -> {
                    refused.incrementAndGet();
                    say(out, rcptReply);
                }
                case "RSET", "NOOP" -> say(out, "250 2.0.0 Ok");
                case "DATA" -> say(out, "554 5.5.1 Error: no valid recipients");
                case "QUIT" -> {
                    say(out, "221 2.0.0 Bye");
                    return;
                }
                default -> say(out, "502 5.5.2 Error: command not recognized");
            }
        }
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
