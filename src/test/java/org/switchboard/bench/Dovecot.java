package org.switchboard.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's Dovecot (package {@code dovecot-imapd}) as a real IMAP server for benchmarks: its own
 * configuration, passwd-file user and Maildir under a work folder, listening on a free loopback
 * port, started in the foreground and stopped with the benchmark. Installs nothing: without the
 * package it says how to get it. Mails are written straight into the Maildir (appending thousands
 * over IMAP would take minutes); Dovecot indexes them on the first SELECT.
 */
final class Dovecot implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/dovecot");

    private final Path home;
    private final int port;
    private final int lmtpPort;
    private final boolean root;
    private final Process process;

    private Dovecot(Path home, int port, int lmtpPort, boolean root, Process process) {
        this.home = home;
        this.port = port;
        this.lmtpPort = lmtpPort;
        this.root = root;
        this.process = process;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Writes the configuration and the user; the server starts with {@link #start}. */
    static Dovecot prepare(Path work, String user, String password) throws IOException, InterruptedException {
        return prepare(work, user, password, false);
    }

    /**
     * As {@link #prepare(Path, String, String)}; with {@code lmtp} Dovecot also takes mail for the
     * user over LMTP on a loopback port (package {@code dovecot-lmtpd}), as a mail host's SMTP
     * server hands it over, and delivers it into the INBOX.
     */
    static Dovecot prepare(Path work, String user, String password, boolean lmtp) throws IOException, InterruptedException {
        if (!installed()) {
            throw new IllegalStateException("Dovecot is not installed: apt-get install dovecot-imapd (the benchmark installs nothing itself)");
        }
        boolean root = "0".equals(run("id", "-u").strip());
        String self = run("id", "-un").strip();
        Files.createDirectories(work.resolve("run"));
        Files.createDirectories(work.resolve("state"));
        Path home = work.resolve("home").resolve(user.substring(0, user.indexOf('@')));
        Files.createDirectories(home.resolve("Maildir"));
        Files.writeString(work.resolve("users"), user + ":{PLAIN}" + password + "\n");
        int port = freePort();
        int lmtpPort = lmtp ? freePort() : 0;
        if (lmtp && !Files.isExecutable(Path.of("/usr/lib/dovecot/lmtp"))) {
            throw new IllegalStateException("Dovecot's LMTP server is not installed: apt-get install dovecot-lmtpd");
        }
        // as root, Dovecot drops to its own users and serves the mail as nobody; otherwise everything runs as this user
        String internal = root ? "dovecot" : self;
        String login = root ? "dovenull" : self;
        String mailUser = root ? "uid=nobody gid=nogroup" : "uid=" + self + " gid=" + run("id", "-gn").strip();
        String config = String.join("\n",
                "base_dir = " + work.resolve("run"),
                "state_dir = " + work.resolve("state"),
                "log_path = " + work.resolve("dovecot.log"),
                "protocols = imap" + (lmtp ? " lmtp" : ""),
                "postmaster_address = postmaster@" + user.substring(user.indexOf('@') + 1),
                "listen = 127.0.0.1",
                "ssl = no",
                "disable_plaintext_auth = no",
                "auth_mechanisms = plain login",
                "default_internal_user = " + internal,
                "default_login_user = " + login,
                "passdb {", "  driver = passwd-file", "  args = scheme=PLAIN username_format=%u " + work.resolve("users"), "}",
                "userdb {", "  driver = static", "  args = " + mailUser + " home=" + home.getParent() + "/%n", "}",
                "mail_location = maildir:~/Maildir",
                "service imap-login {", "  chroot =", "  inet_listener imap {", "    address = 127.0.0.1", "    port = " + port, "  }",
                "  inet_listener imaps {", "    port = 0", "  }", "}",
                "service anvil {", "  chroot =", "}",
                lmtp ? "service lmtp {\n  inet_listener lmtp {\n    address = 127.0.0.1\n    port = " + lmtpPort + "\n  }\n}" : "",
                "");
        Files.writeString(work.resolve("dovecot.conf"), config);
        return new Dovecot(home, port, lmtpPort, root, null);
    }

    /** A Maildir++ folder of the user's mailbox ({@code .Name/cur}); mails written there are already seen. */
    Path folder(String name) throws IOException {
        Path folder = home.resolve("Maildir").resolve("." + name);
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(folder.resolve(sub));
        }
        return folder.resolve("cur");
    }

    /** A folder written while the server runs: as root, handed to the mail user as {@link #start} does for the rest. */
    void handOver(Path cur) throws IOException, InterruptedException {
        if (root) {
            new ProcessBuilder("chown", "-R", "nobody:nogroup", cur.getParent().toString()).inheritIO().start().waitFor();
        }
    }

    Dovecot start() throws IOException, InterruptedException {
        if (root) {
            // the mail belongs to the mail user; the folders above it must be passable
            new ProcessBuilder("chown", "-R", "nobody:nogroup", home.toString()).inheritIO().start().waitFor();
            for (Path p = home; p != null && p.getNameCount() > 1; p = p.getParent()) {
                p.toFile().setExecutable(true, false);
                p.toFile().setReadable(true, false);
            }
        }
        Path config = home.getParent().getParent().resolve("dovecot.conf");
        Process started = new ProcessBuilder(BINARY.toString(), "-F", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(home.getParent().getParent().resolve("dovecot.out").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new Dovecot(home, port, lmtpPort, root, started);
            } catch (IOException notYet) {
                if (!started.isAlive()) {
                    throw new IllegalStateException("Dovecot did not start: " + Files.readString(home.getParent().getParent().resolve("dovecot.out")));
                }
                Thread.sleep(100);
            }
        }
        started.destroy();
        throw new IllegalStateException("Dovecot did not listen on 127.0.0.1:" + port);
    }

    int port() {
        return port;
    }

    /** The LMTP port, when prepared with LMTP. */
    int lmtpPort() {
        return lmtpPort;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy(); // SIGTERM: Dovecot's master stops its children
            process.waitFor();
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
