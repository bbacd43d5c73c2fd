package io.github.pendoclient.testing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Catalog objects in the shapes of the API reference (§7), with the members the SDK's models read. */
public final class Shapes {

    private static final long CREATED = 1_700_000_000_000L;

    private Shapes() {
    }

    private static Map<String, Object> base(String id, long appId, String name, String kind, long updated) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("id", id);
        object.put("appId", appId);
        object.put("name", name);
        object.put("kind", kind);
        object.put("color", "gray");
        object.put("isCoreEvent", false);
        object.put("dirty", false);
        object.put("createdByUser", Map.of("id", "u1", "username", "pendo-admin@example.com"));
        object.put("createdAt", CREATED);
        object.put("lastUpdatedByUser", Map.of("id", "u1", "username", "pendo-admin@example.com"));
        object.put("lastUpdatedAt", updated);
        object.put("rootVersionId", id);
        object.put("stableVersionId", id + "-1");
        return object;
    }

    private static Map<String, Object> everyVisitor() {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("visitors", null);
        return source;
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
        page.put("rules", List.of(Map.of("rule", "//*" + path, "designerHint", "https://app.example.com" + path)));
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
        trackType.put("trackTypeName", name);
        trackType.put("trackTypeRules", List.of(name));
        trackType.put("eventPropertyNameList", List.of("format", "size"));
        return trackType;
    }

    /**
     * A guide with steps and, optionally, one poll on its last step.
     *
     * @param id the id
     * @param appId the app
     * @param name the name
     * @param state for example {@code public}
     * @param steps how many steps
     * @param pollType a poll type such as {@code NPSRating}, or null for none
     * @param updated when it was last updated
     * @return the guide
     */
    public static Map<String, Object> guide(String id, long appId, String name, String state, int steps,
                                            String pollType, long updated) {
        Map<String, Object> guide = base(id, appId, name, "Guide", updated);
        guide.put("appIds", List.of(appId));
        guide.put("state", state);
        guide.put("launchMethod", "auto");
        guide.put("isMultiStep", steps > 1);
        guide.put("attributes", Map.of("type", "building-block", "device", Map.of("type", "desktop")));
        guide.put("audience", List.of(Map.of("source", everyVisitor())));
        List<Object> stepList = new ArrayList<>();
        String pollId = pollType == null ? null : id + "-poll";
        for (int i = 0; i < steps; i++) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("id", stepId(id, i));
            step.put("guideId", id);
            step.put("type", "building-block");
            step.put("rank", (i + 1) * 1_000_000L);
            step.put("advanceMethod", "button");
            step.put("pollIds", pollId != null && i == steps - 1 ? List.of(pollId) : List.of());
            stepList.add(step);
        }
        guide.put("steps", stepList);
        if (pollId != null) {
            Map<String, Object> poll = new LinkedHashMap<>();
            poll.put("id", pollId);
            poll.put("question", "How likely are you to recommend us?");
            poll.put("attributes", Map.of("type", pollType));
            poll.put("numericResponses", List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L));
            guide.put("polls", List.of(poll));
        } else {
            guide.put("polls", List.of());
        }
        return guide;
    }

    /**
     * The id of a guide's step.
     *
     * @param guideId the guide
     * @param index the step's index
     * @return the step id
     */
    public static String stepId(String guideId, int index) {
        return guideId + "-s" + (index + 1);
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
        segment.put("definition", Map.of("filters", List.of()));
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
        report.put("aggregation", Map.of("pipeline", List.of(Map.of("source", everyVisitor()))));
        report.put("createdAt", CREATED);
        report.put("lastUpdatedAt", CREATED);
        report.put("lastRunAt", CREATED);
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
        return field;
    }
}
