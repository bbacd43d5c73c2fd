package io.github.pendoclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.testing.internal.FakeServer;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone server's command line: clean one-line errors with exit status 2, and a line when it stops. */
class FakePendoServerTest {

    @TempDir
    Path directory;

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

    private static void assertOneLineError(Outcome outcome, String expected) {
        assertThat(outcome.status()).isEqualTo(2);
        assertThat(outcome.err()).startsWith("fake-pendo: ").contains(expected).doesNotContain("\tat ");
        assertThat(outcome.err().strip().lines()).hasSize(1);
    }

    @Test
    void anUnknownOptionIsOneLineAndExitTwo() {
        assertOneLineError(run("--visitor", "10"), "Unknown options: '--visitor'");
    }

    @Test
    void aValueOfTheWrongKindIsOneLineAndExitTwo() {
        assertOneLineError(run("--port", "eighty"), "eighty");
    }

    @Test
    void aPortOutOfRangeIsOneLineAndExitTwo() {
        assertOneLineError(run("--port", "70000"), "--port must be between 0 and 65535");
    }

    @Test
    void aMissingDatasetIsOneLineAndExitTwo() {
        Path missing = directory.resolve("nope.json");

        assertOneLineError(run("--dataset", missing.toString()), "the dataset file " + missing + " does not exist");
    }

    @Test
    void aDatasetThatIsNotOneIsOneLineAndExitTwo() throws Exception {
        Path broken = Files.writeString(directory.resolve("broken.json"), "{\"visitors\": 5");

        assertOneLineError(run("--dataset", broken.toString()), "is not a dataset");
    }

    @Test
    void aBusyPortIsOneLineAndExitTwo() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertOneLineError(
                    run("--port", String.valueOf(busy.getLocalPort()), "--visitors", "10"),
                    "port " + busy.getLocalPort() + " is in use");
        }
    }

    @Test
    void sigtermStopsItWithALine() throws Exception {
        Path dataset = Files.writeString(directory.resolve("dataset.json"), EndpointCalls.DATASET.toJson());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                FakePendoServer.class.getName(),
                "--port",
                "0",
                "--dataset",
                dataset.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        List<String> everything = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(
                () -> new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                        .lines()
                        .forEach(line -> {
                            lines.add(line);
                            everything.add(line);
                        }));
        reader.start();
        try {
            assertThat(lines.poll(20, TimeUnit.SECONDS)).startsWith("Fake Pendo listening on http://");
            String line;
            do {
                line = lines.poll(10, TimeUnit.SECONDS);
            } while (line != null && !line.equals("Press Ctrl+C to stop."));

            // SIGTERM through the handle: Process.destroy() would also close our end of its output.
            process.toHandle().destroy();

            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            assertThat(lines)
                    .as("everything it printed: %s, exit %s", everything, process.exitValue())
                    .anyMatch(last -> last.matches("Fake Pendo on port \\d+ stopped after 0 requests\\."));
            assertThat(process.exitValue())
                    .as("128 + SIGTERM's 15, as documented")
                    .isEqualTo(143);
        } finally {
            process.destroyForcibly();
        }
    }

    private static Clock clockAt(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void theAddressItPrintsIsTheOneItListensOn() throws Exception {
        try (FakeServer fake = FakePendoServer.launch(Clock.systemUTC(), "--port", "0", "--visitors", "10")) {
            String first = FakePendoServer.banner(fake).get(0);
            URI printed = URI.create(first.substring(first.indexOf("http://")));

            assertThat(printed.getHost()).isEqualTo("127.0.0.1");
            try (Socket socket = new Socket(printed.getHost(), printed.getPort())) {
                assertThat(socket.isConnected()).isTrue();
            }
        }
    }

    @Test
    void theSameSeedAndEndDateServeTheSameDatasetOnAnyDay() {
        String[] args = {"--port", "0", "--seed", "7", "--visitors", "40", "--days", "3", "--end-date", "2026-11-01"};
        try (FakeServer monday = FakePendoServer.launch(clockAt("2026-11-02T09:00:00Z"), args);
                FakeServer later = FakePendoServer.launch(clockAt("2027-03-15T18:30:00Z"), args)) {

            assertThat(later.dataset().toJson()).isEqualTo(monday.dataset().toJson());
            assertThat(monday.dataset().hourRows())
                    .isNotEmpty()
                    .allSatisfy(row -> assertThat(row.hour())
                            .isGreaterThanOrEqualTo(
                                    Instant.parse("2026-10-29T00:00:00Z").toEpochMilli())
                            .isLessThan(Instant.parse("2026-11-01T00:00:00Z").toEpochMilli()));
        }
    }

    @Test
    void withoutAnEndDateTheEventsEndAtTheStartOfTodayOnItsClock() {
        try (FakeServer fake = FakePendoServer.launch(
                clockAt("2027-03-15T18:30:00Z"), "--port", "0", "--visitors", "40", "--days", "2")) {

            assertThat(fake.dataset().hourRows())
                    .isNotEmpty()
                    .allSatisfy(row -> assertThat(row.hour())
                            .isGreaterThanOrEqualTo(
                                    Instant.parse("2027-03-13T00:00:00Z").toEpochMilli())
                            .isLessThan(Instant.parse("2027-03-15T00:00:00Z").toEpochMilli()));
        }
    }

    @Test
    void anEndDateThatIsNotADateIsOneLineAndExitTwo() {
        assertOneLineError(run("--end-date", "2026-13-01"), "--end-date takes a date as YYYY-MM-DD");
    }

    @Test
    void theDocumentedExampleDatasetLoadsThroughTheCommandLine() throws Exception {
        Path example = Path.of(
                FakePendoServerTest.class.getResource("/dataset-example.json").toURI());
        Dataset read = Dataset.fromJson(Files.readString(example));

        try (FakeServer fake =
                FakePendoServer.launch(Clock.systemUTC(), "--port", "0", "--dataset", example.toString())) {

            assertThat(fake.dataset().toJson()).isEqualTo(read.toJson());
        }
        assertThat(read.visitors()).extracting(VisitorRow::id).containsExactly("v-1", "v-2");
        assertThat(read.accounts()).extracting(AccountRow::id).containsExactly("acme");
        assertThat(read.pages()).extracting(CatalogRow::id).containsExactly("page-home");
        assertThat(read.hourRows())
                .extracting(HourlyEvents::kind)
                .containsExactly(HourlyEvents.Kind.PAGE, HourlyEvents.Kind.FEATURE);
        assertThat(read.rows("guideEvents")).hasSize(1);
        assertThat(read.reportResults("report-1")).containsExactly(java.util.Map.of("visitorId", "v-1"));
        assertThat(read.metadataSchema("account")).containsKey("agent");
    }
}
