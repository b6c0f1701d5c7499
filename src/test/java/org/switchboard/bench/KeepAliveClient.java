package org.switchboard.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 connection kept open, used by one benchmark thread: a request written, its answer
 * read, blocking. The load generator shares the two cores with the server, and Java's
 * {@code HttpClient} spends about 0.6 ms of CPU per request here — a quarter of the machine at a
 * thousand requests a second — where this spends a few microseconds, as {@code wrk} does.
 */
final class KeepAliveClient implements AutoCloseable {

    /** Below the server's keep-alive timeout (Grizzly's is 30 s): a connection idle longer may be closed under us. */
    private static final long STALE_AFTER_NANOS = 5_000_000_000L;

    private final URI endpoint;
    private long lastUsed;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** Posts the JSON body and returns the status code; the answer's body is read and dropped. */
    int postJson(String authorization, String json) throws IOException {
        return postJson("Authorization", authorization, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Posts the JSON bytes with one more header (an authorization, a webhook signature) and returns the status code. */
    int postJson(String headerName, String headerValue, byte[] body) throws IOException {
        String head = "POST " + endpoint.getRawPath() + " HTTP/1.1\r\nHost: " + endpoint.getHost() + ":" + endpoint.getPort()
                + "\r\n" + headerName + ": " + headerValue + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        if (socket != null && System.nanoTime() - lastUsed > STALE_AFTER_NANOS) {
            close(); // as HTTP clients do: an idle connection is not trusted (a benchmark waiting between rounds)
        }
        if (socket == null) {
            connect();
        }
        try {
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            int status = readResponse();
            lastUsed = System.nanoTime();
            return status;
        } catch (IOException | RuntimeException broken) {
            close(); // the next request starts on a new connection
            throw broken;
        }
    }

    private void connect() throws IOException {
        socket = new Socket(endpoint.getHost(), endpoint.getPort());
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    private int readResponse() throws IOException {
        String status = line();
        int code = Integer.parseInt(status.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String header; !(header = line()).isEmpty(); ) {
            String name = header.substring(0, header.indexOf(':')).trim().toLowerCase();
            String value = header.substring(header.indexOf(':') + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                case "connection" -> closes = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        if (chunked) {
            for (long size; (size = Long.parseLong(line().split(";")[0].trim(), 16)) > 0; ) {
                skip(size);
                line();
            }
            while (!line().isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            skip(length);
        }
        if (closes) {
            close();
        }
        return code;
    }

    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                throw new IOException("The server closed the connection");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private void skip(long count) throws IOException {
        for (long left = count; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("The server closed the connection");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
