package io.github.pendoclient.testing;

import io.github.pendoclient.testing.internal.CommandLineOptions;
import io.github.pendoclient.testing.internal.FakeServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

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
public final class FakePendoServer implements Callable<Integer> {

    /** The exit status for a bad argument, a busy port or a missing dataset. */
    static final int USAGE = 2;

    private static final String DESCRIPTION =
            "Serves a fake Pendo v1 API (REST, aggregations, track events) on loopback.";
    private static final List<CommandLineOptions.Option> OPTIONS = List.of(
            option("--port", "<port>", "Port to listen on (default: 8089; 0 picks a free one)."),
            option("--seed", "<seed>", "Seed of the generated dataset (default: 42)."),
            option("--visitors", "<visitors>", "Visitors in the generated dataset (default: 20000)."),
            option("--accounts", "<accounts>", "Accounts (default: a tenth of the visitors)."),
            option("--days", "<days>", "Days of events, ending at --end-date (default: 60)."),
            option(
                    "--end-date",
                    "YYYY-MM-DD",
                    "The generated events end at the start of this UTC day, so the same seed serves the same data on"
                            + " any day (default: today)."),
            new CommandLineOptions.Option(
                    "--typed-metadata",
                    null,
                    "Add metadata fields of every schema type in agent, custom, salesforce and hubspot, a few values"
                            + " disagreeing with the schema (see DatasetGenerator.typedMetadata).",
                    false),
            option("--dataset", "<dataset>", "Serve this JSON dataset (see Dataset.toJson) instead of generating."),
            new CommandLineOptions.Option(
                    "--integration-key",
                    "<keys>",
                    "Integration key to accept (repeatable; default: " + FakePendo.DEFAULT_INTEGRATION_KEY + ").",
                    true),
            option(
                    "--shared-secret",
                    "<sharedSecret>",
                    "Track event shared secret to accept (default: " + FakePendo.DEFAULT_SHARED_SECRET + ")."),
            option(
                    "--rate-limit",
                    "<rateLimit>",
                    "Answer 429 above this many requests per second per endpoint (default: none)."),
            option(
                    "--request-read-timeout-ms",
                    "<requestReadTimeoutMillis>",
                    "Answer 408 to a request that sends nothing for this many milliseconds in its head or body"
                            + " (default: 1000)."));

    private int port = 8089;
    private long seed = 42;
    private int visitors = 20_000;
    private Integer accounts;
    private int days = 60;
    private String endDate;
    private boolean typedMetadata;
    private Path dataset;
    private List<String> keys = new ArrayList<>();
    private String sharedSecret = FakePendo.DEFAULT_SHARED_SECRET;
    private double rateLimit;
    private long requestReadTimeoutMillis = 1_000;

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
        CommandLineOptions options;
        try {
            options = server.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("fake-pendo: " + e.getMessage() + " (see --help)");
            return USAGE;
        }
        switch (options.request()) {
            case HELP -> {
                out.print(CommandLineOptions.usage("fake-pendo", DESCRIPTION, OPTIONS));
                out.flush();
                return 0;
            }
            case VERSION -> {
                out.println(version());
                return 0;
            }
            default -> {
                try {
                    return server.call();
                } catch (IllegalArgumentException e) {
                    err.println("fake-pendo: " + e.getMessage());
                    return USAGE;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return USAGE;
                }
            }
        }
    }

    private static CommandLineOptions.Option option(String name, String label, String description) {
        return new CommandLineOptions.Option(name, label, description, false);
    }

    /** Reads the command line into this server's settings. */
    private CommandLineOptions parse(String... args) {
        CommandLineOptions options = CommandLineOptions.parse(OPTIONS, args);
        port = options.intValue("--port", port);
        seed = options.longValue("--seed", seed);
        visitors = options.intValue("--visitors", visitors);
        if (options.value("--accounts").isPresent()) {
            accounts = options.intValue("--accounts", 0);
        }
        days = options.intValue("--days", days);
        endDate = options.value("--end-date").orElse(null);
        typedMetadata = options.flag("--typed-metadata");
        dataset = options.value("--dataset").map(Path::of).orElse(null);
        keys = new ArrayList<>(options.all("--integration-key"));
        sharedSecret = options.value("--shared-secret").orElse(sharedSecret);
        rateLimit = options.doubleValue("--rate-limit", rateLimit);
        requestReadTimeoutMillis = options.longValue("--request-read-timeout-ms", requestReadTimeoutMillis);
        return options;
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
        server.parse(args);
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
    public Integer call() throws InterruptedException {
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
        fake.requestReadTimeout(Duration.ofMillis(requestReadTimeoutMillis));
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
        if (typedMetadata) {
            generator.typedMetadata();
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
    private static String version() {
        String version = FakePendoServer.class.getPackage().getImplementationVersion();
        return "fake-pendo " + (version == null ? "(development build)" : version);
    }
}
