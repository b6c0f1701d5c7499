package org.switchboard.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Switchboard started exactly as the README tells a person to: {@code java -jar payara-micro.jar
 * --deploy switchboard.war --port N} with SWITCHBOARD_* environment variables, output to a log file.
 */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;
    private final long startedNanos = System.nanoTime();

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static ServerProcess start(Map<String, String> environment, Path log) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + System.getProperty("switchboard.server.heap", "768m")));
        // e.g. -Dswitchboard.server.jvmArgs=-XX:StartFlightRecording=filename=server.jfr to profile a benchmark's server
        String extra = System.getProperty("switchboard.server.jvmArgs", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"), "--deploy", System.getProperty("switchboard.war", "target/switchboard.war"),
                "--port", String.valueOf(port), "--nocluster"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("SWITCHBOARD_"));
        builder.environment().putAll(environment);
        return new ServerProcess(builder.start(), log, port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The server's process id (benchmarks read its threads' CPU time). */
    public long pid() {
        return process.pid();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** Waits for /health to answer 200; returns the time from launch. Fails if the server exits or the deadline passes. */
    public Duration awaitHealthy(Duration deadline) throws IOException, InterruptedException {
        // HTTP/1.1: an h2c upgrade request can deadlock Payara Micro's Grizzly HTTP/2 code (seen in a thread dump)
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Switchboard exited with " + process.exitValue() + "; log " + log);
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(base().resolve("health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Switchboard not healthy within " + deadline + "; " + keepDiagnostics());
    }

    /**
     * A start that never became healthy: asks the JVM for a thread dump (SIGQUIT prints it into the
     * log) and copies the log to target/diagnostics, which .ci/run prints when the build fails —
     * the temporary folder with the log is gone by the time anyone reads a CI report.
     */
    private String keepDiagnostics() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-QUIT", String.valueOf(process.pid())).inheritIO().start().waitFor();
        Thread.sleep(2000);
        Path kept = Path.of("target", "diagnostics", "unhealthy-start-" + process.pid() + ".log");
        Files.createDirectories(kept.getParent());
        Files.copy(log, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return "log kept in " + kept.toAbsolutePath();
    }

    /** Waits until the log contains the text; returns the whole log. */
    public String awaitLog(String text, Duration deadline) throws IOException, InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            String content = log();
            if (content.contains(text)) {
                return content;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("'" + text + "' not logged within " + deadline + "; log " + log);
    }

    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Kills the server at once (SIGKILL): no shutdown hooks, no commits — what a crash or power loss leaves. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
