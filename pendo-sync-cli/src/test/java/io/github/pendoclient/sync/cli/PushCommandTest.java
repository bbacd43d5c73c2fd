package io.github.pendoclient.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.testing.Endpoint;
import io.github.pendoclient.testing.RecordedCall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pendo-sync push} of visitor metadata end to end against an in-process FakePendo on loopback. */
class PushCommandTest {

    @TempDir
    Path dir;

    private PushFixture fixture;

    private PushFixture fixture(int visitors) {
        fixture = new PushFixture(dir, visitors);
        return fixture;
    }

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private List<String> visitorArgs(Path csv, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--from-csv",
                csv.toString(),
                "--object",
                "visitor",
                "--id-column",
                "visitor_id",
                "--state",
                dir.resolve("push.state.json").toString(),
                "--rejects",
                dir.resolve("rejects.jsonl").toString(),
                "--summary-json",
                dir.resolve("summary.json").toString()));
        args.addAll(PushFixture.MAP);
        args.addAll(List.of(more));
        return args;
    }

    private Map<?, ?> summary() throws IOException {
        return (Map<?, ?>) JsonValues.parse(Files.readString(dir.resolve("summary.json")));
    }

    /** The visitor ids of every bulk metadata write the fake received. */
    private List<String> idsSent() {
        List<String> ids = new ArrayList<>();
        for (RecordedCall call : fixture.fake.requests(Endpoint.METADATA_BULK)) {
            for (Object row : (List<?>) JsonValues.parse(call.body())) {
                ids.add((String) ((Map<?, ?>) row).get("visitorId"));
            }
        }
        return ids;
    }

    private List<String> rejects() throws IOException {
        Path file = dir.resolve("rejects.jsonl");
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }

    @Test
    void tenThousandVisitorsWithThreeMappedFieldsLandAndReadBackExactly() throws IOException {
        PushFixture f = fixture(10_000);
        List<String> ids = f.visitorIds(10_000);
        Path csv = PushFixture.writeCsv(dir.resolve("visitors.csv"), ids, Map.of());

        CommandRun run = f.push(visitorArgs(csv));

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        Map<String, Map<String, Object>> custom = f.customMetadata();
        for (int i = 0; i < ids.size(); i++) {
            assertThat(custom.get(ids.get(i))).as(ids.get(i)).containsAllEntriesOf(PushFixture.values(i, 0));
        }
        assertThat(summary().get("sent")).isEqualTo(10_000L);
        assertThat(summary().get("rejected")).isEqualTo(0L);
        assertThat(rejects()).isEmpty();
    }

    @Test
    void aSecondRunWithAHundredRowsChangedSendsExactlyThoseInOneRequest() throws IOException {
        PushFixture f = fixture(10_000);
        List<String> ids = f.visitorIds(10_000);
        Path csv = PushFixture.writeCsv(dir.resolve("visitors.csv"), ids, Map.of());
        assertThat(f.push(visitorArgs(csv)).code()).isZero();
        Map<Integer, Integer> changed = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            changed.put(i * 97, 1);
        }
        PushFixture.writeCsv(csv, ids, changed);
        f.fake.clearRequests();

        CommandRun second = f.push(visitorArgs(csv));

        assertThat(second.code()).as(second.out() + second.err()).isZero();
        assertThat(f.fake.requestCount(Endpoint.METADATA_BULK)).isEqualTo(1);
        assertThat(idsSent())
                .containsExactlyInAnyOrderElementsOf(
                        changed.keySet().stream().map(ids::get).toList());
        Map<String, Map<String, Object>> custom = f.customMetadata();
        for (int i : changed.keySet()) {
            assertThat(custom.get(ids.get(i))).containsAllEntriesOf(PushFixture.values(i, 1));
        }
        assertThat(summary().get("sent")).isEqualTo(100L);
        assertThat(summary().get("unchanged")).isEqualTo(9_900L);
    }

    @Test
    void aRunOverAnUnchangedSourceSendsNoRequestAndFullResendsEverything() throws IOException {
        PushFixture f = fixture(300);
        Path csv = PushFixture.writeCsv(dir.resolve("visitors.csv"), f.visitorIds(300), Map.of());
        assertThat(f.push(visitorArgs(csv)).code()).isZero();
        f.fake.clearRequests();

        assertThat(f.push(visitorArgs(csv)).code()).isZero();
        assertThat(f.fake.requestCount(Endpoint.METADATA_BULK)).isZero();

        assertThat(f.push(visitorArgs(csv, "--full")).code()).isZero();
        assertThat(idsSent()).hasSize(300);
    }

    @Test
    void unknownIdsAreSkippedIntoTheRejectsFileAndNotRetried() throws IOException {
        PushFixture f = fixture(50);
        List<String> ids = new ArrayList<>(f.visitorIds(50));
        ids.set(10, "nobody-10");
        ids.set(20, "nobody-20");
        Path csv = PushFixture.writeCsv(dir.resolve("visitors.csv"), ids, Map.of());

        CommandRun run = f.push(visitorArgs(csv));

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(rejects()).hasSize(2);
        assertThat(rejects().get(0)).contains("nobody-10").contains("MISSING");
        assertThat(rejects().get(1)).contains("nobody-20").contains("MISSING");
        assertThat(summary().get("sent")).isEqualTo(48L);
        assertThat(f.customMetadata().get(ids.get(11))).containsAllEntriesOf(PushFixture.values(11, 0));
        f.fake.clearRequests();

        f.push(visitorArgs(csv));
        assertThat(idsSent())
                .as("missing ids are not sent again while the source is unchanged")
                .isEmpty();
    }

    @Test
    void createMissingCreatesTheVisitorsPendoDoesNotKnow() throws IOException {
        PushFixture f = fixture(20);
        List<String> ids = new ArrayList<>(f.visitorIds(20));
        ids.set(3, "new-visitor-3");
        Path csv = PushFixture.writeCsv(dir.resolve("visitors.csv"), ids, Map.of());

        CommandRun run = f.push(visitorArgs(csv, "--create-missing"));

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(rejects()).isEmpty();
        assertThat(f.fake.requests(Endpoint.METADATA_BULK).get(0).query()).contains("create=true");
        assertThat(f.customMetadata().get("new-visitor-3")).containsAllEntriesOf(PushFixture.values(3, 0));
    }

    @Test
    void aValueThatCannotBeConvertedIsRejectedAloneAndTheRestOfItsBatchLands() throws IOException {
        PushFixture f = fixture(30);
        List<String> ids = f.visitorIds(30);
        Path csv = PushFixture.writeCsv(dir.resolve("visitors.csv"), ids, Map.of());
        String text = Files.readString(csv)
                .replace("\"" + ids.get(7) + "\",\"tier-2\",7,", "\"" + ids.get(7) + "\",\"tier-2\",seven,");
        Files.writeString(csv, text);

        CommandRun run = f.push(visitorArgs(csv));

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(rejects())
                .singleElement()
                .asString()
                .contains(ids.get(7).replace("\"", "\\\""))
                .contains("seats");
        Map<String, Map<String, Object>> custom = f.customMetadata();
        for (int i = 0; i < ids.size(); i++) {
            if (i != 7) {
                assertThat(custom.get(ids.get(i))).as(ids.get(i)).containsAllEntriesOf(PushFixture.values(i, 0));
            }
        }
        assertThat(summary().get("rejected")).isEqualTo(1L);
    }

    @Test
    void aFieldPendoDoesNotHaveIsRefusedNamingTheKnownFieldsUnlessCreateFieldsIsGiven() throws IOException {
        PushFixture f = fixture(10);
        Path csv = PushFixture.writeCsv(dir.resolve("visitors.csv"), f.visitorIds(10), Map.of());
        List<String> args = visitorArgs(csv);
        args.set(args.indexOf("beta=beta_opt_in"), "beta=health_score");

        CommandRun refused = f.push(args);

        assertThat(refused.code()).isEqualTo(PendoSyncCommand.EXIT_USAGE);
        assertThat(refused.err()).contains("health_score").contains("plan_tier").contains("--create-fields");
        assertThat(f.fake.requestCount(Endpoint.METADATA_BULK)).isZero();
        assertThat(dir.resolve("rejects.jsonl")).doesNotExist();
        assertThat(dir.resolve("push.state.json")).doesNotExist();

        args.add("--create-fields");
        CommandRun created = f.push(args);
        assertThat(created.code()).as(created.out() + created.err()).isZero();
        // A field Pendo's schema does not have has no type to convert to: a CSV value is sent as its text.
        assertThat(f.customMetadata().get(f.visitorIds(1).get(0))).containsEntry("health_score", "true");
    }

    @Test
    void aDryRunSendsNothingAndLeavesNoState() throws IOException {
        PushFixture f = fixture(100);
        Path csv = PushFixture.writeCsv(dir.resolve("visitors.csv"), f.visitorIds(100), Map.of());

        CommandRun run = f.push(visitorArgs(csv, "--dry-run"));

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("dry run").contains("100");
        assertThat(f.fake.requestCount(Endpoint.METADATA_BULK)).isZero();
        assertThat(f.fake.requestCount(Endpoint.TRACK)).isZero();
        assertThat(dir.resolve("push.state.json")).doesNotExist();
        assertThat(run.out() + run.err()).doesNotContain(f.fake.integrationKey());
    }
}
