package io.github.pendoclient.testing.internal;

import io.github.pendoclient.testing.AccountRow;
import io.github.pendoclient.testing.CatalogRow;
import io.github.pendoclient.testing.GuideRow;
import io.github.pendoclient.testing.MetadataField;
import io.github.pendoclient.testing.ReportRow;
import io.github.pendoclient.testing.SegmentRow;
import io.github.pendoclient.testing.VisitorRow;
import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * The one place where a dataset's typed rows become Pendo's JSON shape, as the fake serves them and
 * {@code Dataset.toJson()} writes them; {@link RowsFromJson} reads them back. Every method returns a new map the
 * caller may change at its top level; nested maps and lists are the row's own and cannot be changed.
 */
public final class PendoRows {

    private PendoRows() {}

    /**
     * A visitor as the {@code visitors} source returns it.
     *
     * @param visitor the visitor
     * @return {@code {"visitorId": ..., "metadata": {...}}}
     */
    public static Map<String, Object> json(VisitorRow visitor) {
        return person("visitorId", visitor.id(), visitor.metadata());
    }

    /**
     * An account as the {@code accounts} source returns it.
     *
     * @param account the account
     * @return {@code {"accountId": ..., "metadata": {...}}}
     */
    public static Map<String, Object> json(AccountRow account) {
        return person("accountId", account.id(), account.metadata());
    }

    private static Map<String, Object> person(String idField, String id, Map<String, Map<String, Object>> metadata) {
        Map<String, Object> row = new LinkedHashMap<>(4);
        row.put(idField, id);
        row.put("metadata", metadata);
        return row;
    }

    /**
     * A page, feature or track type: {@code id}, {@code appId}, {@code name}, then the other members.
     *
     * @param row the catalog row
     * @return the object
     */
    public static Map<String, Object> json(CatalogRow row) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("id", row.id());
        object.put("appId", row.appId());
        object.put("name", row.name());
        object.putAll(row.members());
        return object;
    }

    /**
     * A guide, in the order Pendo's bodies have: {@code id}, {@code appId}, {@code name}, the other members with
     * {@code state} right after {@code appIds} (after {@code name} without it) and {@code steps} right before
     * {@code polls} (last without it).
     *
     * @param guide the guide
     * @return the object
     */
    public static Map<String, Object> json(GuideRow guide) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("id", guide.id());
        object.put("appId", guide.appId());
        object.put("name", guide.name());
        boolean hasAppIds = guide.members().containsKey("appIds");
        if (!hasAppIds) {
            object.put("state", guide.state());
        }
        List<Map<String, Object>> steps =
                guide.steps().stream().map(PendoRows::json).toList();
        guide.members().forEach((name, value) -> {
            if (name.equals("polls")) {
                object.put("steps", steps);
            }
            object.put(name, value);
            if (name.equals("appIds")) {
                object.put("state", guide.state());
            }
        });
        object.putIfAbsent("steps", steps);
        return object;
    }

    /**
     * A guide's step: {@code id}, then the other members.
     *
     * @param step the step
     * @return the object
     */
    public static Map<String, Object> json(GuideRow.Step step) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("id", step.id());
        object.putAll(step.members());
        return object;
    }

    /**
     * A segment: {@code id}, {@code name}, then the other members.
     *
     * @param segment the segment
     * @return the object
     */
    public static Map<String, Object> json(SegmentRow segment) {
        return named(segment.id(), segment.name(), segment.members());
    }

    /**
     * A report: {@code id}, {@code name}, then the other members.
     *
     * @param report the report
     * @return the object
     */
    public static Map<String, Object> json(ReportRow report) {
        return named(report.id(), report.name(), report.members());
    }

    private static Map<String, Object> named(String id, String name, Map<String, Object> members) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("id", id);
        object.put("name", name);
        object.putAll(members);
        return object;
    }

    /**
     * A metadata schema entry: {@code Type}, then the other members.
     *
     * @param field the entry
     * @return the object
     */
    public static Map<String, Object> json(MetadataField field) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("Type", field.type());
        object.putAll(field.members());
        return object;
    }

    /**
     * A metadata schema as {@code GET /api/v1/metadata/schema/{kind}} serves it.
     *
     * @param schema group to field to entry
     * @return group to field to object
     */
    public static Map<String, Map<String, Map<String, Object>>> json(Map<String, Map<String, MetadataField>> schema) {
        Map<String, Map<String, Map<String, Object>>> groups = new LinkedHashMap<>();
        schema.forEach((group, fields) -> {
            Map<String, Map<String, Object>> entries = new LinkedHashMap<>();
            fields.forEach((field, entry) -> entries.put(field, json(entry)));
            groups.put(group, entries);
        });
        return groups;
    }

    /**
     * Rows in Pendo's shape, made when asked for, so rows computed on demand (generated visitors) stay so.
     *
     * @param rows the typed rows
     * @param toJson the conversion, one of this class's {@code json} methods
     * @param <T> the row type
     * @return a read-only view
     */
    public static <T> List<Map<String, Object>> view(List<T> rows, Function<T, Map<String, Object>> toJson) {
        return new JsonView<>(rows, toJson);
    }

    private static final class JsonView<T> extends AbstractList<Map<String, Object>> implements RandomAccess {
        private final List<T> rows;
        private final Function<T, Map<String, Object>> toJson;

        JsonView(List<T> rows, Function<T, Map<String, Object>> toJson) {
            this.rows = rows;
            this.toJson = toJson;
        }

        @Override
        public Map<String, Object> get(int index) {
            return toJson.apply(rows.get(index));
        }

        @Override
        public int size() {
            return rows.size();
        }
    }
}
