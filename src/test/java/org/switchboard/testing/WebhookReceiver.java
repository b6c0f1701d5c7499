package org.switchboard.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP receiver on loopback, as a custom channel's integration runs one: it records every
 * delivery (headers and raw body) and answers with the statuses it is told, in turn (then 200).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Delivery(String deliveryId, String signature, String contentType, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** An answer to give: status and body. */
    public record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Deque<Answer> answers = new ArrayDeque<>();

    public WebhookReceiver(Answer... inTurn) throws IOException {
        answers.addAll(List.of(inTurn));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("Switchboard-Delivery"),
                    exchange.getRequestHeaders().getFirst("Switchboard-Signature"), exchange.getRequestHeaders().getFirst("Content-Type"), body));
            Answer answer;
            synchronized (answers) {
                answer = answers.isEmpty() ? new Answer(200, "{\"ok\":true}") : answers.poll();
            }
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
