package io.github.pendoclient.testing;

import static io.github.pendoclient.testing.internal.GeneratedVisitors.TIERS;
import static io.github.pendoclient.testing.internal.Shapes.ordered;

import io.github.pendoclient.testing.internal.DatasetDraft;
import io.github.pendoclient.testing.internal.GeneratedCatalog;
import io.github.pendoclient.testing.internal.GeneratedCatalog.App;
import io.github.pendoclient.testing.internal.GeneratedEvents;
import io.github.pendoclient.testing.internal.GeneratedEvents.Activity;
import io.github.pendoclient.testing.internal.GeneratedVisitors;
import io.github.pendoclient.testing.internal.RowsFromJson;
import io.github.pendoclient.testing.internal.TypedMetadata;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Generates a realistic {@link Dataset}, the same for the same seed and settings. Not thread-safe; each
 * {@link #build()} generates afresh.
 *
 * <ul>
 *   <li>Two apps: {@code -323232} (web, the default app of older subscriptions) and {@code 5629499534213120}
 *       (mobile), each with pages, features, track types and guides; two guides carry polls (NPS and free
 *       text).</li>
 *   <li>Visitors: one in ten anonymous ({@code _PENDO_T_...}); the rest carry {@code agent}, {@code auto},
 *       {@code auto__<appId without its sign>}, {@code custom} and {@code salesforce} metadata; custom numbers
 *       arrive now and then as numeric strings or fractions, as in real subscriptions.
 *       {@code metadata.auto.lastupdated} is rounded to the hour, so many visitors share it, as in real subscriptions; a few ids contain quotes and
 *       backslashes, as scanner traffic produces.</li>
 *   <li>Accounts, segments, reports with results, and metadata schemas for both kinds; with
 *       {@link #typedMetadata()}, typed fields of every schema type in several groups, and schema changes between two
 *       runs with {@link #metadataField(String, String, String, MetadataType)} and
 *       {@link #removeMetadataField(String, String, String)}.</li>
 *   <li>Per day, about one identified visitor in twenty-five is active for an hour or two: page views, feature
 *       clicks and track events per hour, guide events and poll responses. One hourly row in eight carries a
 *       fractional {@code numEvents} or {@code numMinutes}, and one guide or poll row in eight a fractional
 *       {@code loadTime}, as real subscriptions sometimes send counters.</li>
 * </ul>
 */
public final class DatasetGenerator {

    /** The web app's id: the subscription's default app, {@link Dataset#DEFAULT_APP_ID}. */
    public static final long WEB_APP = Dataset.DEFAULT_APP_ID;
    /** The mobile app's id. */
    public static final long MOBILE_APP = 5629499534213120L;

    private final long seed;
    private int visitors = 1_000;
    private int accounts = -1;
    private int days = 30;
    private Instant end;
    private final TypedMetadata typed = new TypedMetadata();

    DatasetGenerator(long seed) {
        this.seed = seed;
    }

    /**
     * Sets how many visitors.
     *
     * @param count at least 1
     * @return this generator
     */
    public DatasetGenerator visitors(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("visitors must be at least 1, was " + count);
        }
        this.visitors = count;
        return this;
    }

    /**
     * Sets how many accounts; a tenth of the visitors by default.
     *
     * @param count at least 1
     * @return this generator
     */
    public DatasetGenerator accounts(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("accounts must be at least 1, was " + count);
        }
        this.accounts = count;
        return this;
    }

    /**
     * Sets how many days of events, ending at {@link #endingAt(Instant)}.
     *
     * @param count 0 or more; 30 by default
     * @return this generator
     */
    public DatasetGenerator days(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("days must not be negative, was " + count);
        }
        this.days = count;
        return this;
    }

    /**
     * Sets where the events end (exclusive); it is rounded down to a UTC day. By default, the start of the current UTC
     * day.
     *
     * @param end the end
     * @return this generator
     */
    public DatasetGenerator endingAt(Instant end) {
        this.end = end;
        return this;
    }

    /**
     * Adds the typed metadata fixture: schema fields of every type ({@code string}, {@code float}, {@code integer},
     * {@code boolean}, {@code time} in epoch milliseconds, {@code list}, {@code object}) in the groups {@code agent},
     * {@code custom}, {@code salesforce} and {@code hubspot}, with values on every identified visitor and every
     * account, and schema entries for the built-in {@code auto} fields. About one value in twenty-three disagrees
     * with its schema as real subscriptions send (a numeric string such as {@code "42"} for a {@code float},
     * {@code integer} or {@code time} field, {@code "true"} for a {@code boolean}, a number for a {@code string}, one
     * string for a {@code list}, JSON text for an {@code object}), and about one in twenty-nine is {@code null}.
     * Which rows disagree is the fake's choice; Pendo does not say how often it happens.
     *
     * @return this generator
     */
    public DatasetGenerator typedMetadata() {
        typed.addFixture();
        return this;
    }

    /**
     * Adds a metadata field to the schema, or gives an existing one another type, with generated values of that type
     * (and the occasional disagreeing value, as {@link #typedMetadata()} describes) on every identified visitor or
     * every account. Every other value stays what it was for the seed, so a test can build the dataset of a second
     * run after the schema changed and serve it with {@link FakePendo#replaceDataset(Dataset)}. The rows'
     * {@code auto.lastupdated} does not move: an incremental sync sees the new values only on rows it reads again.
     *
     * @param kind {@code visitor} or {@code account}
     * @param group the group, for example {@code custom}
     * @param field the field name, lower case
     * @param type the type
     * @return this generator
     */
    public DatasetGenerator metadataField(String kind, String group, String field, MetadataType type) {
        typed.put(
                DatasetDraft.checkKind(kind),
                Objects.requireNonNull(group, "group"),
                Objects.requireNonNull(field, "field"),
                Objects.requireNonNull(type, "type"));
        return this;
    }

    /**
     * Takes a metadata field out of the schema and its values out of every row, as when Pendo deletes a field (the
     * fake's guess: Pendo does not document what a deleted field's values become).
     *
     * @param kind {@code visitor} or {@code account}
     * @param group the group
     * @param field the field name
     * @return this generator
     */
    public DatasetGenerator removeMetadataField(String kind, String group, String field) {
        typed.remove(
                DatasetDraft.checkKind(kind),
                Objects.requireNonNull(group, "group"),
                Objects.requireNonNull(field, "field"));
        return this;
    }

    /**
     * Generates the dataset.
     *
     * @return the dataset
     */
    public Dataset build() {
        long endDay =
                (end == null ? Instant.now() : end).truncatedTo(ChronoUnit.DAYS).toEpochMilli();
        Random random = new Random(seed);
        Map<String, List<Map<String, Object>>> catalog = new LinkedHashMap<>();
        TypedMetadata typed = this.typed.copy();
        Map<Long, App> apps = GeneratedCatalog.catalogObjects(random, endDay, catalog);
        DatasetDraft builder = new DatasetDraft();
        catalog.get("pages").forEach(page -> builder.pages().add(RowsFromJson.catalog(page, "pages")));
        catalog.get("features").forEach(feature -> builder.features().add(RowsFromJson.catalog(feature, "features")));
        catalog.get("trackTypes").forEach(type -> builder.trackTypes().add(RowsFromJson.catalog(type, "trackTypes")));
        catalog.get("guides").forEach(guide -> builder.guides().add(RowsFromJson.guide(guide, "guides")));
        int accountCount = accounts > 0 ? accounts : Math.max(1, visitors / 10);
        List<String> accountIds =
                GeneratedCatalog.accounts(random, endDay, builder.accounts(), accountCount, days, seed, typed);
        GeneratedVisitors visitorRows = new GeneratedVisitors(seed, visitors, accountIds, endDay, days, typed);
        builder.generatedVisitors(visitorRows);
        builder.segment("seg-admins", "Admins");
        builder.segment("seg-enterprise", "Enterprise accounts");
        builder.segment("seg-beta", "Beta opt-in");
        Activity activity = GeneratedEvents.activity(seed, days, visitors, endDay, apps, visitorRows);
        builder.hourRows(activity.hourly);
        activity.guideEvents.forEach(row -> builder.row("guideEvents", row));
        activity.pollEvents.forEach(row -> builder.row("pollEvents", row));
        builder.report(
                "rep-active",
                "Active visitors",
                List.of(
                        ordered("visitorId", "v-000000", "daysActive", 12L),
                        ordered("visitorId", "v-000001", "daysActive", 7L)));
        builder.report(
                "rep-pages",
                "Top pages",
                List.of(ordered("pageId", builder.pages().get(0).id(), "views", 1234L)));
        schemas(builder);
        for (String kind : new String[] {"visitor", "account"}) {
            typed.schema(kind).forEach(field -> builder.metadataField(kind, field[0], field[1], field[2]));
            typed.removed(kind).forEach(field -> builder.removeMetadataField(kind, field[0], field[1]));
        }
        return Dataset.of(builder);
    }

    private static void schemas(DatasetDraft builder) {
        for (String kind : new String[] {"visitor", "account"}) {
            builder.metadataField(kind, "auto", "firstvisit", "time")
                    .metadataField(kind, "auto", "lastvisit", "time")
                    .metadataField(kind, "auto", "lastupdated", "time");
        }
        builder.metadataField("visitor", "agent", "email", "string")
                .metadataField("visitor", "agent", "name", "string")
                .metadataField("visitor", "agent", "role", "string")
                .metadataField("visitor", "custom", "plan_tier", "string")
                .metadataField("visitor", "custom", "seats", "integer")
                .metadataField("visitor", "custom", "beta_opt_in", "boolean")
                .metadataField("visitor", "custom", "renewal", "time")
                .metadataField("account", "agent", "name", "string")
                .metadataField("account", "agent", "plan", "string")
                .metadataField("account", "custom", "seats", "integer")
                .metadataField("account", "custom", "region", "string");
        // Real schemas carry an optional sample value on some fields (API reference §7.7, §7.10).
        builder.metadataSample("visitor", "agent", "email", "user0@example.com")
                .metadataSample("visitor", "custom", "plan_tier", TIERS.get(1))
                .metadataSample("account", "agent", "plan", TIERS.get(2));
    }
}
