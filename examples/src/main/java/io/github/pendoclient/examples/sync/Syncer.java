package io.github.pendoclient.examples.sync;

import com.squareup.moshi.Moshi;
import io.github.pendoclient.PendoClient;
import io.github.pendoclient.aggregation.Aggregation;
import io.github.pendoclient.aggregation.AggregationClient;
import io.github.pendoclient.aggregation.AppIds;
import io.github.pendoclient.aggregation.Queries;
import io.github.pendoclient.aggregation.paging.Keyset;
import io.github.pendoclient.aggregation.paging.KeysetCheckpoint;
import io.github.pendoclient.aggregation.paging.KeysetPager;
import io.github.pendoclient.aggregation.paging.KeysetPaging;
import io.github.pendoclient.aggregation.paging.TimeWindows;
import io.github.pendoclient.aggregation.paging.WindowCheckpoint;
import io.github.pendoclient.aggregation.paging.WindowedPager;
import io.github.pendoclient.error.AuthenticationException;
import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.error.PendoNetworkException;
import io.github.pendoclient.error.PermissionDeniedException;
import io.github.pendoclient.http.HttpStats;
import io.github.pendoclient.internal.json.PendoJson;
import io.github.pendoclient.model.MetadataFieldSchema;
import io.github.pendoclient.model.VisitorHistoryItem;
import io.github.pendoclient.resource.ListOptions;
import io.github.pendoclient.resource.MetadataKind;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/** Syncs one table at a time from a {@link PendoClient} into a {@link Sink}, checkpointing into the state. */
final class Syncer {

    /** What a run is asked to do. */
    record Settings(List<Long> appIds, Instant start, boolean hourly, int windowSize, Duration lag,
                    boolean recentFirst, boolean includeAnonymous, int pageSize, List<String> historyVisitors,
                    Clock clock) {

        AppIds apps() {
            return appIds.isEmpty() ? AppIds.all() : AppIds.of(appIds);
        }
    }

    private static final Moshi MOSHI = PendoJson.moshi();

    private final PendoClient client;
    private final AggregationClient aggregations;
    private final Sink sink;
    private final SyncState state;
    private final Settings settings;
    private final Progress progress;

    Syncer(PendoClient client, Sink sink, SyncState state, Settings settings, Progress progress) {
        this.client = client;
        this.aggregations = AggregationClient.of(client);
        this.sink = sink;
        this.state = state;
        this.settings = settings;
        this.progress = progress;
    }

    TableResult sync(String table) {
        long started = System.nanoTime();
        HttpStats before = client.stats();
        long[] rows = {0};
        String error = null;
        progress.start(table);
        try {
            rows[0] = run(table, count -> {
                progress.update(count, client.stats().attempts() - before.attempts());
                return null;
            });
        } catch (PendoException e) {
            error = explain(table, e);
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        HttpStats after = client.stats();
        TableResult result = new TableResult(table, rows[0], Duration.ofNanos(System.nanoTime() - started),
                after.attempts() - before.attempts(), after.retries() - before.retries(), error);
        progress.finish(result);
        return result;
    }

    static String explain(String table, PendoException e) {
        if (e instanceof AuthenticationException) {
            return "Pendo rejected the integration key (HTTP 401). Check PENDO_INTEGRATION_KEY, and that PENDO_REGION"
                    + " is your subscription's region: a key works in one region only.";
        }
        if (e instanceof PermissionDeniedException) {
            return "This key may not read " + table + " (HTTP 403); aggregations need a key with \"Allow Write"
                    + " Access\".";
        }
        if (e instanceof PendoNetworkException && e.getCause() instanceof UnknownHostException) {
            return "Cannot resolve Pendo's host: check PENDO_REGION and the network.";
        }
        String message = e.getMessage();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private long run(String table, Function<Long, Void> onRows) throws Exception {
        return switch (table) {
            case "features" -> catalog(Tables.FEATURES, options -> client.features().list(options),
                    io.github.pendoclient.model.Feature.class);
            case "pages" -> catalog(Tables.PAGES, options -> client.pages().list(options),
                    io.github.pendoclient.model.Page.class);
            case "guides" -> catalog(Tables.GUIDES, options -> client.guides().list(options),
                    io.github.pendoclient.model.Guide.class);
            case "track_types" -> catalog(Tables.TRACK_TYPES, options -> client.trackTypes().list(options),
                    io.github.pendoclient.model.TrackType.class);
            case "reports" -> replace(Tables.REPORTS, toMaps(client.reports().list(),
                    io.github.pendoclient.model.Report.class));
            case "metadata_visitor_schema" -> schema(MetadataKind.VISITOR);
            case "metadata_account_schema" -> schema(MetadataKind.ACCOUNT);
            case "visitors" -> keyset(Tables.VISITORS, Queries.visitors(settings.includeAnonymous()),
                    Keyset.of("metadata.auto.lastupdated", "visitorId"), onRows);
            case "accounts" -> keyset(Tables.ACCOUNTS, Queries.accounts(),
                    Keyset.of("metadata.auto.lastupdated", "accountId"), onRows);
            case "events" -> windows(Tables.EVENTS, Queries.events(settings.apps()), onRows);
            case "feature_events" -> windows(Tables.FEATURE_EVENTS, Queries.featureEvents(settings.apps()), onRows);
            case "page_events" -> windows(Tables.PAGE_EVENTS, Queries.pageEvents(settings.apps()), onRows);
            case "track_events" -> windows(Tables.TRACK_EVENTS, Queries.trackEvents(settings.apps()), onRows);
            case "guide_events" -> windows(Tables.GUIDE_EVENTS, Queries.guideEvents(settings.apps()), onRows);
            case "poll_events" -> windows(Tables.POLL_EVENTS, Queries.pollEvents(settings.apps()), onRows);
            case "visitor_history" -> history(onRows);
            default -> throw new IllegalArgumentException("Unknown table " + table);
        };
    }

    // ---- full refresh

    private <T> long catalog(TableSpec table, Function<ListOptions, List<T>> list, Class<T> type) throws Exception {
        List<T> items = new ArrayList<>();
        if (settings.appIds().isEmpty()) {
            items.addAll(list.apply(ListOptions.allApps()));
        } else {
            for (long appId : settings.appIds()) {
                items.addAll(list.apply(ListOptions.app(appId)));
            }
        }
        return replace(table, toMaps(items, type));
    }

    @SuppressWarnings("unchecked")
    private static <T> List<Map<String, Object>> toMaps(List<T> items, Class<T> type) {
        List<Map<String, Object>> rows = new ArrayList<>(items.size());
        for (T item : items) {
            rows.add((Map<String, Object>) MOSHI.adapter(type).toJsonValue(item));
        }
        return rows;
    }

    private long replace(TableSpec table, List<Map<String, Object>> rows) throws Exception {
        sink.replace(table, rows);
        state.table(table.name()).put("syncedAt", settings.clock().millis());
        state.save();
        return rows.size();
    }

    private long schema(MetadataKind kind) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        client.metadata().schema(kind).groups().forEach((group, fields) -> fields.forEach((field, definition) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("group", group);
            row.put("field", field);
            row.put("definition", MOSHI.adapter(MetadataFieldSchema.class).toJsonValue(definition));
            rows.add(row);
        }));
        return replace(Tables.schema(kind == MetadataKind.VISITOR ? "visitor" : "account"), rows);
    }

    // ---- keyset: visitors and accounts

    @SuppressWarnings("unchecked")
    private long keyset(TableSpec table, Aggregation query, Keyset keyset, Function<Long, Void> onRows)
            throws Exception {
        Map<String, Object> saved = state.table(table.name());
        sink.restore(table, position(saved));
        KeysetCheckpoint cursor = saved.get("cursor") instanceof List<?> key
                ? new KeysetCheckpoint((List<Object>) key) : null;
        KeysetPager<Map<String, Object>> pager = KeysetPaging.of(keyset).pageSize(settings.pageSize())
                .resumeAfter(cursor).pager(aggregations, query);
        long rows = 0;
        try (Stream<Map<String, Object>> stream = pager.stream()) {
            for (Iterator<Map<String, Object>> it = stream.iterator(); it.hasNext(); ) {
                sink.write(table, it.next());
                rows++;
                if (rows % settings.pageSize() == 0) {
                    checkpoint(table, saved, "cursor", pager.checkpoint().map(KeysetCheckpoint::key).orElse(null));
                    onRows.apply(rows);
                }
            }
        }
        checkpoint(table, saved, "cursor", pager.checkpoint().map(KeysetCheckpoint::key).orElse(null));
        return rows;
    }

    private void checkpoint(TableSpec table, Map<String, Object> saved, String name, Object value) throws Exception {
        Long position = sink.commit(table);
        if (value != null) {
            saved.put(name, value);
        }
        if (position != null) {
            saved.put("position", position);
        }
        state.save();
    }

    private static Long position(Map<String, Object> saved) {
        return saved.get("position") instanceof Number number ? number.longValue() : null;
    }

    // ---- time windows: event tables

    private long windows(TableSpec table, Aggregation query, Function<Long, Void> onRows) throws Exception {
        Map<String, Object> saved = state.table(table.name());
        sink.restore(table, position(saved));
        WindowCheckpoint covered = saved.get("covered") instanceof String json ? WindowCheckpoint.parse(json)
                : WindowCheckpoint.empty();
        TimeWindows windows = (settings.hourly() ? TimeWindows.hours(settings.start())
                : TimeWindows.days(settings.start()))
                .size(settings.windowSize()).lag(settings.lag()).clock(settings.clock())
                .order(settings.recentFirst() ? TimeWindows.Order.NEWEST_FIRST : TimeWindows.Order.OLDEST_FIRST)
                .resumeFrom(covered);
        WindowedPager<Map<String, Object>> pager = windows.pager(aggregations, query);
        long rows = 0;
        int done = 0;
        try (Stream<Map<String, Object>> stream = pager.stream()) {
            Iterator<Map<String, Object>> it = stream.iterator();
            while (true) {
                boolean more = it.hasNext();
                if (pager.progress().windowsDone() > done) {
                    done = pager.progress().windowsDone();
                    checkpoint(table, saved, "covered", pager.checkpoint().toJson());
                    onRows.apply(rows);
                }
                if (!more) {
                    break;
                }
                sink.write(table, it.next());
                rows++;
            }
        }
        checkpoint(table, saved, "covered", pager.checkpoint().toJson());
        return rows;
    }

    // ---- visitor history, per visitor and day

    @SuppressWarnings("unchecked")
    private long history(Function<Long, Void> onRows) throws Exception {
        TableSpec table = Tables.VISITOR_HISTORY;
        Map<String, Object> saved = state.table(table.name());
        sink.restore(table, position(saved));
        Map<String, Object> days = (Map<String, Object>) saved.computeIfAbsent("syncedUntil",
                k -> new LinkedHashMap<>());
        Instant today = settings.clock().instant().truncatedTo(ChronoUnit.DAYS);
        Instant earliest = today.minus(Duration.ofDays(179));
        long rows = 0;
        for (String visitorId : settings.historyVisitors()) {
            Instant from = days.get(visitorId) instanceof Number n ? Instant.ofEpochMilli(n.longValue())
                    : settings.start().truncatedTo(ChronoUnit.DAYS);
            if (from.isBefore(earliest)) {
                from = earliest;
            }
            if (!from.isBefore(today)) {
                continue;
            }
            try (Stream<VisitorHistoryItem> items = client.visitors().history(visitorId, from, today)) {
                for (Iterator<VisitorHistoryItem> it = items.iterator(); it.hasNext(); ) {
                    sink.write(table, (Map<String, Object>) MOSHI.adapter(VisitorHistoryItem.class)
                            .toJsonValue(it.next()));
                    rows++;
                }
            }
            days.put(visitorId, today.toEpochMilli());
            checkpoint(table, saved, "syncedUntil", days);
            onRows.apply(rows);
        }
        return rows;
    }
}
