package io.github.pendoclient.sync.internal;

import io.github.pendoclient.aggregation.paging.WindowCheckpoint;
import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.sync.Checkpoint;
import io.github.pendoclient.sync.CursorKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place a {@link Checkpoint} becomes text and back. Each kind has one value: a keyset position its key (a
 * list), covered windows their {@link WindowCheckpoint#toJson()} text, visitor days a map of visitor id to epoch
 * milliseconds, a full refresh its epoch milliseconds. Two layouts store that value under a field named for the kind:
 * <ul>
 *   <li>{@link #STATE_FILE}, a table's entry in the {@code SyncState} file: {@code cursor}, {@code covered},
 *       {@code syncedUntil} or {@code syncedAt}; the field present tells the kind;</li>
 *   <li>{@link #SOURCE_OFFSET}, the Kafka connector's source offset, a flat map of strings and numbers:
 *       {@code kind} names the kind, and {@code key}, {@code covered}, {@code synced_until} or {@code synced_at}
 *       holds the value, a list or map written as JSON text.</li>
 * </ul>
 * Both layouts are what pendo-sync and the connector have always written; files and offsets from earlier versions
 * read unchanged.
 */
public final class CheckpointCodec {

    /** A table's entry in the state file. */
    public static final CheckpointCodec STATE_FILE =
            new CheckpointCodec(null, false, "cursor", "covered", "syncedUntil", "syncedAt");

    /** A Kafka Connect source offset: flat, with the kind named. */
    public static final CheckpointCodec SOURCE_OFFSET =
            new CheckpointCodec("kind", true, "key", "covered", "synced_until", "synced_at");

    /** The kinds in the order a state file entry is tried. */
    private static final List<CursorKind> READ_ORDER =
            List.of(CursorKind.KEYSET, CursorKind.TIME_WINDOWS, CursorKind.VISITOR_DAYS, CursorKind.FULL_REFRESH);

    private final String kindField;
    private final boolean flat;
    private final Map<CursorKind, String> fields = new EnumMap<>(CursorKind.class);

    private CheckpointCodec(
            String kindField, boolean flat, String keyset, String windows, String days, String refreshed) {
        this.kindField = kindField;
        this.flat = flat;
        fields.put(CursorKind.KEYSET, keyset);
        fields.put(CursorKind.TIME_WINDOWS, windows);
        fields.put(CursorKind.VISITOR_DAYS, days);
        fields.put(CursorKind.FULL_REFRESH, refreshed);
    }

    /**
     * The field that holds a kind's value in this layout.
     *
     * @param kind the kind
     * @return the field name
     */
    public String field(CursorKind kind) {
        return fields.get(kind);
    }

    /**
     * A checkpoint in this layout.
     *
     * @param checkpoint the checkpoint
     * @return a new mutable map, in the order the fields are written
     */
    public Map<String, Object> write(Checkpoint checkpoint) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (kindField != null) {
            out.put(kindField, checkpoint.kind().name());
        }
        Object value = value(checkpoint);
        out.put(
                field(checkpoint.kind()),
                flat && (value instanceof List || value instanceof Map) ? JsonValues.toJson(value) : value);
        return out;
    }

    /**
     * The kind of checkpoint a map in this layout holds.
     *
     * @param saved the map
     * @return the kind, or empty when the map holds no checkpoint (a state file entry with a sink position only)
     * @throws IllegalArgumentException if the map names no kind, or one that does not exist
     */
    public Optional<CursorKind> kind(Map<?, ?> saved) {
        if (kindField == null) {
            return READ_ORDER.stream()
                    .filter(kind -> saved.get(field(kind)) != null)
                    .findFirst();
        }
        Object name = saved.get(kindField);
        for (CursorKind kind : CursorKind.values()) {
            if (kind.name().equals(name)) {
                return Optional.of(kind);
            }
        }
        throw new IllegalArgumentException(
                "the " + kindField + " field is " + name + ", not one of " + List.of(CursorKind.values()));
    }

    /**
     * Reads a checkpoint in this layout.
     *
     * @param saved the map
     * @return the checkpoint, or empty when the map holds none
     * @throws IllegalArgumentException if the map is not a checkpoint in this layout: the message says what is
     *                                  wrong
     */
    public Optional<Checkpoint> read(Map<?, ?> saved) {
        Optional<CursorKind> kind = kind(saved);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        String field = field(kind.get());
        Object value = saved.get(field);
        if (value == null) {
            throw new IllegalArgumentException("a " + kind.get() + " checkpoint has no " + field + " field");
        }
        if (flat
                && value instanceof String text
                && (kind.get() == CursorKind.KEYSET || kind.get() == CursorKind.VISITOR_DAYS)) {
            value = JsonValues.parse(text);
        }
        try {
            return Optional.of(checkpoint(kind.get(), value));
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "the " + field + " field does not hold a " + kind.get() + " checkpoint: " + value, e);
        }
    }

    private static Object value(Checkpoint checkpoint) {
        if (checkpoint instanceof Checkpoint.KeysetPosition position) {
            return position.key();
        }
        if (checkpoint instanceof Checkpoint.CoveredWindows covered) {
            return covered.windows().toJson();
        }
        if (checkpoint instanceof Checkpoint.VisitorDays days) {
            Map<String, Object> until = new LinkedHashMap<>();
            days.syncedUntil().forEach((id, instant) -> until.put(id, instant.toEpochMilli()));
            return until;
        }
        return ((Checkpoint.Refreshed) checkpoint).syncedAt().toEpochMilli();
    }

    private static Checkpoint checkpoint(CursorKind kind, Object value) {
        switch (kind) {
            case KEYSET:
                return new Checkpoint.KeysetPosition(keyset((List<?>) value));
            case TIME_WINDOWS:
                return new Checkpoint.CoveredWindows(WindowCheckpoint.parse((String) value));
            case VISITOR_DAYS:
                Map<String, Instant> days = new LinkedHashMap<>();
                ((Map<?, ?>) value).forEach((id, millis) -> days.put(String.valueOf(id), millis(millis)));
                return new Checkpoint.VisitorDays(days);
            default:
                return new Checkpoint.Refreshed(millis(value));
        }
    }

    private static List<Object> keyset(List<?> key) {
        for (Object part : key) {
            if (!(part instanceof String || part instanceof Number || part instanceof Boolean)) {
                throw new IllegalArgumentException("a keyset position is a non-empty list of strings, numbers or"
                        + " booleans; found " + part + " in " + key);
            }
        }
        return new ArrayList<>(key);
    }

    private static Instant millis(Object value) {
        return Instant.ofEpochMilli(((Number) value).longValue());
    }
}
