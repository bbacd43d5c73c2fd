package io.github.pendoclient.testing.internal;

import static io.github.pendoclient.testing.DatasetGenerator.MOBILE_APP;
import static io.github.pendoclient.testing.DatasetGenerator.WEB_APP;
import static io.github.pendoclient.testing.internal.GeneratedCatalog.AGENTS;
import static io.github.pendoclient.testing.internal.GeneratedCatalog.COUNTRIES;
import static io.github.pendoclient.testing.internal.GeneratedCatalog.DAY;
import static io.github.pendoclient.testing.internal.GeneratedCatalog.HOUR;

import io.github.pendoclient.testing.HourlyEvents;
import io.github.pendoclient.testing.internal.GeneratedCatalog.App;
import io.github.pendoclient.testing.internal.GeneratedCatalog.Guide;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The events of a generated dataset: per day, about one identified visitor in twenty-five is active for an hour or
 * two, with page views, feature clicks and track events per hour, guide events and poll responses. One hourly row in
 * eight carries a fractional {@code numEvents} or {@code numMinutes}, and one guide or poll row in eight a fractional
 * {@code loadTime}, as real subscriptions sometimes send counters.
 */
public final class GeneratedEvents {

    private GeneratedEvents() {}

    /** The events of the generated days. */
    public static final class Activity {
        public final List<HourlyEvents> hourly = new ArrayList<>();
        public final List<Map<String, Object>> guideEvents = new ArrayList<>();
        public final List<Map<String, Object>> pollEvents = new ArrayList<>();
    }

    /** Step 3: per day, the hourly rows, guide events and poll responses of the visitors active that day. */
    public static Activity activity(
            long seed, int days, int visitors, long endDay, Map<Long, App> apps, GeneratedVisitors visitorRows) {
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
            if (guide.pollId() != null && day.nextInt(3) == 0) {
                activity.pollEvents.add(
                        pollEvent(visitor, account, app.id, guide, seen + 20_000, ip, agent, country, day));
            }
        }
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
        row.put("guideId", guide.id());
        row.put("guideStepId", GuideShapes.stepId(guide.id(), step));
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
        row.put("pollId", guide.pollId());
        row.put("pollType", guide.pollType());
        row.put(
                "pollResponse",
                guide.pollType().equals("NPSRating") ? (Object) (long) random.nextInt(11) : "Great product");
        row.put("guideId", guide.id());
        row.put("guideStepId", GuideShapes.stepId(guide.id(), guide.steps() - 1));
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
        LinkedHashSet<String> picked = new LinkedHashSet<>();
        while (picked.size() < Math.min(count, from.size())) {
            picked.add(from.get(random.nextInt(from.size())));
        }
        return new ArrayList<>(picked);
    }
}
