package io.github.pendoclient.testing.internal;

import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.HourlyEvents;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The aggregation sources over a {@link Dataset} and the changes requests made to it: what each source's rows are
 * (time series rolled up per hour or day), plus sorted indexes of the sources that do not change and an index of the
 * hourly rows by hour, so keyset pages and time windows cost what they return. Thread-safe.
 */
final class AggregationSources implements AggregationEngine.Sources {

    private static final long DAY = 86_400_000L;

    /** The rows requests may have changed. */
    interface Live {
        /** The visitors, with changes applied. */
        Stream<Map<String, Object>> visitors();

        /** The accounts, with changes applied. */
        Stream<Map<String, Object>> accounts();

        /** The guides, with state changes applied. */
        List<Map<String, Object>> guides();

        /** Whether requests changed "visitors" or "accounts". */
        boolean changed(String source);

        /**
         * The live rows the fake's handlers hold.
         *
         * @param people the visitors and accounts, with the changes requests made
         * @param catalog the guides, with the state changes requests made
         * @return the live rows
         */
        static Live of(PeopleHandler people, CatalogHandler catalog) {
            return new Live() {
                @Override
                public Stream<Map<String, Object>> visitors() {
                    return people.visitors();
                }

                @Override
                public Stream<Map<String, Object>> accounts() {
                    return people.accounts();
                }

                @Override
                public List<Map<String, Object>> guides() {
                    return PendoRows.view(catalog.guides(), PendoRows::json);
                }

                @Override
                public boolean changed(String source) {
                    return people.changed(source);
                }
            };
        }
    }

    private final Dataset dataset;
    private final Live live;
    private final boolean fastWindows;
    private final Map<String, SortedIndex> sortedIndexes = new ConcurrentHashMap<>();
    private volatile HourIndex hourIndex;
    /** Guide and poll events by browserTime: at most those two sources. */
    private final Map<String, BrowserTimeIndex> timeIndexes = new ConcurrentHashMap<>();

    AggregationSources(Dataset dataset, Live live) {
        this(dataset, live, true);
    }

    /**
     * Sources that answer event windows through {@link EventRollup} and {@link BrowserTimeIndex} or, for the
     * equivalence test, through the general roll-up and a scan here, which are the reference.
     */
    AggregationSources(Dataset dataset, Live live, boolean fastWindows) {
        this.dataset = dataset;
        this.live = live;
        this.fastWindows = fastWindows;
    }

    @Override
    public Stream<Map<String, Object>> sorted(
            String name,
            Map<String, Object> params,
            TimeRange range,
            List<String> fields,
            Expression.KeysetBound bound) {
        return sorted(name, params, fields, bound);
    }

    /**
     * A source's rows from a sorted index, for keyset pages: the visitors and accounts while no request has changed
     * them, and the catalogs. Indexes are built on first use and kept for this dataset. Null for other sources.
     */
    private Stream<Map<String, Object>> sorted(
            String name, Map<String, Object> params, List<String> fields, Expression.KeysetBound bound) {
        Map<String, Object> p = params == null ? Map.of() : params;
        List<Map<String, Object>> stored;
        switch (name) {
            case "visitors":
            case "accounts":
                if (live.changed(name)) {
                    return null;
                }
                stored = name.equals("visitors")
                        ? PendoRows.view(dataset.visitors(), PendoRows::json)
                        : PendoRows.view(dataset.accounts(), PendoRows::json);
                break;
            case "features":
                stored = PendoRows.view(dataset.features(), PendoRows::json);
                break;
            case "pages":
                stored = PendoRows.view(dataset.pages(), PendoRows::json);
                break;
            case "trackTypes":
                stored = PendoRows.view(dataset.trackTypes(), PendoRows::json);
                break;
            default:
                return null;
        }
        SortedIndex index = sortedIndexes.computeIfAbsent(
                name + "\u0000" + String.join("\u0000", fields),
                key -> java.util.Optional.ofNullable(SortedIndex.build(stored, fields))
                        .orElse(NOT_INDEXABLE));
        if (index == NOT_INDEXABLE) {
            return null;
        }
        Stream<Map<String, Object>> rows = index.from(bound);
        if (name.equals("visitors") && Boolean.TRUE.equals(p.get("identified"))) {
            rows = rows.filter(v -> !AggregationEngine.isAnonymous(v.get("visitorId")));
        }
        return name.equals("visitors") || name.equals("accounts") ? rows : byApp(rows, p);
    }

    private static final SortedIndex NOT_INDEXABLE = SortedIndex.build(List.of(), List.of());

    /** The hourly rows in a window, through an index by hour built on first use. */
    private Stream<HourlyEvents> hourRows(TimeRange range) {
        HourIndex index = hourIndex;
        if (index == null) {
            synchronized (this) {
                if (hourIndex == null) {
                    hourIndex = HourIndex.build(dataset.hourRows());
                }
                index = hourIndex;
            }
        }
        return index.window(range);
    }

    @Override
    public Stream<Map<String, Object>> rows(String name, Map<String, Object> params, TimeRange range) {
        Map<String, Object> p = params == null ? Map.of() : params;
        switch (name) {
            case "visitors": {
                Stream<Map<String, Object>> visitors = live.visitors();
                if (Boolean.TRUE.equals(p.get("identified"))) {
                    visitors = visitors.filter(v -> !AggregationEngine.isAnonymous(v.get("visitorId")));
                }
                return visitors;
            }
            case "accounts":
                return live.accounts();
            case "features":
                return byApp(dataset.features().stream().map(PendoRows::json), p);
            case "pages":
                return byApp(dataset.pages().stream().map(PendoRows::json), p);
            case "guides":
                return byApp(live.guides().stream(), p);
            case "trackTypes":
                return byApp(dataset.trackTypes().stream().map(PendoRows::json), p);
            case "pageEvents":
                return rolledUp(HourlyEvents.Kind.PAGE, p, need(name, range));
            case "featureEvents":
                return rolledUp(HourlyEvents.Kind.FEATURE, p, need(name, range));
            case "trackEvents":
                return rolledUp(HourlyEvents.Kind.TRACK, p, need(name, range));
            case "events":
                return events(p, need(name, range));
            default: {
                if (!dataset.rowSources().contains(name) && !name.equals("guideEvents") && !name.equals("pollEvents")) {
                    throw new AggregationException(
                            422,
                            "The fake has no data source '" + name + "'. It serves"
                                    + " visitors, accounts, features, pages, guides, trackTypes, events, pageEvents,"
                                    + " featureEvents, trackEvents, guideEvents, pollEvents and the sources of its dataset.");
                }
                Stream<Map<String, Object>> stored = dataset.rows(name).stream();
                if (name.equals("guideEvents") || name.equals("pollEvents")) {
                    TimeRange window = need(name, range);
                    stored = fastWindows
                            ? timeIndexes
                                    .computeIfAbsent(name, key -> BrowserTimeIndex.build(dataset.rows(key)))
                                    .window(window)
                            : stored.filter(row ->
                                    row.get("browserTime") instanceof Number time && window.contains(time.longValue()));
                }
                // Copied after the window is picked, so a window costs a copy of its own rows only.
                return byApp(byParams(stored.map(LinkedHashMap::new), p, "guideId", "pollId"), p);
            }
        }
    }

    private static TimeRange need(String source, TimeRange range) {
        if (range == null) {
            throw new AggregationException(400, "no period specified for time series source " + source);
        }
        return range;
    }

    private Stream<Map<String, Object>> rolledUp(HourlyEvents.Kind kind, Map<String, Object> p, TimeRange range) {
        if (fastWindows) {
            return EventRollup.ofKind(hourRows(range), kind, p, range);
        }
        Stream<Map<String, Object>> hourly =
                hourRows(range).filter(row -> row.kind() == kind).map(HourlyEvents::toRow);
        hourly = byApp(byParams(hourly, p, kind.idField()), p);
        return range.hourly() ? hourly : perDay(hourly, kind.idField());
    }

    private Stream<Map<String, Object>> events(Map<String, Object> p, TimeRange range) {
        if (fastWindows) {
            return EventRollup.events(hourRows(range), p, range);
        }
        Map<List<Object>, Map<String, Object>> groups = new LinkedHashMap<>();
        byApp(hourRows(range).map(HourlyEvents::toRow), p).forEach(row -> {
            List<Object> key = List.of(
                    row.get("visitorId"),
                    String.valueOf(row.get("accountId")),
                    row.get("appId"),
                    row.get("hour"),
                    String.valueOf(row.get("remoteIp")),
                    String.valueOf(row.get("userAgent")));
            Map<String, Object> group = groups.get(key);
            if (group == null) {
                row.remove("pageId");
                row.remove("featureId");
                row.remove("trackTypeId");
                groups.put(key, row);
            } else {
                merge(group, row);
            }
        });
        Stream<Map<String, Object>> hourly = groups.values().stream();
        return range.hourly() ? hourly : perDay(hourly, null);
    }

    /** Adds hourly rows up per day, as a {@code dayRange} series returns them. */
    private static Stream<Map<String, Object>> perDay(Stream<Map<String, Object>> hourly, String idField) {
        Map<List<Object>, Map<String, Object>> days = new LinkedHashMap<>();
        hourly.forEach(row -> {
            long hour = ((Number) row.remove("hour")).longValue();
            long day = Math.floorDiv(hour, DAY) * DAY;
            List<Object> key = List.of(
                    row.get("visitorId"),
                    String.valueOf(row.get("accountId")),
                    row.get("appId"),
                    day,
                    idField == null ? "" : String.valueOf(row.get(idField)),
                    String.valueOf(row.get("remoteIp")),
                    String.valueOf(row.get("userAgent")));
            Map<String, Object> existing = days.get(key);
            if (existing == null) {
                Map<String, Object> daily = new LinkedHashMap<>(row);
                daily.put("day", day);
                days.put(key, daily);
            } else {
                merge(existing, row);
            }
        });
        return days.values().stream();
    }

    static void merge(Map<String, Object> into, Map<String, Object> row) {
        into.put("numEvents", Counters.add((Number) into.get("numEvents"), (Number) row.get("numEvents")));
        into.put("numMinutes", Counters.add((Number) into.get("numMinutes"), (Number) row.get("numMinutes")));
        into.put("firstTime", Math.min((Long) into.get("firstTime"), (Long) row.get("firstTime")));
        into.put("lastTime", Math.max((Long) into.get("lastTime"), (Long) row.get("lastTime")));
    }

    private static Stream<Map<String, Object>> byParams(
            Stream<Map<String, Object>> rows, Map<String, Object> p, String... fields) {
        for (String field : fields) {
            Object wanted = p.get(field);
            if (wanted != null) {
                rows = rows.filter(row -> wanted.equals(row.get(field)));
            }
        }
        return rows;
    }

    /**
     * The rows of the apps a source's {@code appId} names: {@code expandAppIds(...)} every app; null (or absent) the
     * default app only, as Pendo does, plus rows that belong to no app (custom row sources); else the listed ids.
     */
    private static Stream<Map<String, Object>> byApp(Stream<Map<String, Object>> rows, Map<String, Object> p) {
        Object appId = p.get("appId");
        if (appId instanceof String text && text.startsWith("expandAppIds")) {
            return rows;
        }
        if (appId == null) {
            return rows.filter(row -> !row.containsKey("appId") && !row.containsKey("appIds")
                    || inApps(row, Set.of(Dataset.DEFAULT_APP_ID)));
        }
        Set<Long> apps = new LinkedHashSet<>();
        for (Object id : appId instanceof Collection<?> list ? list : List.of(appId)) {
            apps.add(id instanceof Number number ? number.longValue() : Long.parseLong(String.valueOf(id)));
        }
        return rows.filter(row -> inApps(row, apps));
    }

    private static boolean inApps(Map<String, Object> row, Set<Long> apps) {
        return row.get("appId") instanceof Number number && apps.contains(number.longValue())
                || row.get("appIds") instanceof Collection<?> ids
                        && ids.stream().anyMatch(id -> id instanceof Number n && apps.contains(n.longValue()));
    }
}
