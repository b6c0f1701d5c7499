package org.switchboard.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import com.sun.net.httpserver.HttpServer;

/**
 * A customer's web site for page tests: HTML on loopback, on another origin than Switchboard, so
 * an embedded widget or form runs across origins as on a real site. The page may depend on the
 * request path (e.g. a page that asks the widget for long polls).
 */
public final class HostPage implements AutoCloseable {

    private final HttpServer server;

    private HostPage(Function<String, String> html) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] page = html.apply(exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=UTF-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
    }

    /** Serves {@code html(path)} for every path. */
    public static HostPage serving(Function<String, String> html) throws IOException {
        return new HostPage(html);
    }

    /** The page's address at this path, e.g. {@code /products}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
