package io.github.pendoclient.testing;

import io.github.pendoclient.testing.internal.DatasetContents;
import io.github.pendoclient.testing.internal.DatasetDraft;
import io.github.pendoclient.testing.internal.DatasetJson;
import io.github.pendoclient.testing.internal.Frozen;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link FakePendo} knows: visitors, accounts, the catalog (features, pages, guides, track types), segments,
 * reports, metadata schemas, and event rows. Build one by hand ({@link #builder()}), load one from JSON
 * ({@link #fromJson(String)}), or generate a realistic one from a seed ({@link #generated(long, int)}). Immutable:
 * its rows are records ({@link VisitorRow}, {@link AccountRow}, {@link CatalogRow}, {@link GuideRow},
 * {@link SegmentRow}, {@link ReportRow}, {@link MetadataField}, {@link HourlyEvents}) the fake turns into Pendo's JSON
 * when it serves them; report results and the rows of other sources are maps, shared, so treat them as read-only.
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

    private final DatasetContents contents;

    private Dataset(DatasetContents contents) {
        this.contents = contents;
    }

    /** The dataset a draft describes (for {@link DatasetGenerator}). */
    static Dataset of(DatasetDraft draft) {
        return new Dataset(draft.contents());
    }

    /** {@return an empty dataset} */
    public static Dataset empty() {
        return builder().build();
    }

    /** {@return an empty builder, for a dataset made by hand} */
    public static Builder builder() {
        return new Builder(new DatasetDraft());
    }

    /**
     * A builder holding everything this dataset holds, to build a changed copy; this dataset is untouched. Generated
     * visitors stay computed on demand unless visitors are added.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(DatasetDraft.of(contents));
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
        return of(DatasetJson.parse(json));
    }

    /**
     * Loads a dataset written by {@link #toJson()}.
     *
     * @param in the JSON; not closed
     * @return the dataset
     * @throws IllegalArgumentException if the stream is not such a dataset
     */
    public static Dataset fromJson(InputStream in) {
        return of(DatasetJson.parse(in));
    }

    /** {@return the dataset as JSON, for {@link #fromJson(String)} and the standalone server} */
    public String toJson() {
        return DatasetJson.write(contents);
    }

    /**
     * {@return the visitors; the {@code visitors} source serves each as {@code visitorId} and {@code metadata}} Those
     * of a generated dataset are computed when read, so a million cost no memory.
     */
    public List<VisitorRow> visitors() {
        return contents.visitors();
    }

    /** {@return the accounts; the {@code accounts} source serves each as {@code accountId} and {@code metadata}} */
    public List<AccountRow> accounts() {
        return contents.accounts();
    }

    /** {@return the features} */
    public List<CatalogRow> features() {
        return contents.features();
    }

    /** {@return the pages} */
    public List<CatalogRow> pages() {
        return contents.pages();
    }

    /** {@return the guides, with their states and steps} */
    public List<GuideRow> guides() {
        return contents.guides();
    }

    /** {@return the track types} */
    public List<CatalogRow> trackTypes() {
        return contents.trackTypes();
    }

    /** {@return the segments} */
    public List<SegmentRow> segments() {
        return contents.segments();
    }

    /** {@return the reports; {@link #reportResults(String)} gives each one's result rows} */
    public List<ReportRow> reports() {
        return contents.reports();
    }

    /**
     * A report's result rows ({@code GET /api/v1/report/{id}/results.json}), as given; treat them as read-only.
     *
     * @param reportId the report id
     * @return the rows; empty for an unknown report
     */
    public List<Map<String, Object>> reportResults(String reportId) {
        return contents.reportResults().getOrDefault(reportId, List.of());
    }

    /**
     * The metadata schema of visitors or accounts: group to field to its schema entry.
     *
     * @param kind {@code visitor} or {@code account}
     * @return the schema, unmodifiable
     */
    public Map<String, Map<String, MetadataField>> metadataSchema(String kind) {
        return contents.schema(kind);
    }

    /**
     * {@return the hourly rolled-up event rows (page views, feature clicks, track events), compact}
     * {@link HourlyEvents#toRow()} gives Pendo's row shape.
     */
    public List<HourlyEvents> hourRows() {
        return contents.hourRows();
    }

    /**
     * The stored rows of any other source, for example {@code guideEvents} or {@code pollEvents}.
     *
     * @param source the source name
     * @return the rows; empty when none
     */
    public List<Map<String, Object>> rows(String source) {
        return contents.rows().getOrDefault(source, List.of());
    }

    /** {@return the sources with stored rows, besides the rolled-up event sources} */
    public Set<String> rowSources() {
        return contents.rows().keySet();
    }

    /**
     * The time range the hourly events cover: from the first hour to the end of the last.
     *
     * @return the range; empty when there are no hourly events
     */
    public Optional<EventRange> eventRange() {
        return contents.eventRange();
    }

    @Override
    public String toString() {
        return "Dataset{visitors=" + contents.visitors().size() + ", accounts="
                + contents.accounts().size()
                + ", features=" + contents.features().size() + ", pages="
                + contents.pages().size() + ", guides="
                + contents.guides().size() + ", trackTypes="
                + contents.trackTypes().size() + ", hourlyEventRows="
                + contents.hourRows().size() + ", otherRows=" + contents.rows().keySet() + "}";
    }

    /** Builds a {@link Dataset} by hand; not thread-safe. */
    public static final class Builder {
        private final DatasetDraft draft;

        private Builder(DatasetDraft draft) {
            this.draft = draft;
        }

        /**
         * Adds a visitor.
         *
         * @param visitorId the id; ids starting with {@code _PENDO_T_} are anonymous
         * @param metadata group to field to value, for example {@code auto -> lastupdated -> ...}
         * @return this builder
         */
        public Builder visitor(String visitorId, Map<String, ? extends Map<String, ?>> metadata) {
            draft.visitors().add(new VisitorRow(visitorId, Frozen.metadata(metadata, "Visitor " + visitorId + ":")));
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
            draft.accounts().add(new AccountRow(accountId, Frozen.metadata(metadata, "Account " + accountId + ":")));
            return this;
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
            draft.page(id, appId, name);
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
            draft.feature(id, appId, name);
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
            draft.trackType(id, appId, name);
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
            draft.guide(id, appId, name, state, steps);
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
            draft.segment(id, name);
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
            draft.report(id, name, results);
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
            draft.metadataField(kind, group, field, type);
            return this;
        }

        /**
         * Adds a field to the visitor or account metadata schema, or gives an existing field another type.
         *
         * @param kind {@code visitor} or {@code account}
         * @param group the group, for example {@code custom}
         * @param field the field name, lower case
         * @param type the type
         * @return this builder
         * @throws IllegalArgumentException if the kind is neither
         */
        public Builder metadataField(String kind, String group, String field, MetadataType type) {
            draft.metadataField(kind, group, field, type);
            return this;
        }

        /**
         * Takes a field out of the visitor or account metadata schema (and its group, if that was its last field);
         * nothing happens if there is no such field. Values of the field stay where rows have them.
         *
         * @param kind {@code visitor} or {@code account}
         * @param group the group
         * @param field the field name
         * @return this builder
         * @throws IllegalArgumentException if the kind is neither
         */
        public Builder removeMetadataField(String kind, String group, String field) {
            draft.removeMetadataField(kind, group, field);
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
            draft.hourRow(HourlyEvents.Kind.PAGE, visitorId, accountId, appId, hour, pageId, numEvents);
            return this;
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
            draft.hourRow(HourlyEvents.Kind.FEATURE, visitorId, accountId, appId, hour, featureId, numEvents);
            return this;
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
            draft.hourRow(HourlyEvents.Kind.TRACK, visitorId, accountId, appId, hour, trackTypeId, numEvents);
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
            draft.row(source, row);
            return this;
        }

        /** {@return the dataset built} */
        public Dataset build() {
            return new Dataset(draft.contents());
        }
    }
}
