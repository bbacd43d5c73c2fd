package io.github.pendoclient.testing.internal;

import io.github.pendoclient.testing.AccountRow;
import io.github.pendoclient.testing.CatalogRow;
import io.github.pendoclient.testing.GuideRow;
import io.github.pendoclient.testing.HourlyEvents;
import io.github.pendoclient.testing.MetadataField;
import io.github.pendoclient.testing.MetadataType;
import io.github.pendoclient.testing.ReportRow;
import io.github.pendoclient.testing.SegmentRow;
import io.github.pendoclient.testing.VisitorRow;
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

    /** When the rows the builder's shortcuts add were last updated. */
    private static final long UPDATED = 1_700_000_000_000L;

    private final List<VisitorRow> visitors = new ArrayList<>();
    private List<VisitorRow> generatedVisitors;
    private final List<AccountRow> accounts = new ArrayList<>();
    private final List<CatalogRow> features = new ArrayList<>();
    private final List<CatalogRow> pages = new ArrayList<>();
    private final List<GuideRow> guides = new ArrayList<>();
    private final List<CatalogRow> trackTypes = new ArrayList<>();
    private final List<SegmentRow> segments = new ArrayList<>();
    private final List<ReportRow> reports = new ArrayList<>();
    private final Map<String, List<Map<String, Object>>> reportResults = new LinkedHashMap<>();
    private final Map<String, Map<String, MetadataField>> visitorSchema = new LinkedHashMap<>();
    private final Map<String, Map<String, MetadataField>> accountSchema = new LinkedHashMap<>();
    private final List<HourlyEvents> hourRows = new ArrayList<>();
    private final Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();

    /** An empty draft. */
    public DatasetDraft() {}

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
            draft.visitors.addAll(contents.visitors());
        }
        draft.accounts.addAll(contents.accounts());
        draft.features.addAll(contents.features());
        draft.pages.addAll(contents.pages());
        draft.guides.addAll(contents.guides());
        draft.trackTypes.addAll(contents.trackTypes());
        draft.segments.addAll(contents.segments());
        draft.reports.addAll(contents.reports());
        draft.reportResults.putAll(contents.reportResults());
        contents.visitorSchema()
                .forEach((group, fields) -> draft.visitorSchema.put(group, new LinkedHashMap<>(fields)));
        contents.accountSchema()
                .forEach((group, fields) -> draft.accountSchema.put(group, new LinkedHashMap<>(fields)));
        draft.hourRows.addAll(contents.hourRows());
        contents.rows().forEach((source, list) -> draft.rows.put(source, new ArrayList<>(list)));
        return draft;
    }

    /** {@return the visitors added, to add to} */
    public List<VisitorRow> visitors() {
        return visitors;
    }

    /** {@return the accounts, to add to} */
    public List<AccountRow> accounts() {
        return accounts;
    }

    /** {@return the features, to add to} */
    public List<CatalogRow> features() {
        return features;
    }

    /** {@return the pages, to add to} */
    public List<CatalogRow> pages() {
        return pages;
    }

    /** {@return the guides, to add to} */
    public List<GuideRow> guides() {
        return guides;
    }

    /** {@return the track types, to add to} */
    public List<CatalogRow> trackTypes() {
        return trackTypes;
    }

    /** {@return the segments, to add to} */
    public List<SegmentRow> segments() {
        return segments;
    }

    /** {@return the reports, to add to} */
    public List<ReportRow> reports() {
        return reports;
    }

    /** Sets the visitors computed on demand; visitors added besides them come after them. */
    public void generatedVisitors(List<VisitorRow> generated) {
        generatedVisitors = generated;
    }

    /** Adds a page with Pendo's other members filled in. */
    public void page(String id, long appId, String name) {
        pages.add(RowsFromJson.catalog(
                Shapes.page(Objects.requireNonNull(id, "A page needs an id, not null"), appId, name, "/" + id, UPDATED),
                "page " + id));
    }

    /** Adds a feature with Pendo's other members filled in. */
    public void feature(String id, long appId, String name) {
        features.add(RowsFromJson.catalog(
                Shapes.feature(Objects.requireNonNull(id, "A feature needs an id, not null"), appId, name, "", UPDATED),
                "feature " + id));
    }

    /** Adds a track type with Pendo's other members filled in. */
    public void trackType(String id, long appId, String name) {
        trackTypes.add(RowsFromJson.catalog(
                Shapes.trackType(
                        Objects.requireNonNull(id, "A track type needs an id, not null"), appId, name, UPDATED),
                "track type " + id));
    }

    /** Adds a guide with steps and Pendo's other members filled in. */
    public void guide(String id, long appId, String name, String state, int steps) {
        Objects.requireNonNull(id, "A guide needs an id, not null");
        guides.add(RowsFromJson.guide(GuideShapes.guide(id, appId, name, state, steps, null, UPDATED), "guide " + id));
    }

    /** Adds a segment with Pendo's other members filled in. */
    public void segment(String id, String name) {
        Objects.requireNonNull(id, "A segment needs an id, not null");
        segments.add(RowsFromJson.segment(Shapes.segment(id, name), "segment " + id));
    }

    /** Adds a report with Pendo's other members filled in, and its results. */
    public void report(String id, String name, List<Map<String, Object>> results) {
        Objects.requireNonNull(id, "A report needs an id, not null");
        reports.add(RowsFromJson.report(Shapes.report(id, name), "report " + id));
        reportResults(id, results);
    }

    /** Sets a report's results. */
    public void reportResults(String reportId, List<Map<String, Object>> results) {
        reportResults.put(reportId, List.copyOf(results));
    }

    /** The schema of {@code visitor} or {@code account}, to change. */
    public Map<String, Map<String, MetadataField>> schema(String kind) {
        return kind.equals("account") ? accountSchema : visitorSchema;
    }

    /** Adds a schema field, or replaces its entry (keeping its place); returns this draft. */
    public DatasetDraft metadataField(String kind, String group, String field, String type) {
        schema(kind)
                .computeIfAbsent(group, g -> new LinkedHashMap<>())
                .put(
                        field,
                        RowsFromJson.field(Shapes.field(kind, group, field, type), kind + "." + group + "." + field));
        return this;
    }

    /** Gives a defined field the optional {@code sample} member real schemas carry on some fields. */
    public DatasetDraft metadataSample(String kind, String group, String field, Object sample) {
        Map<String, MetadataField> fields = schema(kind).get(group);
        MetadataField entry = fields.get(field);
        Map<String, Object> members = new LinkedHashMap<>(entry.members());
        members.put("sample", sample);
        fields.put(field, new MetadataField(entry.type(), members));
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
        Map<String, MetadataField> fields = schema(checkKind(kind)).get(group);
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
     * Freezes the draft; the draft may change afterwards without changing what it returned.
     *
     * @return the contents
     */
    public DatasetContents contents() {
        boolean generated = generatedVisitors != null && visitors.isEmpty();
        List<VisitorRow> allVisitors;
        if (generated) {
            allVisitors = Collections.unmodifiableList(generatedVisitors);
        } else if (generatedVisitors != null) {
            List<VisitorRow> all = new ArrayList<>(generatedVisitors);
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
                List.copyOf(accounts),
                List.copyOf(features),
                List.copyOf(pages),
                List.copyOf(guides),
                List.copyOf(trackTypes),
                List.copyOf(segments),
                List.copyOf(reports),
                Collections.unmodifiableMap(new LinkedHashMap<>(reportResults)),
                frozen(visitorSchema),
                frozen(accountSchema),
                List.copyOf(hourRows),
                Collections.unmodifiableMap(copy));
    }

    private static Map<String, Map<String, MetadataField>> frozen(Map<String, Map<String, MetadataField>> schema) {
        Map<String, Map<String, MetadataField>> copy = new LinkedHashMap<>();
        schema.forEach((group, fields) -> copy.put(group, Collections.unmodifiableMap(new LinkedHashMap<>(fields))));
        return Collections.unmodifiableMap(copy);
    }
}
