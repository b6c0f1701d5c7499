package org.switchboard.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's Postfix (package {@code postfix}) as a real SMTP server for benchmarks: an instance of
 * its own — configuration, queue and log under a work folder — listening on a free loopback port
 * and handing every mail for one domain to Dovecot over LMTP, the way a mail host delivers into
 * IMAP mailboxes. Installs nothing and never touches the system's own Postfix configuration.
 * Postfix's master runs as root (it drops to the {@code postfix} user), so the benchmark must too.
 */
final class Postfix implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/postfix");

    /** The services a delivering instance needs, none chrooted (the queue folder holds no copy of /etc). */
    private static final String SERVICES = String.join("\n",
            "pickup    unix  n       -       n       60      1       pickup",
            "cleanup   unix  n       -       n       -       0       cleanup",
            "qmgr      unix  n       -       n       300     1       qmgr",
            "rewrite   unix  -       -       n       -       -       trivial-rewrite",
            "bounce    unix  -       -       n       -       0       bounce",
            "defer     unix  -       -       n       -       0       bounce",
            "trace     unix  -       -       n       -       0       bounce",
            "verify    unix  -       -       n       -       1       verify",
            "flush     unix  n       -       n       1000?   0       flush",
            "proxymap  unix  -       -       n       -       -       proxymap",
            "smtp      unix  -       -       n       -       -       smtp",
            "relay     unix  -       -       n       -       -       smtp",
            "showq     unix  n       -       n       -       -       showq",
            "error     unix  -       -       n       -       -       error",
            "retry     unix  -       -       n       -       -       error",
            "discard   unix  -       -       n       -       -       discard",
            "lmtp      unix  -       -       n       -       -       lmtp",
            "anvil     unix  -       -       n       -       1       anvil",
            "scache    unix  -       -       n       -       1       scache",
            "postlog   unix-dgram n  -       n       -       1       postlogd", "");

    private final Path config;
    private final Path log;
    private final int port;

    private Postfix(Path config, Path log, int port) {
        this.config = config;
        this.log = log;
        this.port = port;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Starts an instance accepting mail for {@code domain} on a free loopback port and delivering it to the LMTP port. */
    static Postfix start(Path work, String domain, int lmtpPort) throws IOException, InterruptedException {
        if (!installed()) {
            throw new IllegalStateException("Postfix is not installed: apt-get install postfix (the benchmark installs nothing itself)");
        }
        if (!"0".equals(run("id", "-u").strip())) {
            throw new IllegalStateException("Postfix's master runs as root: run the benchmark as root");
        }
        // Postfix checks that its configuration is root's, its data folder its own user's and every folder above passable
        Path instance = work.resolve("postfix");
        Path config = Files.createDirectories(instance.resolve("etc"));
        Path data = Files.createDirectories(instance.resolve("data"));
        Files.createDirectories(instance.resolve("queue"));
        run("chown", "postfix", data.toString());
        for (Path p = instance; p != null && p.getNameCount() > 0; p = p.getParent()) {
            p.toFile().setExecutable(true, false);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String main = String.join("\n",
                "compatibility_level = 3.6",
                "queue_directory = " + instance.resolve("queue"),
                "data_directory = " + data,
                "maillog_file = " + instance.resolve("maillog"),
                "maillog_file_prefixes = " + instance,
                "myhostname = mail.bench.test",
                "inet_interfaces = 127.0.0.1",
                "inet_protocols = ipv4",
                "mydestination =",
                "mynetworks = 127.0.0.0/8",
                "alias_maps =",
                "local_recipient_maps =",
                "smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination",
                "virtual_mailbox_domains = " + domain,
                "virtual_transport = lmtp:inet:127.0.0.1:" + lmtpPort,
                "smtputf8_enable = no",
                "biff = no", "");
        Files.writeString(config.resolve("main.cf"), main);
        Files.writeString(config.resolve("master.cf"), "127.0.0.1:" + port + " inet n - n - - smtpd\n" + SERVICES);
        Postfix postfix = new Postfix(config, instance.resolve("maillog"), port);
        String out = postfix.command("start");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return postfix;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Postfix did not listen on 127.0.0.1:" + port + ": " + out);
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        command("stop");
    }

    private String command(String verb) throws IOException, InterruptedException {
        return run(BINARY.toString(), "-c", config.toString(), verb);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
