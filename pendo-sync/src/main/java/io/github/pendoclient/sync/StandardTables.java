package io.github.pendoclient.sync;

import com.squareup.moshi.Moshi;
import io.github.pendoclient.PendoClient;
import io.github.pendoclient.aggregation.Queries;
import io.github.pendoclient.aggregation.paging.Keyset;
import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.internal.json.PendoJson;
import io.github.pendoclient.model.Feature;
import io.github.pendoclient.model.Guide;
import io.github.pendoclient.model.MetadataFieldSchema;
import io.github.pendoclient.model.Page;
import io.github.pendoclient.model.Report;
import io.github.pendoclient.model.TrackType;
import io.github.pendoclient.resource.ListOptions;
import io.github.pendoclient.resource.MetadataKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The tables pendo-sync writes, each declared once, with the primary keys of the Stitch connector where it has
 * them.
 */
final class StandardTables {

    /**
     * Rows per keyset request for visitors and accounts. A page of 50,000 visitors is a few MB of JSON, well inside
     * the API's 5-minute limit, and the rows are streamed, so the page size does not raise memory use.
     */
    static final int KEYSET_PAGE_SIZE = 50_000;

    private static final Moshi MOSHI = PendoJson.moshi();

    private StandardTables() {}

    static List<Table> all() {
        return List.of(
                catalog(
                        "features",
                        (client, options) -> client.features().list(options),
                        Feature.class,
                        Column.text("page_id", "pageId"),
                        Column.flag("app_wide", "appWide")),
                catalog("pages", (client, options) -> client.pages().list(options), Page.class),
                catalog(
                        "guides",
                        (client, options) -> client.guides().list(options),
                        Guide.class,
                        Column.text("state", "state"),
                        Column.text("launch_method", "launchMethod")),
                catalog(
                        "track_types",
                        (client, options) -> client.trackTypes().list(options),
                        TrackType.class,
                        Column.text("track_type_name", "trackTypeName")),
                new Table(
                        "reports",
                        List.of(
                                Column.key("id", "id"),
                                Column.text("name", "name"),
                                Column.text("kind", "kind"),
                                Column.text("level", "level"),
                                Column.text("type", "type"),
                                Column.time("created_at", "createdAt"),
                                Column.time("last_updated_at", "lastUpdatedAt"),
                                Column.raw()),
                        List.of("id"),
                        new TableSource.FullRefresh(
                                (client, settings) -> toMaps(client.reports().list(), Report.class))),
                schema("metadata_visitor_schema", MetadataKind.VISITOR),
                schema("metadata_account_schema", MetadataKind.ACCOUNT),
                new Table(
                        "visitors",
                        List.of(
                                Column.key("visitor_id", "visitorId"),
                                Column.text("account_id", "metadata.auto.accountid"),
                                Column.time("first_visit", "metadata.auto.firstvisit"),
                                Column.time("last_visit", "metadata.auto.lastvisit"),
                                Column.time("last_updated", "metadata.auto.lastupdated"),
                                Column.json("metadata", "metadata")),
                        List.of("visitor_id"),
                        new TableSource.KeysetPaged(
                                settings -> settings.includeAnonymous()
                                        ? Queries.allVisitors()
                                        : Queries.identifiedVisitors(),
                                Keyset.of("metadata.auto.lastupdated", "visitorId"),
                                KEYSET_PAGE_SIZE)),
                new Table(
                        "accounts",
                        List.of(
                                Column.key("account_id", "accountId"),
                                Column.time("first_visit", "metadata.auto.firstvisit"),
                                Column.time("last_visit", "metadata.auto.lastvisit"),
                                Column.time("last_updated", "metadata.auto.lastupdated"),
                                Column.json("metadata", "metadata")),
                        List.of("account_id"),
                        new TableSource.KeysetPaged(
                                settings -> Queries.accounts(),
                                Keyset.of("metadata.auto.lastupdated", "accountId"),
                                KEYSET_PAGE_SIZE)),
                rolledUp("events", null, null, new TableSource.TimeWindowed(Queries::events)),
                rolledUp(
                        "feature_events",
                        "featureId",
                        "feature_id",
                        new TableSource.TimeWindowed(Queries::featureEvents)),
                rolledUp("page_events", "pageId", "page_id", new TableSource.TimeWindowed(Queries::pageEvents)),
                rolledUp(
                        "track_events",
                        "trackTypeId",
                        "track_type_id",
                        new TableSource.TimeWindowed(Queries::trackEvents)),
                new Table(
                        "guide_events",
                        List.of(
                                Column.key("guide_id", "guideId"),
                                Column.key("guide_step_id", "guideStepId"),
                                Column.key("visitor_id", "visitorId"),
                                Column.key("type", "type"),
                                Column.key("account_id", "accountId"),
                                timeKey("browser_time", "browserTime"),
                                Column.key("url", "url"),
                                Column.number("app_id", "appId"),
                                Column.time("guide_timestamp", "guideTimestamp"),
                                Column.text("remote_ip", "remoteIp"),
                                Column.text("country", "country"),
                                Column.raw()),
                        List.of("guide_id", "guide_step_id", "visitor_id", "type", "account_id", "browser_time", "url"),
                        new TableSource.TimeWindowed(Queries::guideEvents)),
                new Table(
                        "poll_events",
                        List.of(
                                Column.key("visitor_id", "visitorId"),
                                Column.key("account_id", "accountId"),
                                Column.key("poll_id", "pollId"),
                                timeKey("browser_time", "browserTime"),
                                Column.text("poll_type", "pollType"),
                                Column.json("poll_response", "pollResponse"),
                                Column.text("guide_id", "guideId"),
                                Column.number("app_id", "appId"),
                                Column.raw()),
                        List.of("visitor_id", "account_id", "poll_id", "browser_time"),
                        new TableSource.TimeWindowed(Queries::pollEvents)),
                new Table(
                        "visitor_history",
                        List.of(
                                Column.key("visitor_id", "visitorId"),
                                Column.key("type", "type"),
                                timeKey("ts", "ts"),
                                new Column(
                                        "item_id",
                                        ColumnType.TEXT,
                                        row -> firstText(row, "pageId", "featureId", "guideId", "trackTypeId")),
                                Column.time("last_ts", "lastTs"),
                                Column.number("duration", "duration"),
                                Column.number("app_id", "appId"),
                                Column.text("uri", "uri"),
                                Column.raw()),
                        List.of("visitor_id", "type", "ts", "item_id"),
                        new TableSource.VisitorHistory()));
    }

    /** A catalog table: fetched whole from a list endpoint, for every app or for the run's apps. */
    private static <T> Table catalog(String name, CatalogCall<T> list, Class<T> type, Column... extra) {
        List<Column> columns = new ArrayList<>(List.of(
                Column.key("id", "id"),
                Column.number("app_id", "appId"),
                Column.text("name", "name"),
                Column.text("kind", "kind")));
        columns.addAll(List.of(extra));
        columns.add(Column.time("created_at", "createdAt"));
        columns.add(Column.time("last_updated_at", "lastUpdatedAt"));
        columns.add(Column.raw());
        return new Table(name, columns, List.of("id"), new TableSource.FullRefresh((client, settings) -> {
            List<T> items = new ArrayList<>();
            if (settings.appIds().isEmpty()) {
                items.addAll(list.list(client, ListOptions.allApps()));
            } else {
                for (long appId : settings.appIds()) {
                    items.addAll(list.list(client, ListOptions.app(appId)));
                }
            }
            return toMaps(items, type);
        }));
    }

    /** One list endpoint of the catalog. */
    @FunctionalInterface
    private interface CatalogCall<T> {
        List<T> list(PendoClient client, ListOptions options);
    }

    private static Table schema(String name, MetadataKind kind) {
        return new Table(
                name,
                List.of(
                        Column.key("group_name", "group"),
                        Column.key("field", "field"),
                        Column.text("type", "definition.Type"),
                        Column.text("display_name", "definition.DisplayName"),
                        Column.json("definition", "definition")),
                List.of("group_name", "field"),
                new TableSource.FullRefresh((client, settings) -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    Function<MetadataFieldSchema, Object> json = MOSHI.adapter(MetadataFieldSchema.class)::toJsonValue;
                    client.metadata()
                            .schema(kind)
                            .groups()
                            .forEach((group, fields) -> fields.forEach((field, definition) -> {
                                Map<String, Object> row = new LinkedHashMap<>();
                                row.put("group", group);
                                row.put("field", field);
                                row.put("definition", json.apply(definition));
                                rows.add(row);
                            }));
                    return rows;
                }));
    }

    /** A rolled-up event table; {@code idField} is null for {@code events}. */
    private static Table rolledUp(String name, String idField, String idColumn, TableSource source) {
        List<Column> columns = new ArrayList<>();
        List<String> key = new ArrayList<>();
        if (idField != null) {
            columns.add(Column.key(idColumn, idField));
            key.add(idColumn);
        }
        columns.add(Column.key("visitor_id", "visitorId"));
        columns.add(Column.key("account_id", "accountId"));
        columns.add(new Column(
                "app_id", ColumnType.BIGINT, row -> row.get("appId") instanceof Number n ? n.longValue() : 0L));
        columns.add(Column.key("remote_ip", "remoteIp"));
        columns.add(Column.key("user_agent", "userAgent"));
        columns.add(new Column("period", ColumnType.TEXT, row -> row.containsKey("hour") ? "hour" : "day"));
        columns.add(new Column("period_start", ColumnType.TIMESTAMP, row -> {
            Object bucket = row.containsKey("hour") ? row.get("hour") : row.get("day");
            return bucket instanceof Number n ? n.longValue() : 0L;
        }));
        key.addAll(List.of("visitor_id", "account_id", "app_id", "remote_ip", "user_agent", "period", "period_start"));
        columns.add(Column.number("num_events", "numEvents"));
        columns.add(Column.number("num_minutes", "numMinutes"));
        columns.add(Column.time("first_time", "firstTime"));
        columns.add(Column.time("last_time", "lastTime"));
        columns.add(Column.text("server", "server"));
        columns.add(Column.text("country", "country"));
        columns.add(Column.text("region", "region"));
        columns.add(Column.raw());
        return new Table(name, columns, key, source);
    }

    /** A timestamp that is part of a key: a missing member reads as 0, never null. */
    private static Column timeKey(String name, String path) {
        return new Column(
                name, ColumnType.TIMESTAMP, row -> JsonValues.at(row, path) instanceof Number n ? n.longValue() : 0L);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<Map<String, Object>> toMaps(List<T> items, Class<T> type) {
        List<Map<String, Object>> rows = new ArrayList<>(items.size());
        for (T item : items) {
            rows.add((Map<String, Object>) MOSHI.adapter(type).toJsonValue(item));
        }
        return rows;
    }

    private static String firstText(Map<String, Object> row, String... names) {
        for (String name : names) {
            if (row.get(name) instanceof String text && !text.isEmpty()) {
                return text;
            }
        }
        return "";
    }
}
