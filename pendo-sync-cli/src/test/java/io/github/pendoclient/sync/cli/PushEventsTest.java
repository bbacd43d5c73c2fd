package io.github.pendoclient.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.testing.Endpoint;
import io.github.pendoclient.testing.Fault;
import io.github.pendoclient.track.TrackEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pendo-sync push --object track}: events from a source, each delivered once. */
class PushEventsTest {

    @TempDir
    Path dir;

    private PushFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private Path writeEvents(int count) throws IOException {
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        StringBuilder csv = new StringBuilder("event_id,visitor,account,at,name,plan,seats\n");
        List<String> ids = fixture.visitorIds(10);
        for (int i = 0; i < count; i++) {
            csv.append("e-")
                    .append(i)
                    .append(',')
                    .append(ids.get(i % 10).replace("\"", "\"\"").replaceAll("^(.*\".*)$", "\"$1\""))
                    .append(",acme,")
                    .append(base.plusSeconds(i))
                    .append(',')
                    .append(i % 2 == 0 ? "report_exported" : "invoice_paid")
                    .append(",gold,")
                    .append(i)
                    .append('\n');
        }
        return Files.writeString(dir.resolve("events.csv"), csv);
    }

    private List<String> args(Path csv, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--from-csv", csv.toString(),
                "--object", "track",
                "--event-name-column", "name",
                "--visitor-column", "visitor",
                "--account-column", "account",
                "--timestamp-column", "at",
                "--unique-key-column", "event_id",
                "--state", dir.resolve("events.state.json").toString(),
                "--summary-json", dir.resolve("summary.json").toString()));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void eventsPushedTwiceOverTheSameSourceAreDeliveredOnceAndNewOnesFollow() throws IOException {
        fixture = new PushFixture(dir, 10);
        Path csv = writeEvents(40);

        CommandRun first = fixture.push(args(csv));
        CommandRun second = fixture.push(args(csv));

        assertThat(first.code()).as(first.out() + first.err()).isZero();
        assertThat(second.code()).as(second.out() + second.err()).isZero();
        List<TrackEvent> delivered = fixture.fake.trackEvents();
        assertThat(delivered).hasSize(40);
        assertThat(delivered.stream().collect(Collectors.groupingBy(TrackEvent::event, Collectors.counting())))
                .isEqualTo(Map.of("report_exported", 20L, "invoice_paid", 20L));
        TrackEvent one = delivered.stream()
                .filter(event -> event.properties().get("seats") != null)
                .findFirst()
                .orElseThrow();
        assertThat(one.accountId()).contains("acme");
        assertThat(one.properties())
                .containsKey("plan")
                .doesNotContainKey("event_id")
                .doesNotContainKey("name");
        Map<?, ?> summary = (Map<?, ?>) JsonValues.parse(Files.readString(dir.resolve("summary.json")));
        assertThat(summary.get("sent")).isEqualTo(0L);
        assertThat(summary.get("unchanged")).isEqualTo(40L);

        writeEvents(45);
        fixture.fake.clearRequests();
        CommandRun third = fixture.push(args(csv));

        assertThat(third.code()).as(third.out() + third.err()).isZero();
        assertThat(fixture.fake.trackEvents()).hasSize(45);
        assertThat(fixture.fake.requestCount(Endpoint.TRACK)).isEqualTo(5);
    }

    @Test
    void eventsWhoseAnswerIsLostFailTheRunAndAreSentAgainByTheNext() throws IOException {
        fixture = new PushFixture(dir, 10);
        Path csv = writeEvents(3);
        fixture.fake.enqueueFault(Endpoint.TRACK, Fault.status(503).times(100));

        CommandRun failed = fixture.push(args(csv));

        assertThat(failed.code()).as(failed.out() + failed.err()).isEqualTo(PendoSyncCommand.EXIT_FAILED);
        assertThat(fixture.fake.trackEvents()).isEmpty();
        fixture.fake.clearFaults();

        CommandRun next = fixture.push(args(csv));

        assertThat(next.code()).as(next.out() + next.err()).isZero();
        assertThat(fixture.fake.trackEvents()).hasSize(3);
    }

    @Test
    void aRefusedSharedSecretFailsTheRunWithOneLineAndTheNextRunSendsEachEventOnce() throws IOException {
        fixture = new PushFixture(dir, 10);
        Path csv = writeEvents(3);
        fixture.fake.enqueueFault(Endpoint.TRACK, Fault.status(401));

        CommandRun failed = fixture.push(args(csv));

        assertThat(failed.code()).as(failed.out() + failed.err()).isEqualTo(PendoSyncCommand.EXIT_FAILED);
        assertThat(failed.err().strip().lines()).as(failed.err()).hasSize(1);
        assertThat(failed.err())
                .contains("PENDO_TRACK_SHARED_SECRET")
                .doesNotContain(fixture.fake.sharedSecret())
                .doesNotContain("may or may not");
        Map<?, ?> summary = (Map<?, ?>) JsonValues.parse(Files.readString(dir.resolve("summary.json")));
        assertThat(summary.get("sent"))
                .as("the two events sent alongside the refused one")
                .isEqualTo(2L);
        assertThat(summary.get("outcomeUnknown")).isEqualTo(0L);
        assertThat(fixture.fake.trackEvents()).hasSize(2);

        CommandRun next = fixture.push(args(csv));

        assertThat(next.code()).as(next.out() + next.err()).isZero();
        assertThat(fixture.fake.trackEvents()).hasSize(3);
        assertThat(next.out()).doesNotContainIgnoringCase("unknown");
    }

    @Test
    void aDryRunOfEventsSendsNothing() throws IOException {
        fixture = new PushFixture(dir, 10);
        Path csv = writeEvents(12);

        CommandRun run = fixture.push(args(csv, "--dry-run"));

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(fixture.fake.requestCount(Endpoint.TRACK)).isZero();
        assertThat(fixture.fake.trackEvents()).isEmpty();
        assertThat(dir.resolve("events.state.json")).doesNotExist();
    }
}
