package io.github.pendoclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.testing.internal.FakeServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The standalone server's own option parser: every option, both spellings of a value, help and version. */
class FakePendoServerOptionsTest {

    private record Outcome(int status, String out, String err) {}

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = FakePendoServer.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC);

    @Test
    void helpListsEveryOptionWithItsDescriptionAndDefault() {
        Outcome help = run("--help");

        assertThat(help.status()).isZero();
        assertThat(help.err()).isEmpty();
        assertThat(help.out())
                .startsWith("Usage: fake-pendo [OPTIONS]")
                .contains("Serves a fake Pendo v1 API (REST, aggregations, track events) on loopback.")
                .contains("--port=<port>", "Port to listen on (default: 8089; 0 picks a free one).")
                .contains("--seed=<seed>", "Seed of the generated dataset (default: 42).")
                .contains("--visitors=<visitors>", "Visitors in the generated dataset (default: 20000).")
                .contains("--accounts=<accounts>", "Accounts (default: a tenth of the visitors).")
                .contains("--days=<days>", "Days of events, ending at --end-date (default: 60).")
                .contains("--end-date=YYYY-MM-DD", "of this UTC day, so the same seed serves the same data")
                .contains("--dataset=<dataset>", "Serve this JSON dataset (see Dataset.toJson) instead of")
                .contains("--typed-metadata ", "Add metadata fields of every schema type in agent, custom,")
                .contains("--integration-key=<keys>", "Integration key to accept (repeatable; default:")
                .contains("--shared-secret=<sharedSecret>", "Track event shared secret to accept (default:")
                .contains("--rate-limit=<rateLimit>", "per second per endpoint (default: none).")
                .contains("--request-read-timeout-ms=<requestReadTimeoutMillis>", "(default: 1000).")
                .contains("-h, --help", "Show this help message and exit.")
                .contains("-V, --version", "Print version information and exit.");
        assertThat(run("-h").out()).isEqualTo(help.out());
    }

    @Test
    void versionNamesTheCommand() {
        Outcome version = run("--version");

        assertThat(version.status()).isZero();
        assertThat(version.out().strip()).startsWith("fake-pendo ");
        assertThat(run("-V").out()).isEqualTo(version.out());
    }

    @Test
    void aValueMayFollowAnEqualsSign() {
        try (FakeServer fake = FakePendoServer.launch(
                CLOCK, "--port=0", "--visitors=12", "--accounts=3", "--days=1", "--seed=5", "--end-date=2026-11-01")) {
            assertThat(fake.dataset().visitors()).hasSize(12);
            assertThat(fake.dataset().accounts()).hasSize(3);
        }
    }

    @Test
    void everyKeyOptionAndTheSecretAreTaken() {
        try (FakeServer fake = FakePendoServer.launch(
                CLOCK,
                "--port",
                "0",
                "--visitors",
                "10",
                "--integration-key",
                "test-integration-key",
                "--integration-key",
                "test-integration-key-2",
                "--shared-secret",
                "test-shared-secret",
                "--rate-limit",
                "2.5",
                "--request-read-timeout-ms",
                "250")) {
            assertThat(fake.keys().integrationKey()).isEqualTo("test-integration-key");
            assertThat(fake.keys().sharedSecret()).isEqualTo("test-shared-secret");
            assertThat(FakePendoServer.banner(fake)).anyMatch(line -> line.contains("test-integration-key"));
        }
    }

    @Test
    void anOptionWithoutItsValueIsOneLineAndExitTwo() {
        Outcome outcome = run("--visitors");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err().strip())
                .isEqualTo("fake-pendo: Missing required parameter for option '--visitors' (<visitors>) (see --help)");
    }

    @Test
    void aSingleValueOptionGivenTwiceIsOneLineAndExitTwo() {
        Outcome outcome = run("--port", "1", "--port", "2");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err()).contains("option '--port' (<port>) should be specified only once");
    }

    @Test
    void aStrayArgumentIsRefused() {
        Outcome outcome = run("serve");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err()).contains("Unmatched argument at index 0: 'serve'");
    }

    @Test
    void aBadNumberNamesTheOptionAndTheValue() {
        for (List<String> args : List.of(
                List.of("--rate-limit", "fast"), List.of("--seed", "x"), List.of("--request-read-timeout-ms", "1s"))) {
            Outcome outcome = run(args.toArray(String[]::new));
            assertThat(outcome.status()).as("%s", args).isEqualTo(2);
            assertThat(outcome.err())
                    .as("%s", args)
                    .contains("Invalid value for option '" + args.get(0) + "': '" + args.get(1) + "'");
        }
    }

    @Test
    void typedMetadataGeneratesTheTypedSchemaFixture() {
        try (FakeServer plain = FakePendoServer.launch(CLOCK, "--port=0", "--visitors=20", "--days=0");
                FakeServer typed =
                        FakePendoServer.launch(CLOCK, "--port=0", "--visitors=20", "--days=0", "--typed-metadata")) {
            assertThat(typed.dataset().metadataSchema("visitor")).containsKey("hubspot");
            assertThat(plain.dataset().metadataSchema("visitor")).doesNotContainKey("hubspot");
        }
    }

    @Test
    void aFlagTakesNoValue() {
        Outcome outcome = run("--typed-metadata=yes");

        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err()).contains("option '--typed-metadata' takes no value");
    }
}
