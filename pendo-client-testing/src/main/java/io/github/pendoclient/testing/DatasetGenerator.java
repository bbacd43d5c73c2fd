package io.github.pendoclient.testing;

import static io.github.pendoclient.testing.internal.GeneratedVisitors.TIERS;
import static io.github.pendoclient.testing.internal.GeneratedVisitors.varied;
import static io.github.pendoclient.testing.internal.Shapes.ordered;

import io.github.pendoclient.testing.internal.GeneratedVisitors;
import io.github.pendoclient.testing.internal.Shapes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *       arrive now and then as numeric strings or fractions, as in real subscriptions. {@code metadata.auto.lastupdated} is
 *       rounded to the hour, so many visitors share it, as in real subscriptions; a few ids contain quotes and
 *       backslashes, as scanner traffic produces.</li>
 *   <li>Accounts, segments, reports with results, and metadata schemas for both kinds.</li>
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

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private static final String[] PAGE_NAMES = {
        "Dashboard", "Invoices", "Reports", "Settings", "Billing", "Team", "Integrations", "Help"
    };
    private static final String[] FEATURE_NAMES = {
        "Export CSV",
        "Generate PDF",
        "Invite User",
        "Save Filter",
        "Open Help",
        "Upgrade Plan",
        "Connect Slack",
        "Search",
        "Share Report",
        "Archive",
        "Duplicate",
        "Print"
    };
    private static final String[] TRACK_NAMES = {"Report Exported", "Invoice Paid", "User Invited", "Plan Upgraded"};
    private static final String[] AGENTS = {
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Chrome/120.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/121.0",
        "PendoMobile/3.2 (iPhone; iOS 17.1)"
    };
    private static final String[] COUNTRIES = {"US", "DE", "FR", "JP", "AU", "GB"};

    private final long seed;
    private int visitors = 1_000;
    private int accounts = -1;
    private int days = 30;
    private Instant end;

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
     * Generates the dataset.
     *
     * @return the dataset
     */
    public Dataset build() {
        long endDay =
                (end == null ? Instant.now() : end).truncatedTo(ChronoUnit.DAYS).toEpochMilli();
        Random random = new Random(seed);
        Map<String, List<Map<String, Object>>> catalog = new LinkedHashMap<>();
        Map<Long, App> apps = catalogObjects(random, endDay, catalog);
        List<String> accountIds = accounts(random, endDay, catalog);
        GeneratedVisitors visitorRows = new GeneratedVisitors(seed, visitors, accountIds, endDay, days);
        catalog.put("visitors", visitorRows);
        catalog.put(
                "segments",
                List.of(
                        Shapes.segment("seg-admins", "Admins"),
                        Shapes.segment("seg-enterprise", "Enterprise accounts"),
                        Shapes.segment("seg-beta", "Beta opt-in")));
        catalog.put(
                "reports",
                List.of(Shapes.report("rep-active", "Active visitors"), Shapes.report("rep-pages", "Top pages")));
        Activity activity = activity(endDay, apps, visitorRows);
        Dataset.Builder builder = Dataset.builder().addAll(catalog, activity.hourly);
        activity.guideEvents.forEach(row -> builder.row("guideEvents", row));
        activity.pollEvents.forEach(row -> builder.row("pollEvents", row));
        builder.reportResults(
                "rep-active",
                List.of(
                        ordered("visitorId", "v-000000", "daysActive", 12L),
                        ordered("visitorId", "v-000001", "daysActive", 7L)));
        builder.reportResults(
                "rep-pages",
                List.of(ordered("pageId", catalog.get("pages").get(0).get("id"), "views", 1234L)));
        schemas(builder);
        return builder.build();
    }

    /** Step 1: pages, features, track types and guides of both apps, into {@code catalog}; the apps' ids. */
    @SuppressWarnings("unchecked")
    private Map<Long, App> catalogObjects(Random random, long endDay, Map<String, List<Map<String, Object>>> catalog) {
        List<Map<String, Object>> pages = new ArrayList<>();
        List<Map<String, Object>> features = new ArrayList<>();
        List<Map<String, Object>> trackTypes = new ArrayList<>();
        List<Map<String, Object>> guides = new ArrayList<>();
        Map<Long, App> apps = new LinkedHashMap<>();
        for (long appId : new long[] {WEB_APP, MOBILE_APP}) {
            App app = new App(appId);
            apps.put(appId, app);
            String tag = appId == WEB_APP ? "w" : "m";
            for (int i = 0; i < PAGE_NAMES.length; i++) {
                String id = pendoId(random, "pg" + tag + i);
                app.pages.add(id);
                pages.add(Shapes.page(
                        id, appId, PAGE_NAMES[i], "/" + PAGE_NAMES[i].toLowerCase(), updatedAt(random, endDay)));
            }
            for (int i = 0; i < FEATURE_NAMES.length; i++) {
                String id = pendoId(random, "ft" + tag + i);
                app.features.add(id);
                features.add(Shapes.feature(
                        id, appId, FEATURE_NAMES[i], app.pages.get(i % app.pages.size()), updatedAt(random, endDay)));
            }
            for (String name : TRACK_NAMES) {
                String id = pendoId(random, "tt" + tag);
                app.trackTypes.add(id);
                trackTypes.add(Shapes.trackType(id, appId, name, updatedAt(random, endDay)));
            }
            for (int i = 0; i < 3; i++) {
                String id = pendoId(random, "gd" + tag + i);
                String pollType = i == 0 ? (appId == WEB_APP ? "NPSRating" : "FreeForm") : null;
                guides.add(Shapes.guide(
                        id,
                        appId,
                        (pollType != null ? "Survey " : "Tour ") + tag + (i + 1),
                        i == 2 ? "draft" : "public",
                        1 + i,
                        pollType,
                        updatedAt(random, endDay)));
                if (i < 2) {
                    app.guides.add(new Guide(id, 1 + i, pollType == null ? null : id + "-poll", pollType));
                }
            }
        }
        // Real subscriptions show both: a boolean trackTypeName (tap-pendo's schema) and a fractional rank.
        trackTypes.get(trackTypes.size() - 1).put("trackTypeName", true);
        ((Map<String, Object>) ((List<?>) guides.get(1).get("steps")).get(1)).put("rank", 1_500_000.5);
        catalog.put("pages", pages);
        catalog.put("features", features);
        catalog.put("trackTypes", trackTypes);
        catalog.put("guides", guides);
        return apps;
    }

    /** Step 2: the accounts, into {@code catalog}; their ids. */
    private List<String> accounts(Random random, long endDay, Map<String, List<Map<String, Object>>> catalog) {
        int accountCount = accounts > 0 ? accounts : Math.max(1, visitors / 10);
        List<String> accountIds = new ArrayList<>();
        List<Map<String, Object>> accountRows = new ArrayList<>();
        for (int i = 0; i < accountCount; i++) {
            String id = String.format("acct-%05d", i);
            accountIds.add(id);
            long firstVisit = endDay - (days + 30L) * DAY + random.nextInt(20) * DAY;
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put(
                    "auto",
                    ordered(
                            "id",
                            id,
                            "firstvisit",
                            firstVisit,
                            "lastvisit",
                            endDay - random.nextInt(5) * DAY,
                            "lastupdated",
                            endDay - random.nextInt(Math.max(1, days)) * DAY,
                            "idhash",
                            (long) id.hashCode()));
            metadata.put("agent", ordered("name", "Company " + i, "plan", TIERS.get(random.nextInt(TIERS.size()))));
            metadata.put(
                    "custom",
                    ordered(
                            "seats",
                            varied(i, 1 + random.nextInt(500)),
                            "region",
                            COUNTRIES[random.nextInt(COUNTRIES.length)]));
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("accountId", id);
            account.put("metadata", metadata);
            accountRows.add(account);
        }
        catalog.put("accounts", accountRows);
        return accountIds;
    }

    /** The events of the generated days. */
    private static final class Activity {
        final List<HourlyEvents> hourly = new ArrayList<>();
        final List<Map<String, Object>> guideEvents = new ArrayList<>();
        final List<Map<String, Object>> pollEvents = new ArrayList<>();
    }

    /** Step 3: per day, the hourly rows, guide events and poll responses of the visitors active that day. */
    private Activity activity(long endDay, Map<Long, App> apps, GeneratedVisitors visitorRows) {
        List<String> identified = new ArrayList<>();
        List<String> visitorAccounts = new ArrayList<>();
        if (days > 0) {
            for (int i = 0; i < visitors; i++) {
                if (!GeneratedVisitors.anonymous(i)) {
                    identified.add(visitorRows.idOf(i));
                    visitorAccounts.add(visitorRows.accountOf(i));
                }
            }
        }
        Activity activity = new Activity();
        for (int d = 0; d < days; d++) {
            long dayStart = endDay - (long) (days - d) * DAY;
            Random day = new Random(seed * 1_000_003L + d);
            for (int v = 0; v < identified.size(); v++) {
                if (day.nextInt(25) != 0) {
                    continue;
                }
                App app = apps.get(day.nextInt(5) == 0 ? MOBILE_APP : WEB_APP);
                activeVisitor(activity, day, dayStart, app, identified.get(v), visitorAccounts.get(v), v);
            }
        }
        return activity;
    }

    private static void activeVisitor(
            Activity activity, Random day, long dayStart, App app, String visitor, String account, int v) {
        String ip = "203.0.113." + (v % 250);
        String agent = AGENTS[app.id == MOBILE_APP ? 2 : v % 2];
        String country = COUNTRIES[v % COUNTRIES.length];
        int hours = 1 + day.nextInt(2);
        int firstHour = 8 + day.nextInt(10);
        for (int h = 0; h < hours; h++) {
            long hour = dayStart + (firstHour + h) * HOUR;
            // Distinct ids per hour: a rolled-up row is unique per visitor, account, hour and object.
            for (String page : distinct(day, app.pages, 1 + day.nextInt(3))) {
                activity.hourly.add(
                        row(HourlyEvents.Kind.PAGE, day, visitor, account, app, hour, page, ip, agent, country));
            }
            for (String feature : distinct(day, app.features, day.nextInt(3))) {
                activity.hourly.add(
                        row(HourlyEvents.Kind.FEATURE, day, visitor, account, app, hour, feature, ip, agent, country));
            }
            if (day.nextInt(5) == 0) {
                activity.hourly.add(row(
                        HourlyEvents.Kind.TRACK,
                        day,
                        visitor,
                        account,
                        app,
                        hour,
                        app.trackTypes.get(day.nextInt(app.trackTypes.size())),
                        ip,
                        agent,
                        country));
            }
        }
        if (day.nextInt(10) == 0) {
            Guide guide = app.guides.get(day.nextInt(app.guides.size()));
            long seen = dayStart + firstHour * HOUR + day.nextInt(3_000_000);
            activity.guideEvents.add(
                    guideEvent(visitor, account, app.id, "guideSeen", guide, 0, seen, ip, agent, country, day));
            activity.guideEvents.add(guideEvent(
                    visitor,
                    account,
                    app.id,
                    day.nextBoolean() ? "guideAdvanced" : "guideDismissed",
                    guide,
                    0,
                    seen + 5_000 + day.nextInt(60_000),
                    ip,
                    agent,
                    country,
                    day));
            if (guide.pollId != null && day.nextInt(3) == 0) {
                activity.pollEvents.add(
                        pollEvent(visitor, account, app.id, guide, seen + 20_000, ip, agent, country, day));
            }
        }
    }

    private static void schemas(Dataset.Builder builder) {
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

    private static HourlyEvents row(
            HourlyEvents.Kind kind,
            Random random,
            String visitor,
            String account,
            App app,
            long hour,
            String objectId,
            String ip,
            String agent,
            String country) {
        int events = 1 + random.nextInt(15);
        int minutes = 1 + random.nextInt(Math.min(events, 30));
        long first = hour + random.nextInt(30) * 60_000L;
        // Real subscriptions send a counter as a fraction now and then (API reference §7.10): one row in sixteen has a
        // fractional numEvents, another one in sixteen a fractional numMinutes. Chosen from the row's own ids, not
        // the random stream, so every other generated value stays what it was for the seed.
        int pick = Math.floorMod(visitor.hashCode() * 31 + objectId.hashCode() + Long.hashCode(hour), 16);
        return new HourlyEvents(
                kind,
                visitor,
                account,
                app.id,
                hour,
                objectId,
                pick == 0 ? events - 0.5 : events,
                pick == 8 ? minutes - 0.5 : minutes,
                first,
                first + (minutes - 1) * 60_000L,
                ip,
                agent,
                country);
    }

    private static Map<String, Object> guideEvent(
            String visitor,
            String account,
            long appId,
            String type,
            Guide guide,
            int step,
            long time,
            String ip,
            String agent,
            String country,
            Random random) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("visitorId", visitor);
        row.put("accountId", account);
        row.put("accountIds", List.of(account));
        row.put("appId", appId);
        row.put("browserTime", time);
        row.put("type", type);
        row.put("guideId", guide.id);
        row.put("guideStepId", Shapes.stepId(guide.id, step));
        row.put("destinationStepId", null);
        row.put("guideSeenReason", "auto");
        row.put("language", "en-US");
        row.put("url", "https://app.example.com/dashboard");
        row.put("remoteIp", ip);
        row.put("serverName", "app.example.com");
        row.put("country", country);
        row.put("region", "");
        row.put("latitude", 37.77);
        row.put("longitude", -122.42);
        row.put("loadTime", loadTime(100 + random.nextInt(400), time));
        row.put("userAgent", agent);
        row.put("guideTimestamp", time + 150);
        row.put("properties", new LinkedHashMap<>());
        return row;
    }

    private static Map<String, Object> pollEvent(
            String visitor,
            String account,
            long appId,
            Guide guide,
            long time,
            String ip,
            String agent,
            String country,
            Random random) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("visitorId", visitor);
        row.put("accountId", account);
        row.put("appId", appId);
        row.put("type", "pollResponse");
        row.put("pollId", guide.pollId);
        row.put("pollType", guide.pollType);
        row.put(
                "pollResponse",
                guide.pollType.equals("NPSRating") ? (Object) (long) random.nextInt(11) : "Great product");
        row.put("guideId", guide.id);
        row.put("guideStepId", Shapes.stepId(guide.id, guide.steps - 1));
        row.put("browserTime", time);
        row.put("guideTimestamp", time + 150);
        row.put("remoteIp", ip);
        row.put("userAgent", agent);
        row.put("country", country);
        row.put("region", "");
        row.put("accountIds", List.of(account));
        row.put("serverName", "app.example.com");
        row.put("latitude", 37.77);
        row.put("longitude", -122.42);
        row.put("loadTime", loadTime(80 + random.nextInt(300), time));
        return row;
    }

    /** Milliseconds, as a fraction on one row in eight (by its time), as real guide and poll rows sometimes carry. */
    private static Object loadTime(int millis, long time) {
        return Math.floorMod(time, 8) == 3 ? (Object) (millis + 0.5) : (Object) (long) millis;
    }

    private static List<String> distinct(Random random, List<String> from, int count) {
        java.util.LinkedHashSet<String> picked = new java.util.LinkedHashSet<>();
        while (picked.size() < Math.min(count, from.size())) {
            picked.add(from.get(random.nextInt(from.size())));
        }
        return new ArrayList<>(picked);
    }

    private static long updatedAt(Random random, long endDay) {
        return endDay - (1 + random.nextInt(400)) * DAY + random.nextInt(86_400) * 1000L;
    }

    private static String pendoId(Random random, String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        while (id.length() < 27) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    private static final class App {
        final long id;
        final List<String> pages = new ArrayList<>();
        final List<String> features = new ArrayList<>();
        final List<String> trackTypes = new ArrayList<>();
        final List<Guide> guides = new ArrayList<>();

        App(long id) {
            this.id = id;
        }
    }

    private record Guide(String id, int steps, String pollId, String pollType) {}
}
