package io.github.pendoclient.testing.internal;

import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.HourlyEvents;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The event sources' rows in a time window ({@code pageEvents}, {@code featureEvents}, {@code trackEvents} and
 * {@code events}, by hour or by day), rolled up from the compact hourly rows: the same rows, in the same order, with
 * the counters merged in the same order, as {@link AggregationSources}' general roll-up gives (which stays the
 * reference, see the equivalence test), at less cost. It groups the compact rows on keys built from their fields
 * rather than rendering every hourly row as a map, keying it on a list and copying it, and yields
 * {@link RolledUpRow}s: rendered (through {@link HourlyEvents#toRow()}, and merged through
 * {@link AggregationSources#merge}) only when a later stage reads them, otherwise written to the answer straight
 * from the compact rows. Stateless.
 */
final class EventRollup {

    private static final long DAY = 86_400_000L;

    private EventRollup() {}

    /**
     * The rows of one kind's source.
     *
     * @param window the hourly rows in the window, in dataset order
     * @param kind the kind the source counts
     * @param params the source's parameters (never null)
     * @param range the window
     * @return the rows, one per hour or per day as the range says
     */
    static Stream<Map<String, Object>> ofKind(
            Stream<HourlyEvents> window, HourlyEvents.Kind kind, Map<String, Object> params, TimeRange range) {
        Predicate<HourlyEvents> inApps = inApps(params);
        Object wanted = params.get(kind.idField());
        Stream<HourlyEvents> rows = window.filter(
                row -> row.kind() == kind && (wanted == null || wanted.equals(row.objectId())) && inApps.test(row));
        if (range.hourly()) {
            return rows.map(row -> new RolledUpRow(row, GroupCounters.of(row), null, true, row::toRow));
        }
        Map<DayKey, Group> days = new LinkedHashMap<>();
        rows.forEach(row -> days.computeIfAbsent(dayKey(row, String.valueOf(row.objectId())), key -> new Group())
                .add(row));
        return days.entrySet().stream().map(day -> {
            Group group = day.getValue();
            long start = day.getKey().day();
            return new RolledUpRow(group.first, group.counters(), start, true, () -> {
                Map<String, Object> out = withDay(group.first.toRow(), start);
                if (group.more != null) {
                    for (HourlyEvents row : group.more) {
                        AggregationSources.merge(out, withoutHour(row.toRow()));
                    }
                }
                return out;
            });
        });
    }

    /**
     * The rows of the {@code events} source: every kind's hourly rows merged per visitor, account, app, hour, address
     * and agent (without the page, feature or track type id), then per day when the range is by day.
     *
     * @param window the hourly rows in the window, in dataset order
     * @param params the source's parameters (never null)
     * @param range the window
     * @return the rows
     */
    static Stream<Map<String, Object>> events(
            Stream<HourlyEvents> window, Map<String, Object> params, TimeRange range) {
        Predicate<HourlyEvents> inApps = inApps(params);
        Map<DayKey, Group> hours = new LinkedHashMap<>();
        window.filter(inApps)
                .forEach(row -> hours.computeIfAbsent(
                                new DayKey(
                                        Objects.requireNonNull(row.visitorId()),
                                        String.valueOf(row.accountId()),
                                        row.appId(),
                                        row.hour(),
                                        "",
                                        String.valueOf(row.remoteIp()),
                                        String.valueOf(row.userAgent())),
                                key -> new Group())
                        .add(row));
        if (range.hourly()) {
            return hours.values().stream()
                    .map(group -> new RolledUpRow(group.first, group.counters(), null, false, () -> eventsRow(group)));
        }
        Map<DayKey, List<Group>> days = new LinkedHashMap<>();
        for (Map.Entry<DayKey, Group> hour : hours.entrySet()) {
            DayKey key = hour.getKey();
            days.computeIfAbsent(
                            new DayKey(
                                    key.visitorId(),
                                    key.accountId(),
                                    key.appId(),
                                    Math.floorDiv(key.day(), DAY) * DAY,
                                    "",
                                    key.remoteIp(),
                                    key.userAgent()),
                            k -> new ArrayList<>(1))
                    .add(hour.getValue());
        }
        return days.entrySet().stream().map(day -> {
            List<Group> groups = day.getValue();
            long start = day.getKey().day();
            GroupCounters counters = groups.get(0).counters();
            for (int i = 1; i < groups.size(); i++) {
                // As the general roll-up: each hour's group merged on its own, then added to the day's.
                counters.add(groups.get(i).counters());
            }
            return new RolledUpRow(groups.get(0).first, counters, start, false, () -> {
                Map<String, Object> out = withDay(eventsRow(groups.get(0)), start);
                for (int i = 1; i < groups.size(); i++) {
                    AggregationSources.merge(out, withoutHour(eventsRow(groups.get(i))));
                }
                return out;
            });
        });
    }

    /** An hour of the {@code events} source: the group's first row without its object id, the others merged in. */
    private static Map<String, Object> eventsRow(Group group) {
        Map<String, Object> out = group.first.toRow();
        out.remove("pageId");
        out.remove("featureId");
        out.remove("trackTypeId");
        if (group.more != null) {
            for (HourlyEvents row : group.more) {
                AggregationSources.merge(out, row.toRow());
            }
        }
        return out;
    }

    /** The row as a day's row: {@code hour} taken out, {@code day} added last. */
    private static Map<String, Object> withDay(Map<String, Object> row, long day) {
        row.remove("hour");
        row.put("day", day);
        return row;
    }

    /** The row as the general roll-up merges it into a day's row: {@code hour} taken out. */
    private static Map<String, Object> withoutHour(Map<String, Object> row) {
        row.remove("hour");
        return row;
    }

    private static DayKey dayKey(HourlyEvents row, String objectId) {
        return new DayKey(
                Objects.requireNonNull(row.visitorId()),
                String.valueOf(row.accountId()),
                row.appId(),
                Math.floorDiv(row.hour(), DAY) * DAY,
                objectId,
                String.valueOf(row.remoteIp()),
                String.valueOf(row.userAgent()));
    }

    /**
     * Which apps' rows a source's {@code appId} selects, as {@link AggregationSources} reads it: every app for
     * {@code expandAppIds(...)}, the default app for none, else the listed ids (a bad id fails now, not mid-answer).
     */
    private static Predicate<HourlyEvents> inApps(Map<String, Object> params) {
        Object appId = params.get("appId");
        if (appId instanceof String text && text.startsWith("expandAppIds")) {
            return row -> true;
        }
        if (appId == null) {
            return row -> row.appId() == Dataset.DEFAULT_APP_ID;
        }
        Set<Long> apps = new HashSet<>();
        for (Object id : appId instanceof Collection<?> list ? list : List.of(appId)) {
            apps.add(id instanceof Number number ? number.longValue() : Long.parseLong(String.valueOf(id)));
        }
        return row -> apps.contains(row.appId());
    }

    /**
     * What a roll-up groups on: visitor, account, app, the period's start (an hour or a day), object id (empty for
     * {@code events}), address and agent; the general roll-up's list key, as fields.
     */
    private record DayKey(
            String visitorId,
            String accountId,
            long appId,
            long day,
            String objectId,
            String remoteIp,
            String userAgent) {}

    /** The hourly rows of one group, in dataset order. */
    private static final class Group {
        private HourlyEvents first;
        private List<HourlyEvents> more;

        void add(HourlyEvents row) {
            if (first == null) {
                first = row;
            } else {
                if (more == null) {
                    more = new ArrayList<>(2);
                }
                more.add(row);
            }
        }

        /** The group's counters, as merging its rows gives them. */
        GroupCounters counters() {
            GroupCounters counters = GroupCounters.of(first);
            if (more != null) {
                for (HourlyEvents row : more) {
                    counters.add(row);
                }
            }
            return counters;
        }
    }
}
