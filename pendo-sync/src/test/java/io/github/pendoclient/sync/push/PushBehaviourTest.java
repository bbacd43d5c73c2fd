package io.github.pendoclient.sync.push;

import static io.github.pendoclient.sync.push.PushFixtures.csv;
import static io.github.pendoclient.sync.push.PushFixtures.id;
import static io.github.pendoclient.sync.push.PushFixtures.visitorPush;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.resource.MetadataKind;
import io.github.pendoclient.testing.Endpoint;
import io.github.pendoclient.testing.FakePendo;
import io.github.pendoclient.testing.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rejects, missing ids, dry runs, the schema check, field creation and clearing, against FakePendo. */
class PushBehaviourTest {

    private FakePendo pendo;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        pendo = FakePendo.builder().dataset(PushFixtures.visitors(20)).build().start();
    }

    @AfterEach
    void stop() {
        pendo.close();
    }

    private List<Map<String, Object>> rejects(Path file) throws Exception {
        return Files.readAllLines(file).stream()
                .map(line -> JsonValues.parse(line))
                .map(value -> {
                    @SuppressWarnings("unchecked") // a rejects line is a JSON object
                    Map<String, Object> map = (Map<String, Object>) value;
                    return map;
                })
                .toList();
    }

    @Test
    void unknownIdsAreSkippedAndLandInTheRejectsFile() throws Exception {
        String text = csv(3, 0) + "v-unknown-1,pro,2,3.5\r\nv-unknown-2,team,1,1\r\n";
        Path rejectsFile = dir.resolve("rejects.jsonl");
        PushResult result;
        try (JsonLinesRejects rejects = JsonLinesRejects.open(rejectsFile)) {
            result = visitorPush(pendo, text).rejects(rejects).build().run();
        }

        assertThat(result.sent()).isEqualTo(3);
        assertThat(result.skippedMissing()).isEqualTo(2);
        List<Map<String, Object>> lines = rejects(rejectsFile);
        assertThat(lines).extracting(line -> line.get("reason")).containsOnly("MISSING");
        assertThat(lines).extracting(line -> line.get("row")).containsExactly(4L, 5L);
        assertThat(lines.get(0).get("values"))
                .isEqualTo(Map.of("visitor_id", "v-unknown-1", "plan", "pro", "seats", "2", "mrr", "3.5"));
        assertThatThrownBy(() -> pendo.client().visitors().get("v-unknown-1")).hasMessageContaining("v-unknown-1");
    }

    @Test
    void createMissingCreatesTheUnknownVisitors() throws Exception {
        PushResult result = visitorPush(pendo, "visitor_id,plan,seats,mrr\r\nv-new,pro,2,3.5\r\n")
                .createMissing(true)
                .build()
                .run();

        assertThat(result.sent()).isEqualTo(1);
        assertThat(pendo.client().visitors().get("v-new").group("custom")).containsEntry("plan", "pro");
    }

    @Test
    void aBadValueIsRejectedAloneWhileTheOtherRowsOfItsBatchLand() throws Exception {
        String text = "visitor_id,plan,seats,mrr\r\n" + id(1) + ",pro,2,1.5\r\n" + id(2) + ",pro,many,1.5\r\n" + id(3)
                + ",team,4,2\r\n";
        Path rejectsFile = dir.resolve("rejects.jsonl");
        PushResult result;
        try (JsonLinesRejects rejects = JsonLinesRejects.open(rejectsFile)) {
            result = visitorPush(pendo, text).rejects(rejects).build().run();
        }

        assertThat(result.rejected()).isEqualTo(1);
        assertThat(result.sent()).isEqualTo(2);
        assertThat(pendo.requestCount(Endpoint.METADATA_BULK)).isEqualTo(1);
        Map<String, Object> line = rejects(rejectsFile).get(0);
        assertThat(line).containsEntry("row", 2L).containsEntry("reason", "INVALID_VALUE");
        assertThat((String) line.get("message")).contains("seats", "'many'", "integer");
        assertThat(pendo.client().visitors().get(id(3)).group("custom")).containsEntry("seats", 4L);
        assertThat(pendo.client().visitors().get(id(2)).group("custom")).doesNotContainKey("seats");
    }

    @Test
    void aRowPendoRefusesIsRejectedAloneWithPendosMessage() throws Exception {
        // "grade" is not in the schema: the first write creates it as a string, so Pendo refuses the number after it.
        PushSource typed = new ListSource(
                List.of("visitor_id", "grade"),
                List.of(
                        Map.of("visitor_id", id(1), "grade", "A"),
                        Map.of("visitor_id", id(2), "grade", 7L),
                        Map.of("visitor_id", id(3), "grade", "B")));
        Path rejectsFile = dir.resolve("rejects.jsonl");
        PushResult result;
        try (JsonLinesRejects rejects = JsonLinesRejects.open(rejectsFile)) {
            result = PushEngine.builder()
                    .client(pendo.client())
                    .source(typed)
                    .kind(PushKind.VISITOR)
                    .idColumn("visitor_id")
                    .map("grade", "grade")
                    .createFields(true)
                    .rejects(rejects)
                    .stateFile(dir.resolve("state"))
                    .build()
                    .run();
        }

        assertThat(result.sent()).isEqualTo(2);
        assertThat(result.rejected()).isEqualTo(1);
        assertThat(result.fieldsCreated()).isEqualTo(1);
        Map<String, Object> line = rejects(rejectsFile).get(0);
        assertThat(line).containsEntry("row", 2L).containsEntry("reason", "REJECTED_BY_PENDO");
        assertThat((String) line.get("message")).contains("grade");
        assertThat(pendo.client().metadata().schema(MetadataKind.VISITOR).field("custom", "grade"))
                .hasValueSatisfying(field -> assertThat(field.type()).isEqualTo("string"));
    }

    @Test
    void anUnknownFieldIsRefusedBeforeSendingNamingTheKnownFields() throws Exception {
        PushEngine engine = PushEngine.builder()
                .client(pendo.client())
                .source(PushFixtures.source(csv(3, 0)))
                .kind(PushKind.VISITOR)
                .idColumn("visitor_id")
                .map("plan", "plan_level")
                .build();

        assertThatThrownBy(engine::run)
                .isInstanceOf(PushConfigurationException.class)
                .hasMessageContaining("'plan_level'")
                .hasMessageContaining("mrr, plan, seats");
        assertThat(pendo.requestCount(Endpoint.METADATA_BULK)).isZero();
    }

    @Test
    void aDryRunSendsNothingAndWritesNoStateButCountsWhatItWouldSend() throws Exception {
        Path state = dir.resolve("state");
        StringBuilder requests = new StringBuilder();
        PushResult result = visitorPush(pendo, csv(20, 0))
                .stateFile(state)
                .dryRun(true)
                .listener(new PushListener() {
                    @Override
                    public void request(String description) {
                        requests.append(description).append('\n');
                    }
                })
                .build()
                .run();

        assertThat(result.dryRun()).isTrue();
        assertThat(result.sent()).isEqualTo(20);
        assertThat(result.newObjects()).isEqualTo(20);
        assertThat(result.requests()).isZero();
        assertThat(pendo.requestCount(Endpoint.METADATA_BULK)).isZero();
        assertThat(state).doesNotExist();
        assertThat(requests.toString())
                .contains("POST /api/v1/metadata/visitor/custom/value (20 rows; fields plan, seats, mrr)")
                .doesNotContain(id(1));
    }

    @Test
    void onMissingClearSetsTheMappedFieldsOfVisitorsGoneFromTheSourceToNull() throws Exception {
        Path state = dir.resolve("state");
        visitorPush(pendo, csv(5, 0)).stateFile(state).build().run();

        PushResult result = visitorPush(pendo, csv(3, 0))
                .stateFile(state)
                .onMissing(OnMissing.CLEAR)
                .build()
                .run();

        assertThat(result.cleared()).isEqualTo(2);
        Map<String, Object> gone = pendo.client().visitors().get(id(5)).group("custom");
        assertThat(gone).containsEntry("plan", null).containsEntry("seats", null);
        assertThat(pendo.client().visitors().get(id(3)).group("custom")).containsEntry("plan", "pro");
        pendo.clearRequests();
        visitorPush(pendo, csv(3, 0))
                .stateFile(state)
                .onMissing(OnMissing.CLEAR)
                .build()
                .run();
        assertThat(pendo.requestCount(Endpoint.METADATA_BULK)).isZero();
    }

    @Test
    void aBatchPendoRefusesAsAWholeIsSplitAndEveryRowLands() throws Exception {
        pendo.enqueueFault(Endpoint.METADATA_BULK, Fault.status(400));

        PushResult result = visitorPush(pendo, csv(6, 0)).build().run();

        assertThat(result.sent()).isEqualTo(6);
        assertThat(result.requests()).isEqualTo(3);
        assertThat(pendo.client().visitors().get(id(6)).group("custom")).containsEntry("plan", "pro");
    }

    @Test
    void fullResendsEveryRow() throws Exception {
        Path state = dir.resolve("state");
        visitorPush(pendo, csv(5, 0)).stateFile(state).build().run();

        PushResult result = visitorPush(pendo, csv(5, 0))
                .stateFile(state)
                .full(true)
                .build()
                .run();

        assertThat(result.sent()).isEqualTo(5);
        assertThat(result.unchanged()).isZero();
    }
}
