package io.github.pendoclient.sync.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.sync.Column;
import io.github.pendoclient.sync.ColumnType;
import io.github.pendoclient.sync.Sink;
import io.github.pendoclient.sync.Table;
import io.github.pendoclient.sync.TableSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract every {@link Sink} passes, driven the way the engine drives a sink: {@code open} with the position
 * of the last checkpoint, writes, {@code commit} at each checkpoint (whose position is then saved), {@code replace}
 * for full-refresh tables. A subclass says how to open its sink and how to read a table back; the rows read back
 * are compared with the rows written, column by column, in each column's canonical Java type.
 *
 * <p>The kill test is a real {@code kill -9}: a child JVM writes and commits, then writes rows it does not commit,
 * says so on its output and waits; the test kills it with {@link Process#destroyForcibly()} and resumes from the
 * checkpoint the child saved, as a resumed pendo-sync run does.
 */
abstract class SinkContract {

    /** A table with a column of every type, the whole row in {@code raw}, keyed on {@code id}. */
    static final Table ROWS = new Table(
            "contract_rows",
            List.of(
                    Column.key("id", "id"),
                    Column.text("label", "label"),
                    Column.number("count", "count"),
                    Column.decimal("score", "score"),
                    Column.flag("active", "active"),
                    Column.time("seen_at", "seenAt"),
                    Column.json("meta", "meta"),
                    Column.raw()),
            List.of("id"),
            new TableSource.FullRefresh((client, settings) -> List.of()));

    /** A full-refresh table with a two-column key. */
    static final Table CATALOG = new Table(
            "contract_catalog",
            List.of(Column.key("app_id", "appId"), Column.key("name", "name"), Column.raw()),
            List.of("app_id", "name"),
            new TableSource.FullRefresh((client, settings) -> List.of()));

    @TempDir
    Path dir;

    /** The name this sink has in {@link ContractSinks}, so that a child JVM can open it too. */
    abstract String kind();

    /** Where this test's sink keeps its data: a directory, a file or a JDBC URL. */
    abstract String location();

    /** Reads a table back, one map per row from column name to canonical value, in any order. */
    abstract List<Map<String, Object>> read(Table table) throws Exception;

    /** Whether a row written again with the same key replaces the first (JSON Lines appends instead). */
    boolean upserts() {
        return true;
    }

    private Sink open() throws IOException {
        return ContractSinks.open(kind(), location());
    }

    /**
     * Row {@code i}: ids and labels with quotes, backslashes, tabs, line breaks and non-ASCII text, and a
     * {@code count} member that is a number, a numeric string, an object, a fraction, a boolean or missing.
     */
    static Map<String, Object> row(int i) {
        String[] ids = {
            "O'Brien \"the\" one #" + i,
            "visitör-日本-" + i + "-😀",
            "tab\tnew\nline\r-" + i,
            "back\\slash\\N-" + i,
            "plain-" + i,
            "'; DROP TABLE contract_rows; -- " + i
        };
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", ids[i % ids.length]);
        row.put("label", i % 7 == 0 ? Map.of("nested", "object") : "Label \"" + i + "\" ü");
        switch (i % 6) {
            case 0 -> row.put("count", (long) i);
            case 1 -> row.put("count", String.valueOf(i));
            case 2 -> row.put("count", Map.of("n", (long) i));
            case 3 -> row.put("count", i + 0.5);
            case 4 -> row.put("count", true);
            default -> {} // missing
        }
        row.put("score", i % 4 == 0 ? (Object) ("" + i) : (Object) (i / 8.0));
        row.put("active", i % 3 == 0 ? "yes" : i % 2 == 0);
        row.put("seenAt", i % 10 == 9 ? "not a time" : 1_700_000_000_123L + i * 1_000L);
        row.put(
                "meta",
                i % 5 == 0
                        ? List.of(1L, "two", Map.of("three", 3.5))
                        : Map.of(
                                "agent",
                                Map.of("role", "r\"" + i, "tags", List.of("a", "ß")),
                                "n",
                                (long) i,
                                "ok",
                                i % 2 == 0));
        return row;
    }

    static List<Map<String, Object>> rows(int from, int to) {
        return IntStream.range(from, to).mapToObj(SinkContract::row).collect(Collectors.toList());
    }

    /** What a sink must give back for a row: each column's value as the column reads it, canonical. */
    static Map<String, Object> expected(Table table, Map<String, Object> row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Column column : table.columns()) {
            values.put(column.name(), canonical(column.type(), column.value().apply(row)));
        }
        return values;
    }

    /** Values in one form: JSON parsed from its text (numbers as the parser reads them), the rest as they are. */
    static Object canonical(ColumnType type, Object value) {
        if (value == null) {
            return null;
        }
        return type == ColumnType.JSON ? JsonValues.parse(JsonValues.toJson(value)) : value;
    }

    static List<Map<String, Object>> expected(Table table, List<Map<String, Object>> rows) {
        Map<Object, Map<String, Object>> byKey = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> values = expected(table, row);
            byKey.put(table.primaryKey().stream().map(values::get).collect(Collectors.toList()), values);
        }
        return new ArrayList<>(byKey.values());
    }

    private void assertRows(Table table, List<Map<String, Object>> written) throws Exception {
        List<Map<String, Object>> actual = read(table);
        assertThat(actual)
                .as("rows of " + table.name())
                .hasSize(expected(table, written).size())
                .containsExactlyInAnyOrderElementsOf(expected(table, written));
    }

    private static void write(Sink sink, Table table, List<Map<String, Object>> rows, int commitEvery)
            throws IOException {
        int n = 0;
        for (Map<String, Object> row : rows) {
            sink.write(table, row);
            if (++n % commitEvery == 0) {
                sink.commit(table);
            }
        }
        sink.commit(table);
    }

    @Test
    void aFullLoadKeepsEveryRowWithItsTypedColumnsAndTheWholeRowInRaw() throws Exception {
        List<Map<String, Object>> rows = rows(0, 300);
        try (Sink sink = open()) {
            sink.open(ROWS, OptionalLong.empty());
            write(sink, ROWS, rows, 64);
        }
        assertRows(ROWS, rows);
    }

    @Test
    void aColumnWithMixedTypesIsTypedWhereTheValueConvertsWithoutLossAndKeptWholeInRaw() throws Exception {
        List<Map<String, Object>> rows = rows(0, 14);
        try (Sink sink = open()) {
            sink.open(ROWS, OptionalLong.empty());
            write(sink, ROWS, rows, 100);
        }
        Map<Object, Map<String, Object>> byId = new LinkedHashMap<>();
        read(ROWS).forEach(row -> byId.put(row.get("id"), row));
        // count arrives as 0, "1", {"n": 2}, 3.5, true, (missing), 6, "7", ...
        assertThat(byId.get(row(0).get("id"))).containsEntry("count", 0L);
        assertThat(byId.get(row(1).get("id"))).containsEntry("count", 1L); // a numeric string
        assertThat(byId.get(row(2).get("id"))).containsEntry("count", null); // an object
        assertThat(byId.get(row(3).get("id"))).containsEntry("count", null); // 3.5 is not a whole number
        assertThat(byId.get(row(4).get("id"))).containsEntry("count", null); // a boolean
        assertThat(byId.get(row(5).get("id"))).containsEntry("count", null); // missing
        assertThat(byId.get(row(5).get("id"))).containsEntry("score", 0.625);
        assertThat(byId.get(row(8).get("id"))).containsEntry("score", 8.0); // the string "8"
        assertThat(byId.get(row(2).get("id"))).containsEntry("active", true);
        assertThat(byId.get(row(3).get("id"))).containsEntry("active", null); // "yes"
        assertThat(byId.get(row(9).get("id"))).containsEntry("seen_at", null); // "not a time"
        assertThat(byId.get(row(8).get("id"))).containsEntry("seen_at", 1_700_000_008_123L);
        assertThat(byId.get(row(7).get("id"))).containsEntry("label", "{\"nested\":\"object\"}");
        for (int i = 0; i < rows.size(); i++) {
            assertThat(byId.get(row(i).get("id")).get("raw"))
                    .as("raw of row " + i)
                    .isEqualTo(JsonValues.parse(JsonValues.toJson(row(i))));
        }
    }

    @Test
    void aSecondRunFromTheSavedPositionAddsOnlyTheNewRows() throws Exception {
        OptionalLong position;
        try (Sink sink = open()) {
            sink.open(ROWS, OptionalLong.empty());
            write(sink, ROWS, rows(0, 120), 50);
            position = sink.commit(ROWS);
        }
        try (Sink sink = open()) {
            sink.open(ROWS, position);
            write(sink, ROWS, rows(120, 200), 50);
        }
        assertRows(ROWS, rows(0, 200));
    }

    @Test
    void aRowWrittenAgainWithTheSameKeyIsKeptOnceWithItsLatestValues() throws Exception {
        Map<String, Object> changed = new LinkedHashMap<>(row(3));
        changed.put("label", "changed 'again'");
        changed.put("count", 42L);
        try (Sink sink = open()) {
            sink.open(ROWS, OptionalLong.empty());
            write(sink, ROWS, List.of(row(1), row(2), row(3), changed), 10);
            sink.write(ROWS, row(4));
            sink.write(ROWS, row(4));
            sink.commit(ROWS);
        }
        if (upserts()) {
            assertRows(ROWS, List.of(row(1), row(2), changed, row(4)));
        } else {
            assertThat(read(ROWS)).hasSize(6);
        }
    }

    @Test
    void aRowOfAFirstLoadWrittenAgainAfterACommitReplacesTheCommittedOne() throws Exception {
        Map<String, Object> changed = new LinkedHashMap<>(row(3));
        changed.put("label", "changed after a commit");
        Map<String, Object> changedAgain = new LinkedHashMap<>(row(3));
        changedAgain.put("count", 7L);
        try (Sink sink = open()) {
            sink.open(ROWS, OptionalLong.empty());
            write(sink, ROWS, rows(0, 10), 4);
            sink.write(ROWS, changed);
            sink.write(ROWS, row(11));
            sink.commit(ROWS);
            sink.write(ROWS, changedAgain);
            sink.commit(ROWS);
        }
        if (upserts()) {
            List<Map<String, Object>> all = new ArrayList<>(rows(0, 10));
            all.add(changed);
            all.add(row(11));
            all.add(changedAgain);
            assertRows(ROWS, all);
        } else {
            assertThat(read(ROWS)).hasSize(13);
        }
    }

    @Test
    void rowsNotCommittedWhenASinkIsAbandonedAreGoneAfterResumingFromTheCheckpoint() throws Exception {
        OptionalLong position;
        Sink abandoned = open();
        abandoned.open(ROWS, OptionalLong.empty());
        write(abandoned, ROWS, rows(0, 40), 40);
        position = abandoned.commit(ROWS);
        for (Map<String, Object> row : rows(1000, 1010)) {
            abandoned.write(ROWS, row);
        }
        abandoned.close(); // closed without a commit
        try (Sink sink = open()) {
            sink.open(ROWS, position);
            write(sink, ROWS, rows(40, 60), 7);
        }
        assertRows(ROWS, rows(0, 60));
    }

    @Test
    void aReplacedTableHoldsExactlyTheNewRows() throws Exception {
        List<Map<String, Object>> first =
                IntStream.range(0, 30).mapToObj(i -> catalogRow(i, "v1")).collect(Collectors.toList());
        List<Map<String, Object>> second =
                IntStream.range(20, 45).mapToObj(i -> catalogRow(i, "v2")).collect(Collectors.toList());
        try (Sink sink = open()) {
            sink.replace(CATALOG, first);
        }
        try (Sink sink = open()) {
            sink.replace(CATALOG, second);
        }
        assertRows(CATALOG, second);
    }

    private static Map<String, Object> catalogRow(int i, String version) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("appId", (long) (i % 3));
        row.put("name", "feature \"" + i + "\" é");
        row.put("version", version);
        return row;
    }

    @Test
    void aRunKilledWithSigkillMidBatchAndResumedEndsWithExactlyTheRows() throws Exception {
        Path state = dir.resolve("contract.state");
        // The killed child cannot delete what it unpacked (DuckDB's native library): its temporary files go here.
        Path childTemp = Files.createDirectories(dir.resolve("child-tmp"));
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Djava.io.tmpdir=" + childTemp,
                "-cp",
                System.getProperty("java.class.path"),
                ContractChild.class.getName(),
                kind(),
                location(),
                state.toString(),
                "250",
                "60",
                "37"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            said = out.readLine(); // blocks until the child has written past its checkpoint
            assertThat(said).as("the child's first line").isEqualTo(ContractChild.WAITING);
            assertThat(child.isAlive()).isTrue();
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, nothing flushed or closed
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        Properties saved = ContractChild.load(state);
        int committed = Integer.parseInt(saved.getProperty("rows"));
        assertThat(committed).isEqualTo(180); // 3 commits of 60, then 37 rows not committed
        try (Sink sink = open()) {
            sink.open(ROWS, ContractChild.position(saved));
            write(sink, ROWS, rows(committed, 250), 60);
        }
        assertRows(ROWS, rows(0, 250));
    }

    /** The child JVM of the kill test: commits every n rows, saves the checkpoint, then writes on and waits. */
    static final class ContractChild {

        static final String WAITING = "written past the checkpoint; waiting to be killed";

        public static void main(String[] args) throws Exception {
            String kind = args[0];
            String location = args[1];
            Path state = Path.of(args[2]);
            int total = Integer.parseInt(args[3]);
            int commitEvery = Integer.parseInt(args[4]);
            int uncommitted = Integer.parseInt(args[5]);
            Sink sink = ContractSinks.open(kind, location);
            sink.open(ROWS, OptionalLong.empty());
            int written = 0;
            while (written + commitEvery <= total - uncommitted) {
                for (Map<String, Object> row : rows(written, written + commitEvery)) {
                    sink.write(ROWS, row);
                }
                written += commitEvery;
                OptionalLong position = sink.commit(ROWS);
                save(state, written, position);
            }
            for (Map<String, Object> row : rows(written, written + uncommitted)) {
                sink.write(ROWS, row);
            }
            System.out.println(WAITING);
            System.out.flush();
            Thread.currentThread().join(); // until killed
        }

        static void save(Path state, int rows, OptionalLong position) throws IOException {
            Properties properties = new Properties();
            properties.setProperty("rows", Integer.toString(rows));
            position.ifPresent(p -> properties.setProperty("position", Long.toString(p)));
            Path partial = state.resolveSibling(state.getFileName() + ".partial");
            try (var out = Files.newOutputStream(partial)) {
                properties.store(out, null);
            }
            Files.move(partial, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

        static Properties load(Path state) throws IOException {
            Properties properties = new Properties();
            try (var in = Files.newInputStream(state)) {
                properties.load(in);
            }
            return properties;
        }

        static OptionalLong position(Properties saved) {
            String position = saved.getProperty("position");
            return position == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(position));
        }
    }

    /** Rows sorted for readable failure messages. */
    static Comparator<Map<String, Object>> byId() {
        return Comparator.comparing(row -> String.valueOf(row.get("id")));
    }
}
