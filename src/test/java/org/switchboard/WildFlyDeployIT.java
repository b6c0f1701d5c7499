package org.switchboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.testing.SmokeChecks;
import org.switchboard.testing.TestDatabase;

/**
 * Deploys the unchanged target/switchboard.war to WildFly 39 on PostgreSQL exactly as
 * docs/deploy.md tells an administrator: start standalone-full.xml, run
 * server-config/wildfly/switchboard.cli with a properties file, deploy the WAR; then the smoke
 * checks every server passes. Runs in the Maven profile {@code wildfly}, which unpacks WildFly.
 */
class WildFlyDeployIT {

    private static final String ADMIN_PASSWORD = "wildfly-admin-password";
    private static final Duration BOOT = Duration.ofSeconds(180);

    @TempDir
    Path temp;

    @Test
    void theShippedWarRunsOnWildFlyWithPostgresql() throws Exception {
        Path home = Path.of(System.getProperty("wildfly.home", "target/wildfly/wildfly-39.0.1.Final")).toAbsolutePath();
        assertTrue(Files.isDirectory(home), "WildFly is unpacked by 'mvn -Pwildfly verify': " + home);
        Path war = Path.of(System.getProperty("switchboard.war", "target/switchboard.war")).toAbsolutePath();
        Path driver = Path.of(System.getProperty("postgresql.jar", "target/postgresql.jar")).toAbsolutePath();

        Path base = temp.resolve("standalone");
        copyTree(home.resolve("standalone"), base); // a fresh server configuration for every run
        int offset = freePortOffset();
        int managementPort = 9990 + offset;
        int httpPort = 8080 + offset;

        try (TestDatabase database = TestDatabase.postgresql(temp.resolve("data"))) {
            Map<String, String> env = database.environment();
            Path properties = temp.resolve("switchboard.properties");
            Files.writeString(properties, String.join("\n",
                    "switchboard.jdbc.driver.jar=" + driver,
                    "switchboard.db.url=" + env.get("SWITCHBOARD_DB_URL"),
                    "switchboard.db.user=" + env.get("SWITCHBOARD_DB_USER"),
                    "switchboard.db.password=" + env.getOrDefault("SWITCHBOARD_DB_PASSWORD", "unused"),
                    "switchboard.data.dir=" + temp.resolve("data"),
                    "switchboard.base.url=http://127.0.0.1:" + httpPort,
                    "switchboard.node.name=switchboard-it",
                    "switchboard.admin.password=" + ADMIN_PASSWORD, ""));

            long started = System.nanoTime();
            Process server = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(), "-c", "standalone-full.xml",
                    "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + offset)
                    .redirectErrorStream(true).redirectOutput(temp.resolve("server.log").toFile()).start();
            try {
                awaitPort(managementPort, server);
                long booted = System.nanoTime();
                cli(home, managementPort, temp.resolve("configure.log"), "--resolve-parameter-values",
                        "--properties=" + properties, "--file=" + Path.of("server-config/wildfly/switchboard.cli").toAbsolutePath());
                cli(home, managementPort, temp.resolve("deploy.log"), "--command=deploy " + war);
                long deployed = System.nanoTime();
                System.out.printf("WildFly: boot %d ms, configure + reload + deploy %d ms%n",
                        (booted - started) / 1_000_000, (deployed - booted) / 1_000_000);

                try {
                    SmokeChecks.run(java.net.URI.create("http://127.0.0.1:" + httpPort + "/"), ADMIN_PASSWORD);
                } catch (AssertionError failed) {
                    // the server's own account of what went wrong, since its log goes with the temporary folder
                    String errors = Files.readAllLines(temp.resolve("server.log")).stream()
                            .filter(line -> line.contains("ERROR") || line.contains("Caused by") || line.contains("Exception"))
                            .limit(40).collect(java.util.stream.Collectors.joining("\n"));
                    throw new AssertionError(failed.getMessage() + "\nWildFly's log:\n" + errors, failed);
                }
                String log = Files.readString(temp.resolve("server.log"));
                assertTrue(log.contains("Deployed \"switchboard.war\""), "deployed");
                assertTrue(log.contains("PostgreSQL"), "the application logged its PostgreSQL database");
            } finally {
                cli(home, managementPort, temp.resolve("shutdown.log"), "--command=shutdown");
                if (!server.waitFor(60, TimeUnit.SECONDS)) {
                    server.destroyForcibly().waitFor();
                }
            }
        }
    }

    private static void cli(Path home, int managementPort, Path log, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/jboss-cli.sh").toString(), "--connect",
                "--controller=127.0.0.1:" + managementPort, "--timeout=60000"));
        command.addAll(List.of(arguments));
        Process cli = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!cli.waitFor(BOOT.toSeconds(), TimeUnit.SECONDS)) {
            cli.destroyForcibly();
            throw new IllegalStateException("jboss-cli timed out: " + String.join(" ", command));
        }
        assertEquals(0, cli.exitValue(), "jboss-cli " + String.join(" ", arguments) + "\n" + Files.readString(log));
    }

    private static void awaitPort(int port, Process server) throws InterruptedException {
        long end = System.nanoTime() + BOOT.toNanos();
        while (System.nanoTime() < end) {
            if (!server.isAlive()) {
                throw new IllegalStateException("WildFly exited with " + server.exitValue());
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("WildFly management port " + port + " not open within " + BOOT);
    }

    /** An offset at which WildFly's HTTP and management ports are both free. */
    private static int freePortOffset() throws IOException {
        for (int offset = 300; offset < 3000; offset += 37) {
            if (free(8080 + offset) && free(9990 + offset) && free(8443 + offset) && free(9993 + offset)) {
                return offset;
            }
        }
        throw new IllegalStateException("no free port offset for WildFly");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
