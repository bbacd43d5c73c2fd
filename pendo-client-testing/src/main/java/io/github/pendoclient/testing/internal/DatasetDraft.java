package io.github.pendoclient.testing.internal;

import io.github.pendoclient.testing.HourlyEvents;
import io.github.pendoclient.testing.MetadataType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The changing state behind {@code Dataset.Builder}: the rows added so far, the metadata schemas, and the conversion
 * of rows given as maps into {@link HourlyEvents}. {@link #contents()} freezes it into a {@link DatasetContents}. Not
 * thread-safe.
 */
public final class DatasetDraft {

    private static final String[] LISTS = {
        "visitors", "accounts", "features", "pages", "guides", "trackTypes", "segments", "reports"
    };

    private final Map<String, List<Map<String, Object>>> lists = new LinkedHashMap<>();
    private List<Map<String, Object>> generatedVisitors;
    private final Map<String, List<Map<String, Object>>> reportResults = new LinkedHashMap<>();
    private final Map<String, Map<String, Map<String, Object>>> visitorSchema = new LinkedHashMap<>();
    private final Map<String, Map<String, Map<String, Object>>> accountSchema = new LinkedHashMap<>();
    private final List<HourlyEvents> hourRows = new ArrayList<>();
    private final Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();

    /** An empty draft. */
    public DatasetDraft() {
        for (String name : LISTS) {
            lists.put(name, new ArrayList<>());
        }
    }

    /**
     * A draft holding everything a dataset holds, to change; generated visitors stay computed on demand unless
     * visitors are added.
     *
     * @param contents the dataset's contents
     * @return the draft
     */
    public static DatasetDraft of(DatasetContents contents) {
        DatasetDraft draft = new DatasetDraft();
        if (contents.visitorsGenerated()) {
            draft.generatedVisitors = contents.visitors();
        } else {
            draft.list("visitors").addAll(contents.visitors());
        }
        draft.list("accounts").addAll(contents.accounts());
        draft.list("features").addAll(contents.features());
        draft.list("pages").addAll(contents.pages());
        draft.list("guides").addAll(contents.guides());
        draft.list("trackTypes").addAll(contents.trackTypes());
        draft.list("segments").addAll(contents.segments());
        draft.list("reports").addAll(contents.reports());
        draft.reportResults.putAll(contents.reportResults());
        contents.visitorSchema().forEach((group, fields) -> draft.visitorSchema.put(group, copyFields(fields)));
        contents.accountSchema().forEach((group, fields) -> draft.accountSchema.put(group, copyFields(fields)));
        draft.hourRows.addAll(contents.hourRows());
        contents.rows().forEach((source, list) -> draft.rows.put(source, new ArrayList<>(list)));
        return draft;
    }

    /** A copy of a schema group whose entries may change ({@code sample}). */
    private static Map<String, Map<String, Object>> copyFields(Map<String, Map<String, Object>> fields) {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        fields.forEach((field, entry) -> copy.put(field, new LinkedHashMap<>(entry)));
        return copy;
    }

    /**
     * One of the catalog or people lists, to add to.
     *
     * @param name {@code visitors}, {@code accounts}, {@code features}, {@code pages}, {@code guides},
     *     {@code trackTypes}, {@code segments} or {@code reports}
     * @return the list
     */
    public List<Map<String, Object>> list(String name) {
        return Objects.requireNonNull(lists.get(name), name);
    }

    /**
     * Adds a visitor or an account with a copy of its metadata.
     *
     * @param list {@code visitors} or {@code accounts}
     * @param idField {@code visitorId} or {@code accountId}
     * @param id the id
     * @param metadata group to field to value
     */
    public void person(String list, String idField, String id, Map<String, ? extends Map<String, ?>> metadata) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put(idField, Objects.requireNonNull(id, idField));
        Map<String, Object> copy = new LinkedHashMap<>();
        metadata.forEach((group, fields) -> copy.put(group, new LinkedHashMap<>(fields)));
        person.put("metadata", copy);
        list(list).add(person);
    }

    /** Sets a report's results. */
    public void reportResults(String reportId, List<Map<String, Object>> results) {
        reportResults.put(reportId, List.copyOf(results));
    }

    /** The schema of {@code visitor} or {@code account}, to change. */
    public Map<String, Map<String, Map<String, Object>>> schema(String kind) {
        return kind.equals("account") ? accountSchema : visitorSchema;
    }

    /** Adds a schema field, or replaces its entry (keeping its place); returns this draft. */
    public DatasetDraft metadataField(String kind, String group, String field, String type) {
        schema(kind)
                .computeIfAbsent(group, g -> new LinkedHashMap<>())
                .put(field, Shapes.field(kind, group, field, type));
        return this;
    }

    /** Gives a defined field the optional {@code sample} member real schemas carry on some fields. */
    public DatasetDraft metadataSample(String kind, String group, String field, Object sample) {
        schema(kind).get(group).get(field).put("sample", sample);
        return this;
    }

    /**
     * Checks a metadata kind.
     *
     * @param kind the kind
     * @return the kind
     * @throws IllegalArgumentException unless it is {@code visitor} or {@code account}
     */
    public static String checkKind(String kind) {
        if (!"visitor".equals(kind) && !"account".equals(kind)) {
            throw new IllegalArgumentException("kind must be visitor or account, not " + kind);
        }
        return kind;
    }

    /** Adds a typed schema field, or gives it another type, after checking the arguments; returns this draft. */
    public DatasetDraft metadataField(String kind, String group, String field, MetadataType type) {
        return metadataField(
                checkKind(kind),
                Objects.requireNonNull(group, "group"),
                Objects.requireNonNull(field, "field"),
                type.pendoName());
    }

    /** Takes a field out of the schema, and its group when that was its last field. */
    public void removeMetadataField(String kind, String group, String field) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(field, "field");
        Map<String, Map<String, Object>> fields = schema(checkKind(kind)).get(group);
        if (fields != null) {
            fields.remove(field);
            if (fields.isEmpty()) {
                schema(kind).remove(group);
            }
        }
    }

    /** Adds an hour of events with the counters and times the builder's shortcuts give. */
    public void hourRow(
            HourlyEvents.Kind kind,
            String visitorId,
            String accountId,
            long appId,
            Instant hour,
            String objectId,
            int numEvents) {
        long start = hour.toEpochMilli() - Math.floorMod(hour.toEpochMilli(), 3_600_000L);
        hourRows.add(new HourlyEvents(
                kind,
                visitorId,
                accountId,
                appId,
                start,
                objectId,
                numEvents,
                Math.max(1, Math.min(60, numEvents)),
                start + 60_000L,
                start + 60_000L * Math.min(59, numEvents),
                "203.0.113.7",
                "Mozilla/5.0 (Macintosh)",
                "US"));
    }

    /** Adds rolled-up hourly rows as they are. */
    public void hourRows(List<HourlyEvents> rows) {
        hourRows.addAll(rows);
    }

    /**
     * Adds a row to any source; rows of the rolled-up sources become {@link HourlyEvents}.
     *
     * @param source the source name
     * @param row the row
     * @throws IllegalArgumentException if a rolled-up row has no {@code hour}
     */
    public void row(String source, Map<String, Object> row) {
        HourlyEvents.Kind kind = switch (source) {
            case "pageEvents" -> HourlyEvents.Kind.PAGE;
            case "featureEvents" -> HourlyEvents.Kind.FEATURE;
            case "trackEvents" -> HourlyEvents.Kind.TRACK;
            default -> null;
        };
        if (kind != null) {
            hourRows.add(hourRowOf(kind, row));
        } else {
            rows.computeIfAbsent(source, s -> new ArrayList<>()).add(new LinkedHashMap<>(row));
        }
    }

    private static HourlyEvents hourRowOf(HourlyEvents.Kind kind, Map<String, Object> row) {
        if (!(row.get("hour") instanceof Number hour)) {
            throw new IllegalArgumentException(kind.source() + " rows need an 'hour' in epoch milliseconds: " + row);
        }
        return new HourlyEvents(
                kind,
                (String) row.get("visitorId"),
                (String) row.get("accountId"),
                number(row.get("appId")),
                hour.longValue(),
                (String) row.get(kind.idField()),
                counter(row.get("numEvents")),
                counter(row.get("numMinutes")),
                number(row.get("firstTime")),
                number(row.get("lastTime")),
                (String) row.get("remoteIp"),
                (String) row.get("userAgent"),
                (String) row.get("country"));
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    /** A counter, whole or fractional as the row has it. */
    private static double counter(Object value) {
        return value instanceof Number number ? number.doubleValue() : 0;
    }

    /**
     * Adds generated content: the catalog lists by name ({@code visitors} computed on demand) and the hourly rows.
     *
     * @param catalog list name to rows
     * @param hourly the hourly rows
     */
    public void addAll(Map<String, List<Map<String, Object>>> catalog, List<HourlyEvents> hourly) {
        generatedVisitors = catalog.get("visitors");
        for (String name : LISTS) {
            if (!name.equals("visitors")) {
                list(name).addAll(catalog.getOrDefault(name, List.of()));
            }
        }
        hourRows.addAll(hourly);
    }

    /**
     * Freezes the draft; the draft may change afterwards without changing what it returned.
     *
     * @return the contents
     */
    public DatasetContents contents() {
        List<Map<String, Object>> visitors = list("visitors");
        boolean generated = generatedVisitors != null && visitors.isEmpty();
        List<Map<String, Object>> allVisitors;
        if (generated) {
            allVisitors = Collections.unmodifiableList(generatedVisitors);
        } else if (generatedVisitors != null) {
            List<Map<String, Object>> all = new ArrayList<>(generatedVisitors);
            all.addAll(visitors);
            allVisitors = List.copyOf(all);
        } else {
            allVisitors = List.copyOf(visitors);
        }
        Map<String, List<Map<String, Object>>> copy = new LinkedHashMap<>();
        rows.forEach((source, list) -> copy.put(source, List.copyOf(list)));
        return new DatasetContents(
                allVisitors,
                generated,
                List.copyOf(list("accounts")),
                List.copyOf(list("features")),
                List.copyOf(list("pages")),
                List.copyOf(list("guides")),
                List.copyOf(list("trackTypes")),
                List.copyOf(list("segments")),
                List.copyOf(list("reports")),
                Collections.unmodifiableMap(new LinkedHashMap<>(reportResults)),
                frozen(visitorSchema),
                frozen(accountSchema),
                List.copyOf(hourRows),
                Collections.unmodifiableMap(copy));
    }

    private static Map<String, Map<String, Map<String, Object>>> frozen(
            Map<String, Map<String, Map<String, Object>>> schema) {
        Map<String, Map<String, Map<String, Object>>> copy = new LinkedHashMap<>();
        schema.forEach((group, fields) -> copy.put(group, Collections.unmodifiableMap(copyFields(fields))));
        return Collections.unmodifiableMap(copy);
    }
}
