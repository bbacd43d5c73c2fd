package io.github.pendoclient.testing.internal;

import static io.github.pendoclient.testing.DatasetGenerator.MOBILE_APP;
import static io.github.pendoclient.testing.DatasetGenerator.WEB_APP;
import static io.github.pendoclient.testing.internal.GeneratedVisitors.TIERS;
import static io.github.pendoclient.testing.internal.GeneratedVisitors.varied;
import static io.github.pendoclient.testing.internal.Shapes.ordered;

import io.github.pendoclient.testing.AccountRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The catalog and the accounts of a generated dataset: two apps' pages, features, track types and guides, and the
 * accounts with their metadata. {@code DatasetGenerator} says what it generates; {@link GeneratedEvents} makes the
 * events over this catalog.
 */
public final class GeneratedCatalog {

    static final long HOUR = 3_600_000L;
    static final long DAY = 24 * HOUR;
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
    static final String[] AGENTS = {
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Chrome/120.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/121.0",
        "PendoMobile/3.2 (iPhone; iOS 17.1)"
    };
    static final String[] COUNTRIES = {"US", "DE", "FR", "JP", "AU", "GB"};

    private GeneratedCatalog() {}

    /** Step 1: pages, features, track types and guides of both apps, into {@code catalog}; the apps' ids. */
    @SuppressWarnings("unchecked")
    public static Map<Long, App> catalogObjects(
            Random random, long endDay, Map<String, List<Map<String, Object>>> catalog) {
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
                guides.add(GuideShapes.guide(
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

    /** Step 2: the accounts, into {@code accountRows}; their ids. */
    public static List<String> accounts(
            Random random,
            long endDay,
            List<AccountRow> accountRows,
            int accountCount,
            int days,
            long seed,
            TypedMetadata typed) {
        List<String> accountIds = new ArrayList<>();
        for (int i = 0; i < accountCount; i++) {
            String id = String.format("acct-%05d", i);
            accountIds.add(id);
            long firstVisit = endDay - (days + 30L) * DAY + random.nextInt(20) * DAY;
            Map<String, Map<String, Object>> metadata = new LinkedHashMap<>();
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
            typed.fill(metadata, "account", seed, i, endDay, true);
            accountRows.add(new AccountRow(id, metadata));
        }
        return accountIds;
    }

    static long updatedAt(Random random, long endDay) {
        return endDay - (1 + random.nextInt(400)) * DAY + random.nextInt(86_400) * 1000L;
    }

    static String pendoId(Random random, String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        while (id.length() < 27) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    /** An app's generated catalog ids. */
    public static final class App {
        final long id;
        final List<String> pages = new ArrayList<>();
        final List<String> features = new ArrayList<>();
        final List<String> trackTypes = new ArrayList<>();
        final List<Guide> guides = new ArrayList<>();

        App(long id) {
            this.id = id;
        }
    }

    /** A guide that generated events refer to. */
    record Guide(String id, int steps, String pollId, String pollType) {}
}
