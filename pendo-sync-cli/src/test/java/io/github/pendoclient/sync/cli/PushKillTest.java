package io.github.pendoclient.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.testing.Endpoint;
import io.github.pendoclient.testing.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A push killed with SIGKILL (a real child JVM, no shutdown hook runs) and run again ends with Pendo holding exactly
 * what an uninterrupted run leaves, and the rerun resumes rather than starting over.
 */
class PushKillTest {

    private static final int ROWS = 6_000;

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
                    "-cp",
                    System.getProperty("java.class.path"),
                    PendoSyncCommand.class.getName(),
                    "push"));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("child.log").toFile());
            builder.environment().putAll(fixture.environment());
            Process child = builder.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline
                    && child.isAlive()
                    && fixture.fake.requestCount(Endpoint.METADATA_BULK) < 5) {
                Thread.sleep(5);
            }
            assertThat(child.isAlive())
                    .as("the child must still be running when it is killed: "
                            + Files.readString(dir.resolve("child.log")))
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
}
