package io.github.pendoclient.connect.internal;

import io.github.pendoclient.sync.Checkpoint;
import io.github.pendoclient.sync.CursorKind;
import io.github.pendoclient.sync.internal.CheckpointCodec;
import io.github.pendoclient.sync.internal.CheckpointKinds;
import io.github.pendoclient.sync.internal.FieldColumns;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Source partitions and source offsets. A partition is one table of one scope of apps; an offset is the sync
 * engine's typed {@link Checkpoint} written as a flat map of strings and numbers, which is what Connect's offset
 * store keeps, by pendo-sync's {@link CheckpointCodec#SOURCE_OFFSET} (the codec that also writes its state file):
 * <ul>
 *   <li>{@code {kind: KEYSET, key: "[1700000000000,\"visitor-7\"]"}}: resume after that keyset position;</li>
 *   <li>{@code {kind: TIME_WINDOWS, covered: "[[from,to],...]"}}: the covered windows (epoch milliseconds);</li>
 *   <li>{@code {kind: FULL_REFRESH, synced_at: millis}}: the last finished refresh, or
 *       {@code {kind: FULL_REFRESH, started_at: millis}} for rows of a refresh still under way (no checkpoint:
 *       a task that resumes there fetches the table again).</li>
 * </ul>
 * With typed metadata fields, the offsets of {@code visitors} and {@code accounts} also hold
 * {@code metadata_columns}, the fields behind the value fields, as JSON text.
 */
public final class Offsets {

    static final String KIND = "kind";
    static final String SYNCED_AT = CheckpointCodec.SOURCE_OFFSET.field(CursorKind.FULL_REFRESH);
    static final String STARTED_AT = "started_at";
    /**
     * The metadata field behind each typed value field of {@code visitors} and {@code accounts}, as JSON text, so
     * that a restarted task names the fields as before (see {@link FieldColumns}).
     */
    public static final String FIELD_COLUMNS = "metadata_columns";

    private Offsets() {}

    /**
     * A table's source partition.
     *
     * @param table the table name
     * @param appIds the app ids read; empty for every app
     * @return the partition map
     */
    public static Map<String, Object> partition(String table, List<Long> appIds) {
        Map<String, Object> partition = new LinkedHashMap<>();
        partition.put("table", table);
        partition.put(
                "apps",
                appIds.isEmpty()
                        ? "all"
                        : appIds.stream()
                                .map(String::valueOf)
                                .reduce((a, b) -> a + "," + b)
                                .orElseThrow());
        return partition;
    }

    /**
     * A checkpoint as a source offset.
     *
     * @param checkpoint the checkpoint
     * @return the offset map
     */
    public static Map<String, Object> offset(Checkpoint checkpoint) {
        return CheckpointCodec.SOURCE_OFFSET.write(checkpoint);
    }

    /**
     * The offset of a row of a full refresh that is not finished yet.
     *
     * @param startedAt when the refresh started
     * @return the offset map, which reads back as no checkpoint
     */
    public static Map<String, Object> refreshing(Instant startedAt) {
        Map<String, Object> offset = new LinkedHashMap<>();
        offset.put(KIND, CursorKind.FULL_REFRESH.name());
        offset.put(STARTED_AT, startedAt.toEpochMilli());
        return offset;
    }

    /**
     * Reads a committed offset back.
     *
     * @param offset the offset map, or null when none was committed
     * @param expected the kind the table keeps
     * @param table the table, for the error message
     * @return the checkpoint, or empty to start the table from the beginning
     * @throws IllegalStateException if the offset is of another kind or malformed: the message says how to reset it
     */
    public static Optional<Checkpoint> checkpoint(Map<String, ?> offset, CursorKind expected, String table) {
        if (offset == null || offset.isEmpty()) {
            return Optional.empty();
        }
        try {
            CursorKind kind = CheckpointCodec.SOURCE_OFFSET.kind(offset).orElseThrow();
            CheckpointKinds.requireFits(kind, expected, table, "it", why -> malformed(table, offset, why));
            if (kind == CursorKind.FULL_REFRESH && offset.get(SYNCED_AT) == null) {
                return Optional.empty();
            }
            return CheckpointCodec.SOURCE_OFFSET.read(offset);
        } catch (IllegalArgumentException e) {
            throw malformed(table, offset, e.getMessage());
        }
    }

    private static IllegalStateException malformed(String table, Map<String, ?> offset, String why) {
        return new IllegalStateException("The committed offset of table " + table + " cannot be read (" + why
                + "): " + offset + ". Reset it with DELETE /connectors/<name>/offsets (after stopping the"
                + " connector) to read the table again from the start date.");
    }

    /**
     * The field columns as offset text.
     *
     * @param fields the fields
     * @return JSON text
     */
    public static String fieldColumnsText(List<FieldColumns.Field> fields) {
        return FieldColumns.toText(fields);
    }

    /**
     * The field columns a committed offset holds.
     *
     * @param offset the offset, or null
     * @return the fields, empty when it holds none
     * @throws IllegalStateException if they cannot be read: the message says how to reset the offset
     */
    public static List<FieldColumns.Field> fieldColumns(Map<String, ?> offset) {
        if (offset == null || !(offset.get(FIELD_COLUMNS) instanceof String text)) {
            return List.of();
        }
        try {
            return FieldColumns.fromText(text);
        } catch (RuntimeException e) {
            throw malformed(String.valueOf(offset.get("table")), offset, e.getMessage());
        }
    }
}
