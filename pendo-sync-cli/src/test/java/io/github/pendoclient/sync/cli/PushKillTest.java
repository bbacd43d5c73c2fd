package io.github.pendoclient.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.testing.Endpoint;
import io.github.pendoclient.testing.Fault;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A push killed with SIGKILL (a real child JVM, no shutdown hook runs) and run again ends with Pendo holding exactly
 * what an uninterrupted run leaves, and the rerun resumes rather than starting over.
 */
class PushKillTest {

    private static final int ROWS = 6_000;
    /** The SDK's debug line when Pendo answered a metadata bulk write: {@code <-- 200 POST .../value (N ms)}. */
    private static final Pattern WRITE_ANSWERED =
            Pattern.compile("<-- 200 POST \\S+/api/v1/metadata/[^/]+/[^/]+/value");

    @TempDir
    Path dir;

    @Test
    void aPushKilledMidwayAndRunAgainEndsWithPendoHoldingExactlyTheSource() throws Exception {
        try (PushFixture fixture = new PushFixture(dir, ROWS)) {
            List<String> ids = fixture.visitorIds(ROWS);
            Path csv = PushFixture.writeCsv(dir.resolve("visitors.csv"), ids, Map.of());
            List<String> args = new ArrayList<>(List.of(
                    "--from-csv", csv.toString(),
                    "--object", "visitor",
                    "--id-column", "visitor_id",
                    "--batch-size", "250",
                    "--state", dir.resolve("push.state.json").toString(),
                    "--rejects", dir.resolve("rejects.jsonl").toString(),
                    "--summary-json", dir.resolve("summary.json").toString()));
            args.addAll(PushFixture.MAP);
            // Every write answers after a pause, so the child is still at work when it is killed.
            fixture.fake.enqueueFault(
                    Endpoint.METADATA_BULK, Fault.delay(Duration.ofMillis(150)).times(1_000));
            Path childTemp = Files.createDirectories(dir.resolve("child-tmp"));
            List<String> command = new ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    "-Djava.io.tmpdir=" + childTemp,
                    // The SDK logs each answer it reads, so the child's own output says when a write was answered.
                    "-Dorg.slf4j.simpleLogger.log.io.github.pendoclient.internal.http.PendoHttp=debug",
                    "-cp",
                    System.getProperty("java.class.path"),
                    PendoSyncCommand.class.getName(),
                    "push"));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(fixture.environment());
            Process child = builder.start();
            StringBuffer output = new StringBuffer();
            CompletableFuture<Boolean> fifthWriteAnswered = answeredWrites(child, 5, output);
            assertThat(fifthWriteAnswered
                            .completeOnTimeout(false, 60, TimeUnit.SECONDS)
                            .join())
                    .as("the child answered five writes: " + output)
                    .isTrue();
            assertThat(child.isAlive())
                    .as("the child must still be running when it is killed: " + output)
                    .isTrue();
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            fixture.fake.clearFaults();

            CommandRun rest = fixture.push(args);

            assertThat(rest.code()).as(rest.out() + rest.err()).isZero();
            Map<String, Map<String, Object>> custom = fixture.customMetadata();
            for (int i = 0; i < ids.size(); i++) {
                assertThat(custom.get(ids.get(i))).as(ids.get(i)).containsAllEntriesOf(PushFixture.values(i, 0));
            }
            Map<?, ?> summary = (Map<?, ?>) JsonValues.parse(Files.readString(dir.resolve("summary.json")));
            assertThat((Long) summary.get("sent")).as("the rerun resumes").isLessThan(ROWS);
            assertThat((Long) summary.get("sent") + (Long) summary.get("unchanged"))
                    .isEqualTo(ROWS);
            fixture.fake.clearRequests();
            CommandRun again = fixture.push(args);
            assertThat(again.code()).isZero();
            assertThat(fixture.fake.requestCount(Endpoint.METADATA_BULK))
                    .as("the state claims every row")
                    .isZero();
        }
    }

    /**
     * Reads the child's output to its end on a thread of its own, and completes true once {@code count} metadata
     * writes were answered (the SDK's debug line of each answer), or false when the output ends first: a blocking
     * read of what the child says, not a poll.
     */
    private static CompletableFuture<Boolean> answeredWrites(Process child, int count, StringBuffer output) {
        CompletableFuture<Boolean> reached = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    int answered = 0;
                    try (BufferedReader lines =
                            new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                            output.append(line).append('\n');
                            if (WRITE_ANSWERED.matcher(line).find() && ++answered == count) {
                                reached.complete(true);
                            }
                        }
                    } catch (IOException e) {
                        output.append(e).append('\n');
                    } finally {
                        reached.complete(false);
                    }
                },
                "push-kill-child-output");
        reader.setDaemon(true);
        reader.start();
        return reached;
    }
}
