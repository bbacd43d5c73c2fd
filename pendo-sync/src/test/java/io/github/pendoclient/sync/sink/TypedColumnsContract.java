package io.github.pendoclient.sync.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.sync.Checkpoint;
import io.github.pendoclient.sync.Sink;
import io.github.pendoclient.sync.SyncEngine;
import io.github.pendoclient.sync.SyncOptions;
import io.github.pendoclient.sync.SyncState;
import io.github.pendoclient.sync.Table;
import io.github.pendoclient.sync.TableRegistry;
import io.github.pendoclient.sync.TableResult;
import io.github.pendoclient.sync.internal.FieldColumns;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.Endpoint;
import io.github.pendoclient.testing.FakePendo;
import io.github.pendoclient.testing.VisitorRow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Typed metadata columns in every sink (issue 26), through the engine and FakePendo: one column per field of the
 * metadata schema with its value, a field added or retyped between runs without a full resync and with nothing
 * lost, names that collide after sanitising, and a {@code kill -9} in a run that adds columns (the child JVM of
 * {@link SinkContract}'s kill test, driven the same way).
 */
abstract class TypedColumnsContract {

    static final Instant NOW = Instant.parse("2026-11-01T09:00:00Z");
    static final long UPDATED = 1_790_000_000_000L;
    static final long RENEWAL = 1_800_000_000_123L;
    static final Table VISITORS = TableRegistry.standard().get("visitors");

    @TempDir
    Path dir;

    abstract String kind();

    abstract String location();

    /** Reads a table back, one map per key (the last line of a key in an appending sink), canonical values. */
    abstract List<Map<String, Object>> read(Table table) throws Exception;

    /** The storage's type of a column, where it has one of its own. */
    Optional<String> storedType(String table, String column) throws Exception {
        return Optional.empty();
    }

    /** Visitor {@code i} of schema version {@code version} (1: first run, 2: a field added, 3: a field retyped). */
    static Map<String, Map<String, Object>> metadata(int i, int version) {
        boolean updated2 = version >= 2 && (i <= 2 || i == 20);
        boolean updated3 = version >= 3 && (i == 3 || i == 4);
        Map<String, Object> auto = new LinkedHashMap<>();
        auto.put("accountid", "acct-" + (i % 3));
        auto.put("firstvisit", UPDATED - 86_400_000L);
        auto.put("lastvisit", UPDATED + i);
        auto.put("lastupdated", UPDATED + i * 1_000L + (updated2 ? 100_000 : 0) + (updated3 ? 200_000 : 0));
        Map<String, Object> agent = new LinkedHashMap<>();
        agent.put("email", "visitor" + i + "@example.com");
        // Pendo sends a number as text now and then: "42" converts, "many" does not.
        agent.put("seats", i % 5 == 1 ? "42" : i % 7 == 3 ? "many" : (Object) (long) (i * 10));
        if (!updated3) {
            agent.put("score", i == 2 ? "0.5" : (Object) (i / 4.0));
        } else {
            agent.put("seats", i == 3 ? "twelve" : "12");
        }
        agent.put("active", i == 4 ? "true" : (Object) (i % 2 == 0));
        agent.put("renewal", RENEWAL + i);
        agent.put("tags", List.of("t" + i, "all"));
        if (updated2) {
            agent.put("region", i == 20 ? "apac" : "emea");
        }
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("Plan Tier", "tier-" + (i % 3));
        custom.put("plan-tier", "other-" + i);
        custom.put("prefs", Map.of("theme", "dark", "n", (long) i));
        Map<String, Map<String, Object>> metadata = new LinkedHashMap<>();
        metadata.put("auto", auto);
        metadata.put("agent", agent);
        metadata.put("custom", custom);
        metadata.put("last", Map.of("visit", UPDATED - i));
        return metadata;
    }

    static Dataset dataset(int version) {
        Dataset.Builder builder = Dataset.builder();
        for (int i = 0; i < (version >= 2 ? 21 : 20); i++) {
            builder.visitor(String.format("v%02d", i), metadata(i, version));
        }
        String[][] fields = {
            {"auto", "accountid", "string"}, {"auto", "firstvisit", "time"}, {"auto", "lastvisit", "time"},
            {"auto", "lastupdated", "time"}, {"agent", "email", "string"}, {"agent", "active", "boolean"},
            {"agent", "renewal", "time"}, {"agent", "tags", "list"}, {"custom", "Plan Tier", "string"},
            {"custom", "plan-tier", "string"}, {"custom", "prefs", "object"}, {"last", "visit", "time"}
        };
        for (String[] field : fields) {
            builder.metadataField("visitor", field[0], field[1], field[2]);
        }
        builder.metadataField("visitor", "agent", "seats", version >= 3 ? "string" : "integer");
        if (version < 3) {
            builder.metadataField("visitor", "agent", "score", "float"); // deleted in version 3
        }
        if (version >= 2) {
            builder.metadataField("visitor", "agent", "region", "string");
        }
        return builder.build();
    }

    /** One run of the engine over {@code visitors}, against a fake serving the dataset of that version. */
    TableResult sync(int version, int[] aggregations) throws IOException {
        try (FakePendo pendo =
                        FakePendo.builder().dataset(dataset(version)).build().start();
                Sink sink = ContractSinks.open(kind(), location())) {
            SyncEngine engine = SyncEngine.builder()
                    .client(pendo.client())
                    .sink(sink)
                    .state(SyncState.load(stateFile()))
                    .settings(SyncOptions.builder()
                            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                            .build())
                    .build();
            TableResult result = engine.syncAll(List.of("visitors")).get(0);
            aggregations[0] = pendo.requestCount(Endpoint.AGGREGATION);
            assertThat(result.error()).isEmpty();
            return result;
        }
    }

    Path stateFile() {
        return dir.resolve("state.json");
    }

    /** The table the engine wrote: the declared one with the field columns the state file records. */
    Table typedTable() throws IOException {
        Map<?, ?> state = (Map<?, ?>) JsonValues.parse(Files.readString(stateFile()));
        Map<?, ?> columns = (Map<?, ?>) state.get("metadataColumns");
        return FieldColumns.table(VISITORS, FieldColumns.fromJson(columns.get("visitors")));
    }

    Map<Object, Map<String, Object>> byId() throws Exception {
        Map<Object, Map<String, Object>> rows = new LinkedHashMap<>();
        for (Map<String, Object> row : read(typedTable())) {
            rows.put(row.get("visitor_id"), row);
        }
        return rows;
    }

    /** Nothing lost: each row's id and metadata JSON are the source's visitor, as the fake serves it. */
    void assertAgreesWithSource(Map<Object, Map<String, Object>> rows, int version) {
        List<VisitorRow> source = dataset(version).visitors();
        assertThat(rows).hasSize(source.size());
        for (VisitorRow visitor : source) {
            Map<String, Object> row = rows.get(visitor.id());
            assertThat(row.get("metadata"))
                    .as("metadata of " + visitor.id())
                    .isEqualTo(JsonValues.parse(JsonValues.toJson(visitor.metadata())));
        }
    }

    @Test
    void eachFieldOfTheSchemaHasATypedColumnWithItsValueAndCollidingNamesGetDistinctColumns() throws Exception {
        sync(1, new int[1]);

        Map<Object, Map<String, Object>> rows = byId();
        assertThat(rows.get("v00"))
                .containsEntry("agent_email", "visitor0@example.com")
                .containsEntry("agent_seats", 0L)
                .containsEntry("agent_score", 0.0)
                .containsEntry("agent_active", true)
                .containsEntry("agent_renewal", RENEWAL)
                .containsEntry("agent_tags", List.of("t0", "all"))
                .containsEntry("auto_lastupdated", UPDATED)
                .containsEntry("custom_plan_tier", "tier-0") // "Plan Tier"
                .containsEntry("custom_plan_tier_2", "other-0") // "plan-tier"
                .containsEntry("custom_prefs", Map.of("theme", "dark", "n", 0L))
                .containsEntry("last_visit", UPDATED) // the fixed column, auto.lastvisit
                .containsEntry("last_visit_2", UPDATED); // the field last/visit
        assertThat(rows.get("v01")).containsEntry("agent_seats", 42L); // "42" for an integer
        assertThat(rows.get("v02")).containsEntry("agent_score", 0.5); // "0.5" for a float
        assertThat(rows.get("v03")).containsEntry("agent_seats", null); // "many" for an integer
        assertThat(rows.get("v04")).containsEntry("agent_active", true); // "true" for a boolean
        storedType("visitors", "agent_seats").ifPresent(type -> assertThat(type).containsIgnoringCase("bigint"));
        assertAgreesWithSource(rows, 1);
    }

    @Test
    void aFieldAddedToTheSchemaAddsItsColumnOnTheNextRunWhichFetchesOnlyWhatChanged() throws Exception {
        sync(1, new int[1]);
        Checkpoint first =
                SyncState.load(stateFile()).get("visitors").checkpoint().orElseThrow();
        int[] aggregations = new int[1];

        TableResult second = sync(2, aggregations);

        assertThat(second.rows()).as("three visitors updated, one new").isEqualTo(4);
        assertThat(aggregations[0]).as("one keyset page").isLessThanOrEqualTo(2);
        assertThat(SyncState.load(stateFile()).get("visitors").checkpoint())
                .isPresent()
                .isNotEqualTo(Optional.of(first));
        Map<Object, Map<String, Object>> rows = byId();
        assertThat(rows.get("v00")).containsEntry("agent_region", "emea");
        assertThat(rows.get("v20")).containsEntry("agent_region", "apac").containsEntry("agent_seats", 200L);
        assertThat(rows.get("v05")).as("not updated: not fetched again").containsEntry("agent_region", null);
        assertThat(rows.get("v05")).containsEntry("agent_email", "visitor5@example.com");
        assertAgreesWithSource(rows, 2);
    }

    @Test
    void aFieldWhoseTypeChangesKeepsItsColumnWithTheValuesThatConvertAndADeletedFieldKeepsItsColumn() throws Exception {
        sync(1, new int[1]);
        sync(2, new int[1]);

        TableResult third = sync(3, new int[1]);

        assertThat(third.rows()).isEqualTo(2);
        Map<Object, Map<String, Object>> rows = byId();
        assertThat(rows.get("v04")).containsEntry("agent_seats", 12L); // "12" now that seats is a string
        assertThat(rows.get("v03")).containsEntry("agent_seats", null); // "twelve": kept in metadata only
        assertThat(rows.get("v03")).containsEntry("agent_score", null); // score deleted: its column stays
        assertThat(rows.get("v06")).containsEntry("agent_score", 1.5);
        storedType("visitors", "agent_seats").ifPresent(type -> assertThat(type).containsIgnoringCase("bigint"));
        assertAgreesWithSource(rows, 3);
    }

    /** A visitor row as a sink receives it, with the field added in version 2 from row 50 on. */
    static Map<String, Object> visitorRow(int i) {
        Map<String, Map<String, Object>> metadata = metadata(i % 20, 1);
        if (i >= 50) {
            Map<String, Object> agent = new LinkedHashMap<>(metadata.get("agent"));
            agent.put("region", "region-" + i);
            metadata.put("agent", agent);
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("visitorId", String.format("k%03d", i));
        row.put("metadata", metadata);
        return row;
    }

    /** Group to field to type, as the fake serves the dataset's visitor schema. */
    static Map<String, Map<String, String>> schemaTypes(Dataset dataset) {
        Map<String, Map<String, String>> types = new LinkedHashMap<>();
        dataset.metadataSchema("visitor")
                .forEach((group, fields) -> fields.forEach((field, entry) ->
                        types.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(field, entry.type())));
        return types;
    }

    static Table table(int version) {
        List<FieldColumns.Field> fields = FieldColumns.extend(List.of(), TypedChild.fixed(), schemaTypes(dataset(1)));
        if (version >= 2) {
            fields = FieldColumns.extend(fields, TypedChild.fixed(), schemaTypes(dataset(2)));
        }
        return FieldColumns.table(VISITORS, fields);
    }

    @Test
    void aRunKilledWithSigkillWhileAddingAColumnResumesWithExactlyTheRows() throws Exception {
        OptionalLong before;
        try (Sink sink = ContractSinks.open(kind(), location())) {
            sink.open(table(1), OptionalLong.empty());
            for (int i = 0; i < 50; i++) {
                sink.write(table(1), visitorRow(i));
            }
            before = sink.commit(table(1));
        }
        Path state = dir.resolve("typed.state");
        SinkContract.ContractChild.save(state, 50, before);
        Path childTemp = Files.createDirectories(dir.resolve("child-tmp"));
        Process child = new ProcessBuilder(List.of(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-Djava.io.tmpdir=" + childTemp,
                        "-cp",
                        System.getProperty("java.class.path"),
                        TypedChild.class.getName(),
                        kind(),
                        location(),
                        state.toString()))
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo(SinkContract.ContractChild.WAITING);
            child.destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        Properties saved = SinkContract.ContractChild.load(state);
        int committed = Integer.parseInt(saved.getProperty("rows"));
        assertThat(committed).isEqualTo(170); // 50 before, then 2 commits of 60 with the new column, 37 not committed
        try (Sink sink = ContractSinks.open(kind(), location())) {
            sink.open(table(2), SinkContract.ContractChild.position(saved));
            for (int i = committed; i < 250; i++) {
                sink.write(table(2), visitorRow(i));
            }
            sink.commit(table(2));
        }
        List<Map<String, Object>> expected = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            expected.add(SinkContract.expected(table(2), visitorRow(i)));
        }
        assertThat(read(table(2))).hasSize(250).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** The child JVM: opens the table with the added column, commits every 60 rows, writes 37 more and waits. */
    static final class TypedChild {

        static Set<String> fixed() {
            Set<String> names = new HashSet<>();
            VISITORS.columns().forEach(column -> names.add(column.name()));
            return names;
        }

        public static void main(String[] args) throws Exception {
            Path state = Path.of(args[2]);
            Properties saved = SinkContract.ContractChild.load(state);
            int written = Integer.parseInt(saved.getProperty("rows"));
            Sink sink = ContractSinks.open(args[0], args[1]);
            Table table = table(2);
            sink.open(table, SinkContract.ContractChild.position(saved));
            for (int commit = 0; commit < 2; commit++) {
                for (int i = written; i < written + 60; i++) {
                    sink.write(table, visitorRow(i));
                }
                written += 60;
                SinkContract.ContractChild.save(state, written, sink.commit(table));
            }
            for (int i = written; i < written + 37; i++) {
                sink.write(table, visitorRow(i));
            }
            System.out.println(SinkContract.ContractChild.WAITING);
            System.out.flush();
            Thread.currentThread().join(); // until killed
        }
    }
}
