package io.github.pendoclient.testing.internal;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.HourlyEvents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Visitors and accounts: lookups, history, metadata values and bulk metadata, over the dataset plus the changes
 * requests made (written metadata, created and deleted people). Thread-safe.
 *
 * <p>Bulk metadata writes behave as Pendo's are documented to: an id the subscription does not know comes back in
 * {@code missing} unless {@code create=true}, which creates the visitor or account; a value of the wrong type for
 * its field fails that row alone ({@code failed} and an error naming the id). Writing a field the schema does not
 * hold creates it, with a type taken from the value ({@link SchemaGrowth}): Pendo's docs are silent on this, and the
 * hosted reverse-ETL services document that their Pendo destination creates fields this way, so the fake does the
 * same; a live subscription may instead require the field to be defined in Data Mappings first.
 */
final class PeopleHandler {

    private static final long DAY = 86_400_000L;

    private final Dataset dataset;
    /** The dataset's visitors and accounts in Pendo's shape, made when read. */
    private final List<Map<String, Object>> storedVisitors;

    private final List<Map<String, Object>> storedAccounts;
    private final Object lock = new Object();
    private final SchemaGrowth schemaGrowth = new SchemaGrowth();
    private final Map<String, Map<String, Object>> visitorChanges = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> accountChanges = new LinkedHashMap<>();
    private final Set<String> deletedVisitors = new LinkedHashSet<>();
    private final Set<String> deletedAccounts = new LinkedHashSet<>();
    private Map<String, Integer> visitorIndex;
    private Map<String, Integer> accountIndex;
    private Map<String, List<HourlyEvents>> eventsByVisitor;

    PeopleHandler(Dataset dataset) {
        this.dataset = dataset;
        this.storedVisitors = PendoRows.view(dataset.visitors(), PendoRows::json);
        this.storedAccounts = PendoRows.view(dataset.accounts(), PendoRows::json);
    }

    Stream<Map<String, Object>> visitors() {
        return people(storedVisitors, "visitorId", visitorChanges, deletedVisitors);
    }

    Stream<Map<String, Object>> accounts() {
        return people(storedAccounts, "accountId", accountChanges, deletedAccounts);
    }

    private Stream<Map<String, Object>> people(
            List<Map<String, Object>> stored,
            String idField,
            Map<String, Map<String, Object>> changes,
            Set<String> deleted) {
        Map<String, Map<String, Object>> changed;
        Set<String> gone;
        synchronized (lock) {
            changed = new LinkedHashMap<>(changes);
            gone = Set.copyOf(deleted);
        }
        Set<String> known = new java.util.HashSet<>();
        Stream<Map<String, Object>> base = stored.stream()
                .map(row -> {
                    String id = (String) row.get(idField);
                    Map<String, Object> change = changed.get(id);
                    if (change != null) {
                        known.add(id);
                        return deepCopy(change);
                    }
                    return row;
                })
                .filter(row -> !gone.contains((String) row.get(idField)));
        Stream<Map<String, Object>> created = Stream.of(0)
                .flatMap(ignored -> changed.entrySet().stream()
                        .filter(entry -> !known.contains(entry.getKey()) && !gone.contains(entry.getKey()))
                        .map(entry -> deepCopy(entry.getValue())));
        return Stream.concat(base, created);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> row) {
        Map<String, Object> copy = new LinkedHashMap<>();
        row.forEach((name, value) ->
                copy.put(name, value instanceof Map<?, ?> map ? deepCopy((Map<String, Object>) map) : value));
        return copy;
    }

    Map<String, Object> visitor(String id) {
        return person(id, storedVisitors, "visitorId", visitorChanges, deletedVisitors, true);
    }

    Map<String, Object> account(String id) {
        return person(id, storedAccounts, "accountId", accountChanges, deletedAccounts, false);
    }

    private Map<String, Object> person(
            String id,
            List<Map<String, Object>> stored,
            String idField,
            Map<String, Map<String, Object>> changes,
            Set<String> deleted,
            boolean visitors) {
        synchronized (lock) {
            if (deleted.contains(id)) {
                return null;
            }
            Map<String, Object> changed = changes.get(id);
            if (changed != null) {
                return changed;
            }
            Map<String, Integer> index = visitors ? visitorIndex : accountIndex;
            if (index == null) {
                index = new HashMap<>();
                for (int i = 0; i < stored.size(); i++) {
                    index.put(
                            visitors
                                    ? dataset.visitors().get(i).id()
                                    : dataset.accounts().get(i).id(),
                            i);
                }
                if (visitors) {
                    visitorIndex = index;
                } else {
                    accountIndex = index;
                }
            }
            Integer position = index.get(id);
            return position == null ? null : stored.get(position);
        }
    }

    static Answer entity(Map<String, Object> entity, String kind, String id) {
        if (entity == null) {
            return Answer.error(404, "No " + kind + " with id " + FakeApi.decode(id));
        }
        return Answer.json(200, JsonValues.toJson(entity));
    }

    Answer history(String visitorId, String startTime) {
        if (visitor(visitorId) == null) {
            return Answer.error(404, "No visitor with id " + visitorId);
        }
        if (startTime == null || !startTime.matches("-?\\d+")) {
            return Answer.error(400, "starttime is required, in epoch milliseconds");
        }
        long start = Long.parseLong(startTime);
        List<HourlyEvents> rows;
        synchronized (lock) {
            if (eventsByVisitor == null) {
                eventsByVisitor = new HashMap<>();
                for (HourlyEvents row : dataset.hourRows()) {
                    eventsByVisitor
                            .computeIfAbsent(row.visitorId(), v -> new ArrayList<>())
                            .add(row);
                }
            }
            rows = eventsByVisitor.getOrDefault(visitorId, List.of());
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (HourlyEvents row : rows) {
            if (row.hour() < start || row.hour() >= start + DAY) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("type", Shapes.historyType(row.kind().idField()));
            item.put("ts", row.firstTime());
            item.put("lastTs", row.lastTime());
            item.put("duration", row.lastTime() - row.firstTime());
            item.put(row.kind().idField(), row.objectId());
            item.put("appId", row.appId());
            item.put("uri", "https://app.example.com/" + row.objectId());
            item.put("parsedUserAgent", Map.of("name", row.userAgent().contains("Firefox") ? "Firefox" : "Chrome"));
            items.add(item);
            if (row.kind() == HourlyEvents.Kind.PAGE && (row.firstTime() / 60_000L) % 5 == 0) {
                items.add(Shapes.untaggedItem(row.firstTime() + 1, row.appId()));
            }
        }
        for (Map<String, Object> event : dataset.rows("guideEvents")) {
            if (visitorId.equals(event.get("visitorId"))
                    && event.get("browserTime") instanceof Long time
                    && time >= start
                    && time < start + DAY) {
                items.add(Shapes.guideItem(event));
            }
        }
        items.sort((a, b) -> Long.compare((Long) a.get("ts"), (Long) b.get("ts")));
        return Answer.json(200, JsonValues.toJson(items));
    }

    @SuppressWarnings("unchecked")
    Answer metadataValue(String method, String kind, String group, String id, String field, String body) {
        boolean visitors = kind.equals("visitor");
        synchronized (lock) {
            Map<String, Object> person = visitors ? visitor(id) : account(id);
            if (person == null) {
                return Answer.error(404, "No " + kind + " with id " + id);
            }
            if (method.equals("GET")) {
                Map<String, Object> metadata = (Map<String, Object>) person.getOrDefault("metadata", Map.of());
                Map<String, Object> fields = (Map<String, Object>) metadata.getOrDefault(group, Map.of());
                return Answer.json(200, JsonValues.toJson(fields.get(field)));
            }
            Map<String, Object> changed = changeOf(visitors, id, person);
            ((Map<String, Object>) ((Map<String, Object>) changed.get("metadata"))
                            .computeIfAbsent(group, g -> new LinkedHashMap<>()))
                    .put(field, JsonValues.parse(body));
            return Answer.ok();
        }
    }

    private Map<String, Object> changeOf(boolean visitors, String id, Map<String, Object> person) {
        Map<String, Map<String, Object>> changes = visitors ? visitorChanges : accountChanges;
        Map<String, Object> changed = changes.get(id);
        if (changed == null) {
            changed = person == null ? newPerson(visitors, id) : deepCopy(person);
            changed.computeIfAbsent("metadata", m -> new LinkedHashMap<>());
            changes.put(id, changed);
        }
        return changed;
    }

    private static Map<String, Object> newPerson(boolean visitors, String id) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put(visitors ? "visitorId" : "accountId", id);
        person.put("metadata", new LinkedHashMap<>());
        return person;
    }

    @SuppressWarnings("unchecked")
    Answer metadataBulk(String kind, String group, boolean create, String body) {
        boolean visitors = kind.equals("visitor");
        String idField = visitors ? "visitorId" : "accountId";
        if (!(JsonValues.parse(body) instanceof List<?> list)) {
            return Answer.error(400, "The body must be a JSON array of {\"" + idField + "\": ..., \"values\": {...}}");
        }
        for (Object element : list) {
            if (!(element instanceof Map<?, ?> row)
                    || !(row.get(idField) instanceof String)
                    || !(row.get("values") instanceof Map<?, ?>)) {
                return Answer.error(
                        400,
                        "Every row needs a string '" + idField + "' and an object 'values': "
                                + JsonValues.toJson(element));
            }
        }
        int updated = 0;
        int failed = 0;
        List<String> missing = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        synchronized (lock) {
            for (Object element : list) {
                Map<String, Object> row = (Map<String, Object>) element;
                schemaGrowth.learn(kind, group, (Map<String, Object>) row.get("values"));
            }
            Map<String, Map<String, Object>> schema = metadataSchema(kind).getOrDefault(group, null);
            for (Object element : list) {
                Map<String, Object> row = (Map<String, Object>) element;
                String id = (String) row.get(idField);
                Map<String, Object> person = visitors ? visitor(id) : account(id);
                if (person == null && !create) {
                    missing.add(id);
                    continue;
                }
                String error = null;
                for (Map.Entry<String, Object> value : ((Map<String, Object>) row.get("values")).entrySet()) {
                    error = typeError(schema, group, value.getKey(), value.getValue());
                    if (error != null) {
                        break;
                    }
                }
                if (error != null) {
                    failed++;
                    errors.add(id + ": " + error);
                    continue;
                }
                Map<String, Object> changed = changeOf(visitors, id, person);
                ((Map<String, Object>) ((Map<String, Object>) changed.get("metadata"))
                                .computeIfAbsent(group, g -> new LinkedHashMap<>()))
                        .putAll((Map<String, Object>) row.get("values"));
                updated++;
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("total", (long) list.size());
        result.put("updated", (long) updated);
        result.put("failed", (long) failed);
        result.put("missing", missing);
        result.put("errors", errors);
        return Answer.json(200, JsonValues.toJson(result));
    }

    /**
     * The metadata schema: the dataset's, plus the fields writes created.
     *
     * @param kind {@code visitor} or {@code account}
     * @return group to field to descriptor
     */
    Map<String, Map<String, Map<String, Object>>> metadataSchema(String kind) {
        synchronized (lock) {
            return schemaGrowth.merged(kind, PendoRows.json(dataset.metadataSchema(kind)));
        }
    }

    private static String typeError(Map<String, Map<String, Object>> schema, String group, String field, Object value) {
        if (schema == null) {
            return null;
        }
        Map<String, Object> definition = schema.get(field);
        if (definition == null) {
            return "field '" + field + "' is not defined in group '" + group + "'";
        }
        Object type = definition.get("Type");
        boolean ok = value == null
                || switch (String.valueOf(type)) {
                    case "string" -> value instanceof String;
                    case "boolean" -> value instanceof Boolean;
                    case "integer", "time" -> value instanceof Long;
                    case "float" -> value instanceof Number;
                    default -> true;
                };
        return ok ? null : "field '" + field + "' is of type " + type + ", not " + JsonValues.toJson(value);
    }

    // ---- guides, segments, reports, bulk delete

    /** Whether requests changed "visitors" or "accounts" (so their sorted indexes no longer hold). */
    boolean changed(String source) {
        synchronized (lock) {
            return source.equals("visitors")
                    ? !visitorChanges.isEmpty() || !deletedVisitors.isEmpty()
                    : !accountChanges.isEmpty() || !deletedAccounts.isEmpty();
        }
    }

    /** Deletes visitors or accounts, as a bulk delete job does. */
    void delete(boolean visitors, List<?> ids) {
        synchronized (lock) {
            ids.forEach(id -> (visitors ? deletedVisitors : deletedAccounts).add(String.valueOf(id)));
        }
    }
}
