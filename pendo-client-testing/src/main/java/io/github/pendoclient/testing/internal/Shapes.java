package io.github.pendoclient.testing.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Catalog objects in the shapes real Pendo bodies have (API reference §7 and the observed shapes of §7.10): every
 * member real bodies carry, {@code 0} for "never" timestamps, and maps that keep insertion order, so the JSON is the
 * same in every JVM.
 */
public final class Shapes {

    static final long CREATED = 1_700_000_000_000L;

    private Shapes() {}

    static Map<String, Object> base(String id, long appId, String name, String kind, long updated) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("id", id);
        object.put("appId", appId);
        object.put("name", name);
        object.put("kind", kind);
        object.put("color", "gray");
        object.put("isCoreEvent", false);
        object.put("dirty", false);
        object.put("createdByUser", user());
        object.put("createdAt", CREATED);
        object.put("lastUpdatedByUser", user());
        object.put("lastUpdatedAt", updated);
        object.put("rootVersionId", id);
        object.put("stableVersionId", id + "-1");
        return object;
    }

    /** The members features, pages and track types share beyond {@link #base}: product area and roll-up state. */
    private static void tagged(Map<String, Object> object, long updated) {
        object.put(
                "group",
                ordered(
                        "id",
                        "grp-default",
                        "name",
                        "Default",
                        "description",
                        "",
                        "color",
                        ".groupColor01",
                        "length",
                        0L,
                        "type",
                        "",
                        "items",
                        null,
                        "createdAt",
                        CREATED,
                        "createdByUser",
                        user(),
                        "lastUpdatedAt",
                        CREATED,
                        "lastUpdatedByUser",
                        user()));
        object.put("validThrough", updated + 3_600_000L);
        object.put("dailyMergeFirst", 0L);
        object.put("dailyRollupFirst", CREATED);
    }

    private static Map<String, Object> user() {
        return ordered(
                "id",
                "u1",
                "username",
                "pendo-admin@example.com",
                "first",
                "Pendo",
                "last",
                "Admin",
                "role",
                8L,
                "userType",
                "",
                "hasLoggedIn",
                true,
                "lastLogin",
                CREATED,
                "deletedAt",
                0L,
                "visitorIds",
                List.of());
    }

    static Map<String, Object> everyVisitor() {
        return ordered("visitors", null);
    }

    /** A map in the order given, nulls allowed: {@code Map.of} orders differently from one JVM to the next. */
    public static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /**
     * A page.
     *
     * @param id the id
     * @param appId the app
     * @param name the name
     * @param path the URL path its rule matches
     * @param updated when it was last updated
     * @return the page
     */
    public static Map<String, Object> page(String id, long appId, String name, String path, long updated) {
        Map<String, Object> page = base(id, appId, name, "Page", updated);
        tagged(page, updated);
        page.put(
                "rules",
                List.of(ordered(
                        "rule",
                        "//*" + path,
                        "designerHint",
                        "https://app.example.com" + path,
                        "parsedRule",
                        "^https?://[^/]*" + path + "/?(?:;.*)?(?:\\?.*)?$")));
        page.put("rulesjson", "[{\"rule\":\"//*" + path + "\"}]");
        page.put("suggestedName", name);
        page.put("isAutoTagged", false);
        return page;
    }

    /**
     * A feature.
     *
     * @param id the id
     * @param appId the app
     * @param name the name
     * @param pageId the page it is on, or empty for app-wide
     * @param updated when it was last updated
     * @return the feature
     */
    public static Map<String, Object> feature(String id, long appId, String name, String pageId, long updated) {
        Map<String, Object> feature = base(id, appId, name, "Feature", updated);
        feature.put("pageId", pageId);
        feature.put("appWide", pageId.isEmpty());
        feature.put("elementPathRules", List.of("#" + id.toLowerCase() + " button"));
        feature.put("elementSelectionType", "css");
        feature.put("elementInitialTag", "BUTTON");
        tagged(feature, updated);
        feature.put(
                "eventPropertyConfigurations",
                List.of(ordered(
                        "name",
                        "label",
                        "path",
                        "text",
                        "rule",
                        "",
                        "selector",
                        "#" + id.toLowerCase() + " button",
                        "pattern",
                        "",
                        "type",
                        "string",
                        "isActive",
                        true)));
        feature.put("suggestedMatch", "#" + id.toLowerCase() + " button");
        feature.put("createdDesignerVersion", "2.150.0");
        return feature;
    }

    /**
     * A track type.
     *
     * @param id the id
     * @param appId the app
     * @param name the event name
     * @param updated when it was last updated
     * @return the track type
     */
    public static Map<String, Object> trackType(String id, long appId, String name, long updated) {
        Map<String, Object> trackType = base(id, appId, name, "TrackType", updated);
        tagged(trackType, updated);
        trackType.put("rules", List.of(ordered("rule", name)));
        trackType.put("trackTypeName", name);
        trackType.put("trackTypeRules", List.of(name));
        trackType.put("eventPropertyNameList", List.of("format", "size"));
        return trackType;
    }

    /**
     * A segment.
     *
     * @param id the id
     * @param name the name
     * @return the segment
     */
    public static Map<String, Object> segment(String id, String name) {
        Map<String, Object> segment = new LinkedHashMap<>();
        segment.put("id", id);
        segment.put("name", name);
        segment.put("kind", "segment");
        segment.put("definition", ordered("filters", List.of()));
        segment.put("shared", true);
        segment.put("createdAt", CREATED);
        segment.put("lastUpdatedAt", CREATED);
        return segment;
    }

    /**
     * A report.
     *
     * @param id the id
     * @param name the name
     * @return the report
     */
    public static Map<String, Object> report(String id, String name) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("id", id);
        report.put("name", name);
        report.put("kind", "visitor");
        report.put("level", "visitor");
        report.put("type", "table");
        report.put("shared", true);
        report.put("scope", "all");
        report.put("share", "everyone");
        report.put("target", "visitor");
        report.put(
                "aggregation",
                ordered(
                        "fields",
                        List.of(ordered("field", "visitorId", "title", "Visitor", "type", "string")),
                        "pipeline",
                        List.of(ordered("source", everyVisitor()))));
        report.put(
                "definition",
                ordered(
                        "config",
                        new LinkedHashMap<>(),
                        "dateRanges",
                        List.of(),
                        "timeSeries",
                        ordered("period", "dayRange"),
                        "generator",
                        "visitorList",
                        "graphType",
                        "table"));
        report.put("createdByUser", user());
        report.put("createdAt", CREATED);
        report.put("lastUpdatedByUser", user());
        report.put("lastUpdatedAt", CREATED);
        report.put("ownedByUser", user());
        report.put("lastRunAt", CREATED);
        report.put("lastSuccessRunAt", CREATED);
        report.put("lastSuccessRunObj", ordered("rows", 2L));
        report.put("rootVersionId", id);
        report.put("stableVersionId", id + "-1");
        return report;
    }

    /**
     * One metadata field's schema entry, with Pendo's capitalised member names.
     *
     * @param type {@code string}, {@code integer}, {@code float}, {@code boolean} or {@code time}
     * @param displayName the display name
     * @return the entry
     */
    public static Map<String, Object> field(String type, String displayName) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("Type", type);
        field.put("DisplayName", displayName);
        field.put("ElementType", "");
        field.put("ElementFormat", "");
        field.put("Dirty", false);
        field.put("isHidden", false);
        field.put("isDeleted", false);
        field.put("isCalculated", false);
        field.put("isPerApp", false);
        field.put("isPromoted", false);
        field.put("neverIndex", false);
        field.put("cardinality", 0L);
        return field;
    }

    /**
     * One metadata field's schema entry with the members that name it, as real schemas carry them.
     *
     * @param kind {@code visitor} or {@code account}
     * @param group the group, for example {@code custom}
     * @param name the field name
     * @param type the type
     * @return the entry
     */
    public static Map<String, Object> field(String kind, String group, String name, String type) {
        Map<String, Object> field = field(type, name);
        field.put("group", group);
        field.put("field", name);
        field.put("kind", kind);
        field.put(
                "groupDisplayName",
                group.equals("auto") ? "Pendo" : group.substring(0, 1).toUpperCase() + group.substring(1));
        return field;
    }

    /**
     * A visitor or account as REST {@code GET /api/v1/visitor|account/{id}} answers: {@code id} where the
     * aggregation row says {@code visitorId}/{@code accountId}, and for visitors a {@code displayName}.
     *
     * @param row the stored row, or null
     * @param idField {@code visitorId} or {@code accountId}
     * @return the REST body, or null when the row is null
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> restBody(Map<String, Object> row, String idField) {
        if (row == null) {
            return null;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        Object id = row.get(idField);
        body.put("id", id);
        if (idField.equals("visitorId")) {
            Object metadata = row.get("metadata");
            Object agent = metadata instanceof Map<?, ?> groups ? groups.get("agent") : null;
            Object name = agent instanceof Map<?, ?> fields ? fields.get("name") : null;
            body.put("displayName", name != null ? name : id);
        }
        row.forEach((name, value) -> {
            if (!name.equals(idField)) {
                body.put(name, value);
            }
        });
        return body;
    }

    /**
     * The history item type of an event row's object.
     *
     * @param idField {@code pageId}, {@code featureId} or {@code trackTypeId}
     * @return {@code page}, {@code feature} or {@code trackType}
     */
    public static String historyType(String idField) {
        return idField.substring(0, idField.length() - 2);
    }

    /**
     * A history item of a page view Pendo could not match to a tagged page.
     *
     * @param ts when
     * @param appId the app
     * @return the item
     */
    public static Map<String, Object> untaggedItem(long ts, long appId) {
        return ordered(
                "type",
                "untagged",
                "ts",
                ts,
                "lastTs",
                ts + 30_000L,
                "duration",
                30_000L,
                "untaggedUrl",
                "https://app.example.com/untagged/" + Long.toString(ts % 97, 36),
                "appId",
                appId);
    }

    /**
     * A history item of a guide event.
     *
     * @param guideEvent the guide event row
     * @return the item
     */
    public static Map<String, Object> guideItem(Map<String, Object> guideEvent) {
        return ordered(
                "type",
                "guide",
                "ts",
                guideEvent.get("browserTime"),
                "guideId",
                guideEvent.get("guideId"),
                "guideStepId",
                guideEvent.get("guideStepId"),
                "appId",
                guideEvent.get("appId"));
    }
}
