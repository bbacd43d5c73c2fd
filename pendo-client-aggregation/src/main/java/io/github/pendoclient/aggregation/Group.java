package io.github.pendoclient.aggregation;

import java.util.List;
import java.util.Map;

/**
 * The {@code group} operator: one row per distinct combination of the key fields, with aggregated output fields.
 *
 * <pre>{@code
 * Group.by("pageId", "day").sum("events", "numEvents").countDistinct("visitors", "visitorId")
 * // {"group": {"group": ["pageId", "day"], "fields": {"events": {"sum": "numEvents"},
 * //                                                   "visitors": {"count": "visitorId"}}}}
 * }</pre>
 */
public final class Group extends Aggregators<Group> {

    private final List<String> keys;

    private Group(List<String> keys, List<Map.Entry<String, Map<String, Object>>> fields) {
        super(fields);
        this.keys = keys;
    }

    /**
     * Groups by the given fields.
     *
     * @param keys one or more field names
     * @return a group with no output fields yet
     */
    public static Group by(String... keys) {
        if (keys.length == 0) {
            throw new IllegalArgumentException("Group by at least one field");
        }
        return new Group(List.of(keys), List.of());
    }

    @Override
    Group with(List<Map.Entry<String, Map<String, Object>>> fields) {
        return new Group(keys, fields);
    }

    /**
     * The key fields.
     *
     * @return the fields grouped by
     */
    public List<String> keys() {
        return keys;
    }

    Stage toStage() {
        return Stage.of("group", JsonTree.object("group", keys, "fields", fieldsJsonValue()));
    }
}
