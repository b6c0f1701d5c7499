package org.switchboard.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's HAProxy in front of server instances, on loopback, started and stopped by the test. It
 * sends everything to the first instance while it is up ({@code balance first}) and to the next
 * when it dies (health checks every second, failed connections redispatched), so a test knows
 * where a browser's connection lands; WebSockets pass through ({@code timeout tunnel}).
 */
public final class Balancer implements AutoCloseable {

    private final Process process;
    private final int port;

    private Balancer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Balancer start(Path dir, List<URI> instances) throws IOException, InterruptedException {
        String binary = Files.isExecutable(Path.of("/usr/sbin/haproxy")) ? "/usr/sbin/haproxy" : "haproxy";
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        StringBuilder config = new StringBuilder("""
                global
                    maxconn 4096
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    timeout tunnel 1h
                    option redispatch
                    retries 3
                frontend switchboard
                    bind 127.0.0.1:%d
                    default_backend instances
                backend instances
                    balance first
                    option httpchk GET /health/live
                """.formatted(port));
        int i = 0;
        for (URI instance : instances) {
            config.append("    server i").append(i++).append(' ').append(instance.getHost()).append(':').append(instance.getPort())
                    .append(" check inter 1s fall 2 rise 1 maxconn 1000\n");
        }
        Path file = dir.resolve("haproxy.cfg");
        Files.writeString(file, config);
        Process process = new ProcessBuilder(binary, "-db", "-f", file.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        Balancer balancer = new Balancer(process, port);
        for (int attempt = 0; attempt < 50; attempt++) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return balancer;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("HAProxy did not start: " + Files.readString(dir.resolve("haproxy.log")));
                }
                Thread.sleep(100);
            }
        }
        balancer.close();
        throw new IllegalStateException("HAProxy did not listen on " + port);
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
