package io.github.pendoclient.examples.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The tables pendo-sync writes, with the primary keys of the Stitch connector where it has them. */
final class Tables {

    /** Every table, in the order they sync. */
    static final List<String> ALL = List.of("features", "pages", "guides", "track_types", "reports",
            "metadata_visitor_schema", "metadata_account_schema", "visitors", "accounts", "events", "feature_events",
            "page_events", "track_events", "guide_events", "poll_events", "visitor_history");

    private Tables() {
    }

    static TableSpec catalog(String name, Column... extra) {
        List<Column> columns = new ArrayList<>(List.of(Column.key("id", "id"), Column.number("app_id", "appId"),
                Column.text("name", "name"), Column.text("kind", "kind")));
        columns.addAll(List.of(extra));
        columns.add(Column.time("created_at", "createdAt"));
        columns.add(Column.time("last_updated_at", "lastUpdatedAt"));
        columns.add(Column.raw());
        return new TableSpec(name, columns, List.of("id"));
    }

    static final TableSpec FEATURES = catalog("features", Column.text("page_id", "pageId"),
            Column.flag("app_wide", "appWide"));
    static final TableSpec PAGES = catalog("pages");
    static final TableSpec GUIDES = catalog("guides", Column.text("state", "state"),
            Column.text("launch_method", "launchMethod"));
    static final TableSpec TRACK_TYPES = catalog("track_types", Column.text("track_type_name", "trackTypeName"));
    static final TableSpec REPORTS = new TableSpec("reports", List.of(Column.key("id", "id"),
            Column.text("name", "name"), Column.text("kind", "kind"), Column.text("level", "level"),
            Column.text("type", "type"), Column.time("created_at", "createdAt"),
            Column.time("last_updated_at", "lastUpdatedAt"), Column.raw()), List.of("id"));

    static TableSpec schema(String kind) {
        return new TableSpec("metadata_" + kind + "_schema", List.of(Column.key("group_name", "group"),
                Column.key("field", "field"), Column.text("type", "definition.Type"),
                Column.text("display_name", "definition.DisplayName"), Column.json("definition", "definition")),
                List.of("group_name", "field"));
    }

    static final TableSpec VISITORS = new TableSpec("visitors", List.of(Column.key("visitor_id", "visitorId"),
            Column.text("account_id", "metadata.auto.accountid"), Column.time("first_visit", "metadata.auto.firstvisit"),
            Column.time("last_visit", "metadata.auto.lastvisit"),
            Column.time("last_updated", "metadata.auto.lastupdated"), Column.json("metadata", "metadata")),
            List.of("visitor_id"));

    static final TableSpec ACCOUNTS = new TableSpec("accounts", List.of(Column.key("account_id", "accountId"),
            Column.time("first_visit", "metadata.auto.firstvisit"), Column.time("last_visit", "metadata.auto.lastvisit"),
            Column.time("last_updated", "metadata.auto.lastupdated"), Column.json("metadata", "metadata")),
            List.of("account_id"));

    /** A rolled-up event table; {@code idField} is null for {@code events}. */
    static TableSpec rolledUp(String name, String idField, String idColumn) {
        List<Column> columns = new ArrayList<>();
        List<String> key = new ArrayList<>();
        if (idField != null) {
            columns.add(Column.key(idColumn, idField));
            key.add(idColumn);
        }
        columns.add(Column.key("visitor_id", "visitorId"));
        columns.add(Column.key("account_id", "accountId"));
        columns.add(new Column("app_id", "BIGINT", row -> row.get("appId") instanceof Number n ? n.longValue() : 0L));
        columns.add(Column.key("remote_ip", "remoteIp"));
        columns.add(Column.key("user_agent", "userAgent"));
        columns.add(new Column("period", "VARCHAR", row -> row.containsKey("hour") ? "hour" : "day"));
        columns.add(new Column("period_start", "TIMESTAMP", row -> {
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
        return new TableSpec(name, columns, key);
    }

    static final TableSpec EVENTS = rolledUp("events", null, null);
    static final TableSpec FEATURE_EVENTS = rolledUp("feature_events", "featureId", "feature_id");
    static final TableSpec PAGE_EVENTS = rolledUp("page_events", "pageId", "page_id");
    static final TableSpec TRACK_EVENTS = rolledUp("track_events", "trackTypeId", "track_type_id");

    static final TableSpec GUIDE_EVENTS = new TableSpec("guide_events", List.of(Column.key("guide_id", "guideId"),
            Column.key("guide_step_id", "guideStepId"), Column.key("visitor_id", "visitorId"),
            Column.key("type", "type"), Column.key("account_id", "accountId"),
            new Column("browser_time", "TIMESTAMP", row -> row.get("browserTime") instanceof Number n
                    ? n.longValue() : 0L), Column.key("url", "url"), Column.number("app_id", "appId"),
            Column.time("guide_timestamp", "guideTimestamp"), Column.text("remote_ip", "remoteIp"),
            Column.text("country", "country"), Column.raw()),
            List.of("guide_id", "guide_step_id", "visitor_id", "type", "account_id", "browser_time", "url"));

    static final TableSpec POLL_EVENTS = new TableSpec("poll_events", List.of(Column.key("visitor_id", "visitorId"),
            Column.key("account_id", "accountId"), Column.key("poll_id", "pollId"),
            new Column("browser_time", "TIMESTAMP", row -> row.get("browserTime") instanceof Number n
                    ? n.longValue() : 0L), Column.text("poll_type", "pollType"),
            Column.json("poll_response", "pollResponse"), Column.text("guide_id", "guideId"),
            Column.number("app_id", "appId"), Column.raw()),
            List.of("visitor_id", "account_id", "poll_id", "browser_time"));

    static final TableSpec VISITOR_HISTORY = new TableSpec("visitor_history", List.of(
            Column.key("visitor_id", "visitorId"), Column.key("type", "type"),
            new Column("ts", "TIMESTAMP", row -> row.get("ts") instanceof Number n ? n.longValue() : 0L),
            new Column("item_id", "VARCHAR", row -> firstText(row, "pageId", "featureId", "guideId", "trackTypeId")),
            Column.time("last_ts", "lastTs"), Column.number("duration", "duration"), Column.number("app_id", "appId"),
            Column.text("uri", "uri"), Column.raw()),
            List.of("visitor_id", "type", "ts", "item_id"));

    private static String firstText(Map<String, Object> row, String... names) {
        for (String name : names) {
            if (row.get(name) instanceof String text && !text.isEmpty()) {
                return text;
            }
        }
        return "";
    }
}
