package io.github.pendoclient.testing;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
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
 * java -jar pendo-client-testing-VERSION-standalone.jar --port 8089 --seed 42 --visitors 20000 --days 60
 * </pre>
 *
 * <p>Point the program at {@code http://127.0.0.1:8089} and send the printed integration key (or shared secret for
 * {@code /data/track}). It runs until interrupted.
 */
@Command(name = "fake-pendo", mixinStandardHelpOptions = true, versionProvider = FakePendoServer.Version.class,
        description = "Serves a fake Pendo v1 API (REST, aggregations, track events) on loopback.")
public final class FakePendoServer implements Callable<Integer> {

    @Option(names = "--port", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = 8089;

    @Option(names = "--seed", description = "Seed of the generated dataset (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--visitors", description = "Visitors in the generated dataset (default: ${DEFAULT-VALUE}).")
    int visitors = 20_000;

    @Option(names = "--accounts", description = "Accounts (default: a tenth of the visitors).")
    Integer accounts;

    @Option(names = "--days", description = "Days of events, ending today (default: ${DEFAULT-VALUE}).")
    int days = 60;

    @Option(names = "--dataset", description = "Serve this JSON dataset (see Dataset.toJson) instead of generating.")
    Path dataset;

    @Option(names = "--integration-key", description = "Integration key to accept (repeatable; default: "
            + FakePendo.DEFAULT_INTEGRATION_KEY + ").")
    List<String> keys = new ArrayList<>();

    @Option(names = "--shared-secret", description = "Track event shared secret to accept (default: "
            + FakePendo.DEFAULT_SHARED_SECRET + ").")
    String sharedSecret = FakePendo.DEFAULT_SHARED_SECRET;

    @Option(names = "--rate-limit", description = "Answer 429 above this many requests per second per endpoint"
            + " (default: none).")
    double rateLimit;

    private FakePendoServer() {
    }

    /**
     * Starts the server.
     *
     * @param args the command line; {@code --help} lists the options
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new FakePendoServer()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Dataset data;
        if (dataset != null) {
            try (InputStream in = Files.newInputStream(dataset)) {
                data = Dataset.fromJson(in);
            }
        } else {
            DatasetGenerator generator = Dataset.generator(seed).visitors(visitors).days(days)
                    .endingAt(Instant.now());
            if (accounts != null) {
                generator.accounts(accounts);
            }
            data = generator.build();
        }
        FakePendo fake = FakePendo.create().withDataset(data).withPort(port).withSharedSecret(sharedSecret)
                .withRateLimit(rateLimit);
        if (!keys.isEmpty()) {
            fake.withIntegrationKey(keys.get(0));
            keys.subList(1, keys.size()).forEach(fake::acceptIntegrationKey);
        }
        fake.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fake.close();
            stopped.countDown();
        }, "fake-pendo-shutdown"));
        System.out.println("Fake Pendo listening on " + fake.baseUrl());
        System.out.println("  integration key (x-pendo-integration-key): " + fake.integrationKey());
        System.out.println("  track shared secret for POST /data/track: " + fake.sharedSecret());
        System.out.println("  dataset: " + data);
        System.out.println("Press Ctrl+C to stop.");
        stopped.await();
        return 0;
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
