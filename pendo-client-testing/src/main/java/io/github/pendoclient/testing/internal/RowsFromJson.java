package io.github.pendoclient.testing.internal;

import io.github.pendoclient.testing.AccountRow;
import io.github.pendoclient.testing.CatalogRow;
import io.github.pendoclient.testing.GuideRow;
import io.github.pendoclient.testing.MetadataField;
import io.github.pendoclient.testing.ReportRow;
import io.github.pendoclient.testing.SegmentRow;
import io.github.pendoclient.testing.VisitorRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a dataset's rows from Pendo's JSON shape (a dataset file, or the shapes {@link Shapes} and
 * {@link GuideShapes} build) into the typed rows; {@link PendoRows} writes them back. Each method names the row at
 * fault in its message, for example {@code pages[2]}.
 */
public final class RowsFromJson {

    private RowsFromJson() {}

    /**
     * A visitor: {@code visitorId} and {@code metadata} (optional), nothing else.
     *
     * @param json the object
     * @param where where it is, for example {@code visitors[3]}
     * @return the visitor
     * @throws IllegalArgumentException if it has another shape
     */
    public static VisitorRow visitor(Map<String, Object> json, String where) {
        return new VisitorRow(string(json, "visitorId", where, true), metadata(json, "visitorId", where));
    }

    /**
     * An account: {@code accountId} and {@code metadata} (optional), nothing else.
     *
     * @param json the object
     * @param where where it is, for example {@code accounts[0]}
     * @return the account
     * @throws IllegalArgumentException if it has another shape
     */
    public static AccountRow account(Map<String, Object> json, String where) {
        return new AccountRow(string(json, "accountId", where, true), metadata(json, "accountId", where));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> metadata(Map<String, Object> json, String idField, String where) {
        for (String name : json.keySet()) {
            if (!name.equals(idField) && !name.equals("metadata")) {
                throw new IllegalArgumentException(
                        where + " has '" + name + "'; a row there has '" + idField + "' and 'metadata' only");
            }
        }
        Object metadata = json.get("metadata");
        if (metadata == null) {
            return Map.of();
        }
        if (!(metadata instanceof Map<?, ?> groups)
                || groups.values().stream().anyMatch(group -> !(group instanceof Map<?, ?>))) {
            throw new IllegalArgumentException(where + ": 'metadata' must be an object of groups, each an object");
        }
        return (Map<String, Map<String, Object>>) metadata;
    }

    /**
     * A page, feature or track type: {@code id}, a numeric {@code appId}, {@code name} (empty when absent) and any
     * other members.
     *
     * @param json the object
     * @param where where it is, for example {@code pages[0]}
     * @return the row
     * @throws IllegalArgumentException if it has another shape
     */
    public static CatalogRow catalog(Map<String, Object> json, String where) {
        return new CatalogRow(
                string(json, "id", where, true),
                appId(json, where),
                string(json, "name", where, false),
                others(json, Set.of("id", "appId", "name")));
    }

    /**
     * A guide: as {@link #catalog}, plus {@code state} (empty when absent) and {@code steps} (each with an
     * {@code id}; none when absent).
     *
     * @param json the object
     * @param where where it is, for example {@code guides[0]}
     * @return the guide
     * @throws IllegalArgumentException if it has another shape
     */
    @SuppressWarnings("unchecked")
    public static GuideRow guide(Map<String, Object> json, String where) {
        Object stepList = json.get("steps");
        if (stepList != null && !(stepList instanceof List<?>)) {
            throw new IllegalArgumentException(where + ": 'steps' must be a list");
        }
        List<GuideRow.Step> steps = new ArrayList<>();
        List<?> given = stepList == null ? List.of() : (List<?>) stepList;
        for (int i = 0; i < given.size(); i++) {
            String at = where + ".steps[" + i + "]";
            if (!(given.get(i) instanceof Map<?, ?> step)) {
                throw new IllegalArgumentException(at + " must be an object");
            }
            Map<String, Object> members = (Map<String, Object>) step;
            steps.add(new GuideRow.Step(string(members, "id", at, true), others(members, Set.of("id"))));
        }
        return new GuideRow(
                string(json, "id", where, true),
                appId(json, where),
                string(json, "name", where, false),
                string(json, "state", where, false),
                steps,
                others(json, Set.of("id", "appId", "name", "state", "steps")));
    }

    /**
     * A segment: {@code id}, {@code name} (empty when absent) and any other members.
     *
     * @param json the object
     * @param where where it is
     * @return the segment
     * @throws IllegalArgumentException if it has another shape
     */
    public static SegmentRow segment(Map<String, Object> json, String where) {
        return new SegmentRow(
                string(json, "id", where, true),
                string(json, "name", where, false),
                others(json, Set.of("id", "name")));
    }

    /**
     * A report: {@code id}, {@code name} (empty when absent) and any other members.
     *
     * @param json the object
     * @param where where it is
     * @return the report
     * @throws IllegalArgumentException if it has another shape
     */
    public static ReportRow report(Map<String, Object> json, String where) {
        return new ReportRow(
                string(json, "id", where, true),
                string(json, "name", where, false),
                others(json, Set.of("id", "name")));
    }

    /**
     * A metadata schema entry: a string {@code Type} and any other members.
     *
     * @param json the object
     * @param where where it is, for example {@code metadataSchema.visitor.agent.email}
     * @return the entry
     * @throws IllegalArgumentException if it has another shape
     */
    public static MetadataField field(Map<String, Object> json, String where) {
        return new MetadataField(string(json, "Type", where, true), others(json, Set.of("Type")));
    }

    /**
     * A metadata schema: group to field to entry.
     *
     * @param json group to field to entry object
     * @param where where it is, for example {@code metadataSchema.visitor}
     * @return the schema, in the order given; its maps may change
     * @throws IllegalArgumentException if it has another shape
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Map<String, MetadataField>> schema(Map<String, Object> json, String where) {
        Map<String, Map<String, MetadataField>> schema = new LinkedHashMap<>();
        json.forEach((group, fields) -> {
            if (!(fields instanceof Map<?, ?>)) {
                throw new IllegalArgumentException(where + "." + group + " must be an object of fields");
            }
            Map<String, MetadataField> entries = new LinkedHashMap<>();
            ((Map<String, Object>) fields).forEach((field, entry) -> {
                if (!(entry instanceof Map<?, ?>)) {
                    throw new IllegalArgumentException(where + "." + group + "." + field + " must be an object");
                }
                entries.put(field, field((Map<String, Object>) entry, where + "." + group + "." + field));
            });
            schema.put(group, entries);
        });
        return schema;
    }

    private static String string(Map<String, Object> json, String member, String where, boolean required) {
        Object value = json.get(member);
        if (value instanceof String text) {
            return text;
        }
        if (value == null && !required) {
            return "";
        }
        throw new IllegalArgumentException(where + " needs a string '" + member + "', not " + value);
    }

    private static long appId(Map<String, Object> json, String where) {
        if (json.get("appId") instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalArgumentException(
                where + " needs a numeric 'appId' (" + io.github.pendoclient.testing.Dataset.DEFAULT_APP_ID
                        + " is the default app), not " + json.get("appId"));
    }

    private static Map<String, Object> others(Map<String, Object> json, Set<String> typed) {
        Map<String, Object> others = new LinkedHashMap<>();
        json.forEach((name, value) -> {
            if (!typed.contains(name)) {
                others.put(name, value);
            }
        });
        return others;
    }
}
