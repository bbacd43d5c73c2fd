package io.github.pendoclient.testing;

import io.github.pendoclient.testing.internal.DatasetJson;
import io.github.pendoclient.testing.internal.Shapes;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link FakePendo} knows: visitors, accounts, the catalog (features, pages, guides, track types), segments,
 * reports, metadata schemas, and event rows. Build one by hand ({@link #builder()}), load one from JSON
 * ({@link #fromJson(String)}), or generate a realistic one from a seed ({@link #generated(long, int)}). Immutable;
 * the maps it hands out are shared, so treat them as read-only.
 *
 * <p>Rolled-up events (page views, feature clicks, track events) are stored per hour; a {@code dayRange} query
 * adds them up per day, as Pendo does. Guide and poll events are one row each, with {@code browserTime}.
 */
public final class Dataset {

    /**
     * The subscription's default app: what a request that names no app covers, as in Pendo. An aggregation source
     * whose {@code appId} is null or absent ({@code {"features": null}}) and a catalog list without {@code expand=*}
     * or {@code appId} return this app's rows only (plus rows that belong to no app); {@code expandAppIds("*")} and
     * {@code expand=*} cover every app. Generated datasets use it for their web app.
     */
    public static final long DEFAULT_APP_ID = -323232L;

    private final List<Map<String, Object>> visitors;
    private final List<Map<String, Object>> accounts;
    private final List<Map<String, Object>> features;
    private final List<Map<String, Object>> pages;
    private final List<Map<String, Object>> guides;
    private final List<Map<String, Object>> trackTypes;
    private final List<Map<String, Object>> segments;
    private final List<Map<String, Object>> reports;
    private final Map<String, List<Map<String, Object>>> reportResults;
    private final Map<String, Map<String, Map<String, Object>>> visitorSchema;
    private final Map<String, Map<String, Map<String, Object>>> accountSchema;
    private final List<HourlyEvents> hourRows;
    private final Map<String, List<Map<String, Object>>> rows;
    private final boolean visitorsGenerated;

    private Dataset(Builder builder) {
        visitorsGenerated = builder.generatedVisitors != null && builder.visitors.isEmpty();
        if (visitorsGenerated) {
            this.visitors = Collections.unmodifiableList(builder.generatedVisitors);
        } else if (builder.generatedVisitors != null) {
            List<Map<String, Object>> all = new ArrayList<>(builder.generatedVisitors);
            all.addAll(builder.visitors);
            this.visitors = List.copyOf(all);
        } else {
            this.visitors = List.copyOf(builder.visitors);
        }
        this.accounts = List.copyOf(builder.accounts);
        this.features = List.copyOf(builder.features);
        this.pages = List.copyOf(builder.pages);
        this.guides = List.copyOf(builder.guides);
        this.trackTypes = List.copyOf(builder.trackTypes);
        this.segments = List.copyOf(builder.segments);
        this.reports = List.copyOf(builder.reports);
        this.reportResults = Collections.unmodifiableMap(new LinkedHashMap<>(builder.reportResults));
        this.visitorSchema = Collections.unmodifiableMap(new LinkedHashMap<>(builder.visitorSchema));
        this.accountSchema = Collections.unmodifiableMap(new LinkedHashMap<>(builder.accountSchema));
        this.hourRows = List.copyOf(builder.hourRows);
        Map<String, List<Map<String, Object>>> copy = new LinkedHashMap<>();
        builder.rows.forEach((source, list) -> copy.put(source, List.copyOf(list)));
        this.rows = Collections.unmodifiableMap(copy);
    }

    /**
     * An empty dataset.
     *
     * @return a dataset with nothing in it
     */
    public static Dataset empty() {
        return builder().build();
    }

    /**
     * A builder for a dataset made by hand.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding everything this dataset holds, to build a changed copy; this dataset is untouched. Generated
     * visitors stay computed on demand unless visitors are added.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        if (visitorsGenerated) {
            builder.generatedVisitors = visitors;
        } else {
            builder.visitors.addAll(visitors);
        }
        builder.accounts.addAll(accounts);
        builder.features.addAll(features);
        builder.pages.addAll(pages);
        builder.guides.addAll(guides);
        builder.trackTypes.addAll(trackTypes);
        builder.segments.addAll(segments);
        builder.reports.addAll(reports);
        builder.reportResults.putAll(reportResults);
        visitorSchema.forEach((group, fields) -> builder.visitorSchema.put(group, copyFields(fields)));
        accountSchema.forEach((group, fields) -> builder.accountSchema.put(group, copyFields(fields)));
        builder.hourRows.addAll(hourRows);
        rows.forEach((source, list) -> builder.rows.put(source, new ArrayList<>(list)));
        return builder;
    }

    /** A copy of a schema group whose entries the builder may change ({@code metadataSample}). */
    private static Map<String, Map<String, Object>> copyFields(Map<String, Map<String, Object>> fields) {
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        fields.forEach((field, entry) -> copy.put(field, new LinkedHashMap<>(entry)));
        return copy;
    }

    /**
     * A realistic dataset, the same for the same seed and size: {@code visitors} visitors (one in ten anonymous) with
     * metadata groups, a tenth as many accounts, two apps with pages, features, track types and guides (some with
     * polls), segments, reports, and 30 days of hourly events, guide events and poll events ending at the start of
     * the current UTC day. Use {@link #generator(long)} to choose the days and the end.
     *
     * @param seed the seed
     * @param visitors how many visitors
     * @return the dataset
     */
    public static Dataset generated(long seed, int visitors) {
        return generator(seed).visitors(visitors).build();
    }

    /**
     * A generator with more choices than {@link #generated(long, int)}.
     *
     * @param seed the seed
     * @return the generator
     */
    public static DatasetGenerator generator(long seed) {
        return new DatasetGenerator(seed);
    }

    /**
     * Loads a dataset written by {@link #toJson()}.
     *
     * @param json the JSON text
     * @return the dataset
     * @throws IllegalArgumentException if the text is not such a dataset
     */
    public static Dataset fromJson(String json) {
        try {
            return fromJson(DatasetJson.read(json));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not a dataset: " + e.getMessage(), e);
        }
    }

    /**
     * Loads a dataset written by {@link #toJson()}.
     *
     * @param in the JSON; not closed
     * @return the dataset
     * @throws IllegalArgumentException if the stream is not such a dataset
     */
    public static Dataset fromJson(InputStream in) {
        try {
            return fromJson(DatasetJson.read(in));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not a dataset: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Dataset fromJson(Map<String, Object> json) {
        Builder builder = builder();
        builder.visitors.addAll(DatasetJson.list(json, "visitors"));
        builder.accounts.addAll(DatasetJson.list(json, "accounts"));
        builder.features.addAll(DatasetJson.list(json, "features"));
        builder.pages.addAll(DatasetJson.list(json, "pages"));
        builder.guides.addAll(DatasetJson.list(json, "guides"));
        builder.trackTypes.addAll(DatasetJson.list(json, "trackTypes"));
        builder.segments.addAll(DatasetJson.list(json, "segments"));
        builder.reports.addAll(DatasetJson.list(json, "reports"));
        DatasetJson.object(json, "reportResults")
                .forEach((id, rows) -> builder.reportResults.put(id, (List<Map<String, Object>>) rows));
        Map<String, Object> schemas = DatasetJson.object(json, "metadataSchema");
        builder.visitorSchema.putAll((Map<String, Map<String, Map<String, Object>>>)
                (Map<String, ?>) DatasetJson.object(schemas, "visitor"));
        builder.accountSchema.putAll((Map<String, Map<String, Map<String, Object>>>)
                (Map<String, ?>) DatasetJson.object(schemas, "account"));
        DatasetJson.object(json, "rows")
                .forEach((source, list) -> ((List<Map<String, Object>>) list).forEach(row -> builder.row(source, row)));
        return builder.build();
    }

    /**
     * The dataset as JSON, for {@link #fromJson(String)} and the standalone server.
     *
     * @return the JSON text
     */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("visitors", visitors);
        json.put("accounts", accounts);
        json.put("features", features);
        json.put("pages", pages);
        json.put("guides", guides);
        json.put("trackTypes", trackTypes);
        json.put("segments", segments);
        json.put("reports", reports);
        json.put("reportResults", reportResults);
        json.put("metadataSchema", Map.of("visitor", visitorSchema, "account", accountSchema));
        Map<String, List<Map<String, Object>>> allRows = new LinkedHashMap<>();
        for (HourlyEvents row : hourRows) {
            allRows.computeIfAbsent(row.kind().source(), k -> new ArrayList<>()).add(row.toRow());
        }
        rows.forEach((source, list) ->
                allRows.computeIfAbsent(source, k -> new ArrayList<>()).addAll(list));
        json.put("rows", allRows);
        return DatasetJson.write(json);
    }

    /**
     * The visitors, as the {@code visitors} source returns them ({@code visitorId}, {@code metadata}).
     *
     * @return the visitors
     */
    public List<Map<String, Object>> visitors() {
        return visitors;
    }

    /**
     * The accounts ({@code accountId}, {@code metadata}).
     *
     * @return the accounts
     */
    public List<Map<String, Object>> accounts() {
        return accounts;
    }

    /**
     * The features.
     *
     * @return the features
     */
    public List<Map<String, Object>> features() {
        return features;
    }

    /**
     * The pages.
     *
     * @return the pages
     */
    public List<Map<String, Object>> pages() {
        return pages;
    }

    /**
     * The guides, with their steps and polls.
     *
     * @return the guides
     */
    public List<Map<String, Object>> guides() {
        return guides;
    }

    /**
     * The track types.
     *
     * @return the track types
     */
    public List<Map<String, Object>> trackTypes() {
        return trackTypes;
    }

    /**
     * The segments.
     *
     * @return the segments
     */
    public List<Map<String, Object>> segments() {
        return segments;
    }

    /**
     * The reports.
     *
     * @return the reports
     */
    public List<Map<String, Object>> reports() {
        return reports;
    }

    /**
     * A report's result rows ({@code GET /api/v1/report/{id}/results.json}).
     *
     * @param reportId the report id
     * @return the rows; empty for an unknown report
     */
    public List<Map<String, Object>> reportResults(String reportId) {
        return reportResults.getOrDefault(reportId, List.of());
    }

    /**
     * The metadata schema of visitors or accounts: group to field to its schema entry.
     *
     * @param kind {@code visitor} or {@code account}
     * @return the schema
     */
    public Map<String, Map<String, Map<String, Object>>> metadataSchema(String kind) {
        return kind.equals("account") ? accountSchema : visitorSchema;
    }

    /**
     * The hourly rolled-up event rows (page views, feature clicks, track events), compact; {@link
     * HourlyEvents#toRow()} gives Pendo's row shape.
     *
     * @return the rows
     */
    public List<HourlyEvents> hourRows() {
        return hourRows;
    }

    /**
     * The stored rows of any other source, for example {@code guideEvents} or {@code pollEvents}.
     *
     * @param source the source name
     * @return the rows; empty when none
     */
    public List<Map<String, Object>> rows(String source) {
        return rows.getOrDefault(source, List.of());
    }

    /**
     * The sources with stored rows, besides the rolled-up event sources.
     *
     * @return the source names
     */
    public java.util.Set<String> rowSources() {
        return rows.keySet();
    }

    /**
     * The time range the events cover: from the first hour to the end of the last.
     *
     * @return {@code [first, end)}, or null when there are no hourly events
     */
    public Instant[] eventRange() {
        if (hourRows.isEmpty()) {
            return null;
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (HourlyEvents row : hourRows) {
            first = Math.min(first, row.hour());
            last = Math.max(last, row.hour());
        }
        return new Instant[] {Instant.ofEpochMilli(first), Instant.ofEpochMilli(last + 3_600_000L)};
    }

    @Override
    public String toString() {
        return "Dataset{visitors=" + visitors.size() + ", accounts=" + accounts.size() + ", features="
                + features.size() + ", pages=" + pages.size() + ", guides=" + guides.size() + ", trackTypes="
                + trackTypes.size() + ", hourlyEventRows=" + hourRows.size() + ", otherRows=" + rows.keySet() + "}";
    }

    /** Builds a {@link Dataset} by hand; not thread-safe. */
    public static final class Builder {
        private final List<Map<String, Object>> visitors = new ArrayList<>();
        private List<Map<String, Object>> generatedVisitors;
        private final List<Map<String, Object>> accounts = new ArrayList<>();
        private final List<Map<String, Object>> features = new ArrayList<>();
        private final List<Map<String, Object>> pages = new ArrayList<>();
        private final List<Map<String, Object>> guides = new ArrayList<>();
        private final List<Map<String, Object>> trackTypes = new ArrayList<>();
        private final List<Map<String, Object>> segments = new ArrayList<>();
        private final List<Map<String, Object>> reports = new ArrayList<>();
        private final Map<String, List<Map<String, Object>>> reportResults = new LinkedHashMap<>();
        private final Map<String, Map<String, Map<String, Object>>> visitorSchema = new LinkedHashMap<>();
        private final Map<String, Map<String, Map<String, Object>>> accountSchema = new LinkedHashMap<>();
        private final List<HourlyEvents> hourRows = new ArrayList<>();
        private final Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Adds a visitor.
         *
         * @param visitorId the id; ids starting with {@code _PENDO_T_} are anonymous
         * @param metadata group to field to value, for example {@code auto -> lastupdated -> ...}
         * @return this builder
         */
        public Builder visitor(String visitorId, Map<String, ? extends Map<String, ?>> metadata) {
            Map<String, Object> visitor = new LinkedHashMap<>();
            visitor.put("visitorId", Objects.requireNonNull(visitorId, "visitorId"));
            visitor.put("metadata", copy(metadata));
            visitors.add(visitor);
            return this;
        }

        /**
         * Adds an account.
         *
         * @param accountId the id
         * @param metadata group to field to value
         * @return this builder
         */
        public Builder account(String accountId, Map<String, ? extends Map<String, ?>> metadata) {
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("accountId", Objects.requireNonNull(accountId, "accountId"));
            account.put("metadata", copy(metadata));
            accounts.add(account);
            return this;
        }

        private static Map<String, Object> copy(Map<String, ? extends Map<String, ?>> metadata) {
            Map<String, Object> copy = new LinkedHashMap<>();
            metadata.forEach((group, fields) -> copy.put(group, new LinkedHashMap<>(fields)));
            return copy;
        }

        /**
         * Adds a page with Pendo's other members filled in.
         *
         * @param id the id
         * @param appId the app
         * @param name the name
         * @return this builder
         */
        public Builder page(String id, long appId, String name) {
            pages.add(Shapes.page(id, appId, name, "/" + id, 1_700_000_000_000L));
            return this;
        }

        /**
         * Adds a feature with Pendo's other members filled in.
         *
         * @param id the id
         * @param appId the app
         * @param name the name
         * @return this builder
         */
        public Builder feature(String id, long appId, String name) {
            features.add(Shapes.feature(id, appId, name, "", 1_700_000_000_000L));
            return this;
        }

        /**
         * Adds a track type with Pendo's other members filled in.
         *
         * @param id the id
         * @param appId the app
         * @param name the event name
         * @return this builder
         */
        public Builder trackType(String id, long appId, String name) {
            trackTypes.add(Shapes.trackType(id, appId, name, 1_700_000_000_000L));
            return this;
        }

        /**
         * Adds a guide with the given number of steps and Pendo's other members filled in.
         *
         * @param id the id
         * @param appId the app
         * @param name the name
         * @param state for example {@code public} or {@code draft}
         * @param steps how many steps, at least 1
         * @return this builder
         */
        public Builder guide(String id, long appId, String name, String state, int steps) {
            guides.add(Shapes.guide(id, appId, name, state, steps, null, 1_700_000_000_000L));
            return this;
        }

        /**
         * Adds a segment.
         *
         * @param id the id
         * @param name the name
         * @return this builder
         */
        public Builder segment(String id, String name) {
            segments.add(Shapes.segment(id, name));
            return this;
        }

        /**
         * Adds a report and its result rows.
         *
         * @param id the id
         * @param name the name
         * @param results the rows of {@code results.json}
         * @return this builder
         */
        public Builder report(String id, String name, List<Map<String, Object>> results) {
            reports.add(Shapes.report(id, name));
            reportResults.put(id, List.copyOf(results));
            return this;
        }

        /**
         * Adds a field to the visitor or account metadata schema.
         *
         * @param kind {@code visitor} or {@code account}
         * @param group the group, for example {@code custom}
         * @param field the field name, lower case
         * @param type {@code string}, {@code integer}, {@code float}, {@code boolean} or {@code time}
         * @return this builder
         */
        public Builder metadataField(String kind, String group, String field, String type) {
            (kind.equals("account") ? accountSchema : visitorSchema)
                    .computeIfAbsent(group, g -> new LinkedHashMap<>())
                    .put(field, Shapes.field(kind, group, field, type));
            return this;
        }

        /**
         * Gives a defined metadata field the optional {@code sample} member real schemas carry on some fields.
         */
        Builder metadataSample(String kind, String group, String field, Object sample) {
            (kind.equals("account") ? accountSchema : visitorSchema)
                    .get(group)
                    .get(field)
                    .put("sample", sample);
            return this;
        }

        /**
         * Adds an hour of page views.
         *
         * @param visitorId the visitor
         * @param accountId the account
         * @param appId the app
         * @param hour the start of the hour
         * @param pageId the page
         * @param numEvents how many views
         * @return this builder
         */
        public Builder pageEvents(
                String visitorId, String accountId, long appId, Instant hour, String pageId, int numEvents) {
            return hourRow(HourlyEvents.Kind.PAGE, visitorId, accountId, appId, hour, pageId, numEvents);
        }

        /**
         * Adds an hour of feature clicks.
         *
         * @param visitorId the visitor
         * @param accountId the account
         * @param appId the app
         * @param hour the start of the hour
         * @param featureId the feature
         * @param numEvents how many clicks
         * @return this builder
         */
        public Builder featureEvents(
                String visitorId, String accountId, long appId, Instant hour, String featureId, int numEvents) {
            return hourRow(HourlyEvents.Kind.FEATURE, visitorId, accountId, appId, hour, featureId, numEvents);
        }

        /**
         * Adds an hour of track events.
         *
         * @param visitorId the visitor
         * @param accountId the account
         * @param appId the app
         * @param hour the start of the hour
         * @param trackTypeId the track type
         * @param numEvents how many events
         * @return this builder
         */
        public Builder trackEvents(
                String visitorId, String accountId, long appId, Instant hour, String trackTypeId, int numEvents) {
            return hourRow(HourlyEvents.Kind.TRACK, visitorId, accountId, appId, hour, trackTypeId, numEvents);
        }

        private Builder hourRow(
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
            return this;
        }

        /**
         * Adds a row to any source: a guide or poll event (with {@code browserTime}), or a row of a source this class
         * does not name. Rows of {@code pageEvents}, {@code featureEvents} and {@code trackEvents} must carry an
         * {@code hour}.
         *
         * @param source the source name
         * @param row the row
         * @return this builder
         */
        public Builder row(String source, Map<String, Object> row) {
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
            return this;
        }

        private static HourlyEvents hourRowOf(HourlyEvents.Kind kind, Map<String, Object> row) {
            if (!(row.get("hour") instanceof Number hour)) {
                throw new IllegalArgumentException(
                        kind.source() + " rows need an 'hour' in epoch milliseconds: " + row);
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
         * Adds generated content.
         */
        Builder addAll(Map<String, List<Map<String, Object>>> catalog, List<HourlyEvents> hourly) {
            generatedVisitors = catalog.get("visitors");
            accounts.addAll(catalog.getOrDefault("accounts", List.of()));
            features.addAll(catalog.getOrDefault("features", List.of()));
            pages.addAll(catalog.getOrDefault("pages", List.of()));
            guides.addAll(catalog.getOrDefault("guides", List.of()));
            trackTypes.addAll(catalog.getOrDefault("trackTypes", List.of()));
            segments.addAll(catalog.getOrDefault("segments", List.of()));
            reports.addAll(catalog.getOrDefault("reports", List.of()));
            hourRows.addAll(hourly);
            return this;
        }

        /**
         * Sets a report's results.
         */
        Builder reportResults(String reportId, List<Map<String, Object>> results) {
            reportResults.put(reportId, List.copyOf(results));
            return this;
        }

        /**
         * Builds the dataset.
         *
         * @return the dataset
         */
        public Dataset build() {
            return new Dataset(this);
        }
    }
}
