package io.github.pendoclient.testing;

import io.github.pendoclient.testing.internal.FakeServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs a {@link FakePendo} as a standalone server, so that programs in any language (and other Pendo connectors)
 * can be tested against it:
 *
 * <pre>
 * mvn -B -q package -pl pendo-client-testing -am -DskipTests
 * java -jar pendo-client-testing/target/pendo-client-testing-VERSION-standalone.jar --port 8089 --visitors 20000 \
 *     --seed 42 --end-date 2026-11-01
 * </pre>
 *
 * <p>Point the program at {@code http://127.0.0.1:8089} and send the printed integration key (or shared secret for
 * {@code /data/track}). Tests in other languages script faults and read recordings through {@code /_fake/}
 * endpoints (see docs/testing.md). It listens on {@code 127.0.0.1} only and prints that address. It runs until
 * interrupted, and says so in one line when it stops; the exit status is then the JVM's for the signal, 143 for
 * SIGTERM and 130 for Ctrl+C (SIGINT). A bad argument, a busy port or a missing dataset file ends it at once with a
 * one-line message and exit status 2.
 */
@Command(
        name = "fake-pendo",
        mixinStandardHelpOptions = true,
        versionProvider = FakePendoServer.Version.class,
        description = "Serves a fake Pendo v1 API (REST, aggregations, track events) on loopback.")
public final class FakePendoServer implements Callable<Integer> {

    /** The exit status for a bad argument, a busy port or a missing dataset. */
    static final int USAGE = 2;

    @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = 8089;

    @Option(names = "--seed", description = "Seed of the generated dataset (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--visitors", description = "Visitors in the generated dataset (default: ${DEFAULT-VALUE}).")
    int visitors = 20_000;

    @Option(names = "--accounts", description = "Accounts (default: a tenth of the visitors).")
    Integer accounts;

    @Option(names = "--days", description = "Days of events, ending at --end-date (default: ${DEFAULT-VALUE}).")
    int days = 60;

    @Option(
            names = "--end-date",
            paramLabel = "YYYY-MM-DD",
            description = "The generated events end at the start"
                    + " of this UTC day, so the same seed serves the same data on any day (default: today).")
    String endDate;

    @Option(names = "--dataset", description = "Serve this JSON dataset (see Dataset.toJson) instead of generating.")
    Path dataset;

    @Option(
            names = "--integration-key",
            description = "Integration key to accept (repeatable; default: " + FakePendo.DEFAULT_INTEGRATION_KEY + ").")
    List<String> keys = new ArrayList<>();

    @Option(
            names = "--shared-secret",
            description = "Track event shared secret to accept (default: " + FakePendo.DEFAULT_SHARED_SECRET + ").")
    String sharedSecret = FakePendo.DEFAULT_SHARED_SECRET;

    @Option(
            names = "--rate-limit",
            description = "Answer 429 above this many requests per second per endpoint" + " (default: none).")
    double rateLimit;

    @Option(
            names = "--request-read-timeout-ms",
            description = "Answer 408 to a request that sends nothing for this"
                    + " many milliseconds in its head or body (default: ${DEFAULT-VALUE}).")
    long requestReadTimeoutMillis = 1_000;

    private PrintStream out = System.out;
    private Clock clock = Clock.systemUTC();

    private FakePendoServer() {}

    /**
     * Starts the server and serves until the process is stopped.
     *
     * @param args the command line; {@code --help} lists the options
     */
    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /**
     * Runs the command line: serves until the process is stopped, or returns at once with {@value #USAGE} after a
     * one-line message on {@code err} when an argument, the port or the dataset is wrong.
     */
    static int run(PrintStream out, PrintStream err, String... args) {
        FakePendoServer server = new FakePendoServer();
        server.out = out;
        CommandLine command = new CommandLine(server);
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        command.setParameterExceptionHandler((e, arguments) -> {
            err.println("fake-pendo: " + e.getMessage() + " (see --help)");
            return USAGE;
        });
        command.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (!(e instanceof IllegalArgumentException)) {
                throw e;
            }
            err.println("fake-pendo: " + e.getMessage());
            return USAGE;
        });
        return command.execute(args);
    }

    /**
     * Starts a fake as the command line would, without waiting: for tests of the standalone configuration.
     *
     * @param args the command line
     * @return the running fake; the caller closes it
     * @throws IllegalArgumentException if an argument, the port or the dataset is wrong
     */
    static FakeServer launch(String... args) {
        return launch(Clock.systemUTC(), args);
    }

    /**
     * Starts a fake as the command line would on a day given by a clock, without waiting.
     *
     * @param clock what "today" is without {@code --end-date}, and the fake's clock
     * @param args the command line
     * @return the running fake; the caller closes it
     * @throws IllegalArgumentException if an argument, the port or the dataset is wrong
     */
    static FakeServer launch(Clock clock, String... args) {
        FakePendoServer server = new FakePendoServer();
        server.clock = clock;
        new CommandLine(server).parseArgs(args);
        return server.start();
    }

    /**
     * What it prints once it listens: the base URL it really listens on, the key, the secret and the dataset.
     *
     * @param fake the running fake
     * @return the lines
     */
    static List<String> banner(FakeServer fake) {
        return List.of(
                "Fake Pendo listening on " + fake.baseUrl(),
                "  integration key (x-pendo-integration-key): " + fake.keys().integrationKey(),
                "  track shared secret for POST /data/track: " + fake.keys().sharedSecret(),
                "  dataset: " + fake.dataset(),
                "  recordings and faults: GET " + fake.baseUrl() + "_fake/requests, GET /_fake/track-events,"
                        + " POST /_fake/faults",
                "Press Ctrl+C to stop.");
    }

    @Override
    public Integer call() throws Exception {
        FakeServer fake = start();
        int listening = fake.port();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            int served = fake.recorder().calls().size();
                            // Said first: stopping MockWebServer logs its own lines, and the process may be cut
                            // short after.
                            out.println("Fake Pendo on port " + listening + " stopped after " + served + " requests.");
                            out.flush();
                            fake.close();
                            stopped.countDown();
                        },
                        "fake-pendo-shutdown"));
        banner(fake).forEach(out::println);
        out.flush();
        stopped.await();
        return 0;
    }

    private FakeServer start() {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, not " + port);
        }
        if (visitors < 0 || days < 0 || accounts != null && accounts < 0) {
            throw new IllegalArgumentException("--visitors, --accounts and --days must not be negative");
        }
        if (rateLimit < 0) {
            throw new IllegalArgumentException("--rate-limit must not be negative");
        }
        if (requestReadTimeoutMillis < 1 || requestReadTimeoutMillis > 3_600_000) {
            throw new IllegalArgumentException(
                    "--request-read-timeout-ms must be between 1 and 3600000, not " + requestReadTimeoutMillis);
        }
        Instant end = endDate == null ? clock.instant() : endOf(endDate);
        Dataset data = dataset != null ? readDataset(dataset) : generate(end);
        FakeServer fake = new FakeServer();
        fake.dataset(data);
        fake.clock(clock);
        fake.port(port);
        fake.rateLimit(rateLimit);
        fake.requestReadTimeout(java.time.Duration.ofMillis(requestReadTimeoutMillis));
        fake.keys().sharedSecret(sharedSecret);
        if (!keys.isEmpty()) {
            fake.keys().integrationKey(keys.get(0));
            keys.subList(1, keys.size()).forEach(fake.keys()::accept);
        }
        try {
            fake.start();
            return fake;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof BindException) {
                throw new IllegalArgumentException(
                        "port " + port + " is in use; pick another with --port (0 picks a" + " free one)", e);
            }
            throw new IllegalArgumentException(
                    "cannot listen on port " + port + ": " + e.getCause().getMessage(), e);
        }
    }

    private static Instant endOf(String date) {
        try {
            return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "--end-date takes a date as YYYY-MM-DD, such as 2026-11-01, not '" + date + "'", e);
        }
    }

    private Dataset generate(Instant end) {
        DatasetGenerator generator =
                Dataset.generator(seed).visitors(visitors).days(days).endingAt(end);
        if (accounts != null) {
            generator.accounts(accounts);
        }
        return generator.build();
    }

    private static Dataset readDataset(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Dataset.fromJson(in);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("the dataset file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the dataset file " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "the dataset file " + file + " is not a dataset (" + e.getMessage() + ")", e);
        }
    }

    /** The SDK version, for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = FakePendoServer.class.getPackage().getImplementationVersion();
            return new String[] {"fake-pendo " + (version == null ? "(development build)" : version)};
        }
    }
}
