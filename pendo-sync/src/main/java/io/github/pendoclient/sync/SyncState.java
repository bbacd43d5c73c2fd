package io.github.pendoclient.sync;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.sync.internal.CheckpointCodec;
import io.github.pendoclient.sync.internal.FieldColumns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The state file: per table, its {@link TableState}. Each {@link #put} writes the whole file atomically (a
 * temporary file moved over the old one), so a kill leaves either the old state or the new one.
 *
 * <p>The file is JSON: {@code {"version": 1, "tables": {"visitors": {"cursor": [...], "position": 123}, ...}}},
 * with {@code cursor} for a keyset position, {@code covered} for covered windows, {@code syncedUntil} for visitor
 * days and {@code syncedAt} for a full refresh; {@code metadataColumns} holds, per table, the metadata field behind
 * each typed column ({@code [{"group": "agent", "field": "plan", "column": "agent_plan", "type": "TEXT"}, ...]}),
 * so that a field keeps its column from run to run. The Kafka connector's source offsets hold the same checkpoints in
 * a flat form; one codec writes and reads both.
 */
public final class SyncState {

    private static final String FIELD_COLUMNS = "metadataColumns";

    private final Path file;
    private final Map<String, TableState> tables;
    /** Per table: its metadata field columns, in the order they were added (issue 26). */
    private final Map<String, List<FieldColumns.Field>> fieldColumns;

    private SyncState(Path file, Map<String, TableState> tables, Map<String, List<FieldColumns.Field>> fieldColumns) {
        this.file = file;
        this.tables = tables;
        this.fieldColumns = fieldColumns;
    }

    /**
     * Reads a state file, or starts an empty state when the file does not exist (it is created at the first
     * {@link #put}).
     *
     * @param file the state file
     * @return the state
     * @throws IOException if the file cannot be read or is not pendo-sync state
     */
    public static SyncState load(Path file) throws IOException {
        Map<String, TableState> tables = new LinkedHashMap<>();
        Map<String, List<FieldColumns.Field>> fieldColumns = new LinkedHashMap<>();
        if (Files.exists(file)) {
            Object json;
            try {
                json = JsonValues.parse(Files.readString(file, StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                throw notState(file, e);
            }
            if (!(json instanceof Map<?, ?> map) || !(map.get("tables") instanceof Map<?, ?> saved)) {
                throw notState(file, null);
            }
            for (Map.Entry<?, ?> entry : saved.entrySet()) {
                if (!(entry.getValue() instanceof Map<?, ?> table)) {
                    throw notState(file, null);
                }
                try {
                    tables.put(String.valueOf(entry.getKey()), decode(table));
                } catch (RuntimeException e) {
                    throw notState(file, e);
                }
            }
            if (map.get(FIELD_COLUMNS) instanceof Map<?, ?> columns) {
                try {
                    columns.forEach(
                            (table, fields) -> fieldColumns.put(String.valueOf(table), FieldColumns.fromJson(fields)));
                } catch (RuntimeException e) {
                    throw notState(file, e);
                }
            }
        }
        return new SyncState(file, tables, fieldColumns);
    }

    private static IOException notState(Path file, Exception cause) {
        return new IOException(
                "The state file " + file + " is not pendo-sync state; move it away to start afresh", cause);
    }

    /**
     * The state file.
     *
     * @return its path
     */
    public Path file() {
        return file;
    }

    /**
     * A table's state.
     *
     * @param table the table name
     * @return its state, empty if it never checkpointed
     */
    public synchronized TableState get(String table) {
        return tables.getOrDefault(table, TableState.empty());
    }

    /**
     * Records a table's state and writes the file.
     *
     * @param table the table name
     * @param state its new state
     * @throws IOException if the file cannot be written
     */
    public synchronized void put(String table, TableState state) throws IOException {
        tables.put(table, state);
        write();
    }

    /**
     * A table's metadata field columns, as last recorded.
     *
     * @param table the table name
     * @return the fields in the order their columns were added; empty if none was recorded
     */
    synchronized List<FieldColumns.Field> fieldColumns(String table) {
        return fieldColumns.getOrDefault(table, List.of());
    }

    /**
     * Records a table's metadata field columns and writes the file, before a sink adds the columns, so that every
     * later run (a resumed one included) gives each field the same column.
     *
     * @param table the table name
     * @param fields every field column of the table, the earlier ones first
     * @throws IOException if the file cannot be written
     */
    synchronized void putFieldColumns(String table, List<FieldColumns.Field> fields) throws IOException {
        fieldColumns.put(table, List.copyOf(fields));
        write();
    }

    private void write() throws IOException {
        Map<String, Object> encoded = new LinkedHashMap<>();
        tables.forEach((name, saved) -> encoded.put(name, encode(saved)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", 1L);
        json.put("tables", encoded);
        if (!fieldColumns.isEmpty()) {
            Map<String, Object> columns = new LinkedHashMap<>();
            fieldColumns.forEach((name, fields) -> columns.put(name, FieldColumns.toJson(fields)));
            json.put(FIELD_COLUMNS, columns);
        }
        Path absolute = file.toAbsolutePath();
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        Files.createDirectories(absolute.getParent());
        Files.writeString(partial, JsonValues.toJson(json), StandardCharsets.UTF_8);
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, Object> encode(TableState state) {
        Map<String, Object> json =
                state.checkpoint().map(CheckpointCodec.STATE_FILE::write).orElseGet(LinkedHashMap::new);
        state.sinkPosition().ifPresent(position -> json.put("position", position));
        return json;
    }

    private static TableState decode(Map<?, ?> json) {
        OptionalLong position = json.get("position") instanceof Number number
                ? OptionalLong.of(number.longValue())
                : OptionalLong.empty();
        return new TableState(CheckpointCodec.STATE_FILE.read(json), position);
    }
}
