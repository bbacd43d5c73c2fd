package io.github.pendoclient.testing.internal;

import com.squareup.moshi.JsonWriter;
import io.github.pendoclient.json.JsonValues;
import io.github.pendoclient.json.PendoJson;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.Endpoint;
import io.github.pendoclient.testing.HourlyEvents;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The fake's behaviour for every endpoint, over a {@link Dataset} plus the changes requests made (metadata writes,
 * created and deleted visitors, segments, guide states, bulk deletes, track events). Thread-safe.
 */
public final class FakeApi {

    private static final long DAY = 86_400_000L;

    private final Dataset dataset;
    private final LongSupplier clock;
    private final AggregationEngine engine;
    private final Object lock = new Object();
    private final Map<String, Map<String, Object>> visitorChanges = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> accountChanges = new LinkedHashMap<>();
    private final Set<String> deletedVisitors = new LinkedHashSet<>();
    private final Set<String> deletedAccounts = new LinkedHashSet<>();
    private final List<Map<String, Object>> segments;
    private final Map<String, String> guideStates = new HashMap<>();
    private final List<Map<String, Object>> bulkDeletes = new ArrayList<>();
    private final List<Map<String, Object>> trackEvents = new CopyOnWriteArrayList<>();
    private Map<String, Integer> visitorIndex;
    private Map<String, Integer> accountIndex;
    private Map<String, List<HourlyEvents>> eventsByVisitor;

    /**
     * Creates the fake's behaviour.
     *
     * @param dataset the data
     * @param clock epoch milliseconds of "now"
     */
    public FakeApi(Dataset dataset, LongSupplier clock) {
        this.dataset = dataset;
        this.clock = clock;
        this.engine = new AggregationEngine(new AggregationSources(dataset, new AggregationSources.Live() {
            @Override
            public Stream<Map<String, Object>> visitors() {
                return FakeApi.this.visitors();
            }

            @Override
            public Stream<Map<String, Object>> accounts() {
                return FakeApi.this.accounts();
            }

            @Override
            public List<Map<String, Object>> guides() {
                return FakeApi.this.guides();
            }

            @Override
            public boolean changed(String source) {
                synchronized (lock) {
                    return source.equals("visitors") ? !visitorChanges.isEmpty() || !deletedVisitors.isEmpty()
                            : !accountChanges.isEmpty() || !deletedAccounts.isEmpty();
                }
            }
        }), clock);
        this.segments = new ArrayList<>(dataset.segments());
    }

    /**
     * Answers a request that passed authentication.
     *
     * @param endpoint the endpoint group
     * @param method the HTTP method
     * @param path the path without its leading slash
     * @param query the query parameters, not yet percent-decoded (ids are split on literal commas first)
     * @param body the body text
     * @return the answer
     */
    public Answer handle(Endpoint endpoint, String method, String path, Map<String, String> query, String body) {
        String[] parts = path.split("/");
        try {
            return switch (endpoint) {
                case AGGREGATION -> aggregation(body);
                case FEATURES -> catalog(dataset.features(), query, "feature");
                case PAGES -> catalog(dataset.pages(), query, "page");
                case TRACK_TYPES -> catalog(dataset.trackTypes(), query, "track type");
                case GUIDES -> catalog(guides(), query, "guide");
                case GUIDE_UPDATES -> guideUpdate(method, parts, body);
                case VISITOR -> entity(visitor(decode(parts[3])), "visitor", parts[3]);
                case VISITOR_HISTORY -> history(decode(parts[3]), query.get("starttime"));
                case ACCOUNT -> entity(account(decode(parts[3])), "account", parts[3]);
                case METADATA_SCHEMA -> Answer.json(200, Json.write(dataset.metadataSchema(parts[4])));
                case METADATA_VALUE -> metadataValue(method, parts[3], decode(parts[4]), decode(parts[6]),
                        decode(parts[7]), body);
                case METADATA_BULK -> metadataBulk(parts[3], decode(parts[4]), "true".equals(query.get("create")), body);
                case SEGMENTS -> segment(method, parts, body);
                case REPORTS -> report(parts);
                case BULK_DELETE -> bulkDelete(method, parts, body);
                case TOKEN_VERIFY -> Answer.json(200, "{}");
                case TRACK -> track(body);
                default -> Answer.error(404, "No such endpoint: " + method + " /" + path);
            };
        } catch (AggregationException e) {
            return Answer.error(e.status(), e.field(), e.getMessage());
        } catch (IllegalArgumentException | ClassCastException | ArrayIndexOutOfBoundsException e) {
            return Answer.error(400, "Bad request: " + e.getMessage());
        }
    }

    /**
     * Percent-decodes a path segment per RFC 3986: {@code %2B} and {@code +} both mean a plus (only forms and query
     * strings read {@code +} as a space).
     */
    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Decodes a query string value, where {@code +} is a space. */
    private static String decodeQuery(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    // ---- aggregation

    private Answer aggregation(String body) {
        Object request;
        try {
            request = Json.parse(body);
        } catch (IllegalArgumentException e) {
            return Answer.error(400, "The body is not valid JSON (" + e.getMessage() + "); an aggregation is"
                    + " {\"response\": {\"mimeType\": \"application/json\"}, \"request\": {\"pipeline\": [...]}}");
        }
        Stream<Map<String, Object>> rows = engine.run(request);
        long startTime = clock.getAsLong();
        return new Answer(200, "application/json", null, sink -> {
            // Not closed: closing the writer would close the caller's sink.
            JsonWriter writer = JsonWriter.of(sink);
            writer.setSerializeNulls(true);
            writer.beginObject().name("startTime").value(startTime).name("results").beginArray();
            Iterator<Map<String, Object>> it = rows.iterator();
            return () -> {
                if (it.hasNext()) {
                    JsonValues.write(writer, it.next(), PendoJson.moshi());
                    return true;
                }
                writer.endArray().endObject();
                writer.flush();
                return false;
            };
        });
    }

    /**
     * How many rows aggregations have pulled from sources so far: their cost in work, not time.
     *
     * @return the count
     */
    public long aggregationRowsExamined() {
        return engine.rowsExamined();
    }

    // ---- visitors and accounts

    private Stream<Map<String, Object>> visitors() {
        return people(dataset.visitors(), "visitorId", visitorChanges, deletedVisitors);
    }

    private Stream<Map<String, Object>> accounts() {
        return people(dataset.accounts(), "accountId", accountChanges, deletedAccounts);
    }

    private Stream<Map<String, Object>> people(List<Map<String, Object>> stored, String idField,
                                               Map<String, Map<String, Object>> changes, Set<String> deleted) {
        Map<String, Map<String, Object>> changed;
        Set<String> gone;
        synchronized (lock) {
            changed = new LinkedHashMap<>(changes);
            gone = Set.copyOf(deleted);
        }
        Set<String> known = new java.util.HashSet<>();
        Stream<Map<String, Object>> base = stored.stream().map(row -> {
            String id = (String) row.get(idField);
            Map<String, Object> change = changed.get(id);
            if (change != null) {
                known.add(id);
                return deepCopy(change);
            }
            return row;
        }).filter(row -> !gone.contains((String) row.get(idField)));
        Stream<Map<String, Object>> created = Stream.of(0).flatMap(ignored -> changed.entrySet().stream()
                .filter(entry -> !known.contains(entry.getKey()) && !gone.contains(entry.getKey()))
                .map(entry -> deepCopy(entry.getValue())));
        return Stream.concat(base, created);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> row) {
        Map<String, Object> copy = new LinkedHashMap<>();
        row.forEach((name, value) -> copy.put(name, value instanceof Map<?, ?> map
                ? deepCopy((Map<String, Object>) map) : value));
        return copy;
    }

    private Map<String, Object> visitor(String id) {
        return person(id, dataset.visitors(), "visitorId", visitorChanges, deletedVisitors, true);
    }

    private Map<String, Object> account(String id) {
        return person(id, dataset.accounts(), "accountId", accountChanges, deletedAccounts, false);
    }

    private Map<String, Object> person(String id, List<Map<String, Object>> stored, String idField,
                                       Map<String, Map<String, Object>> changes, Set<String> deleted,
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
                    index.put((String) stored.get(i).get(idField), i);
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

    private static Answer entity(Map<String, Object> entity, String kind, String id) {
        if (entity == null) {
            return Answer.error(404, "No " + kind + " with id " + decode(id));
        }
        return Answer.json(200, Json.write(entity));
    }

    private Answer history(String visitorId, String startTime) {
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
                    eventsByVisitor.computeIfAbsent(row.visitorId(), v -> new ArrayList<>()).add(row);
                }
            }
            rows = eventsByVisitor.getOrDefault(visitorId, List.of());
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (HourlyEvents row : rows) {
            if (row.hour() < start || row.hour() >= start + DAY || row.kind() == HourlyEvents.Kind.TRACK) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("type", row.kind() == HourlyEvents.Kind.PAGE ? "page" : "feature");
            item.put("ts", row.firstTime());
            item.put("lastTs", row.lastTime());
            item.put("duration", row.lastTime() - row.firstTime());
            item.put(row.kind().idField(), row.objectId());
            item.put("appId", row.appId());
            item.put("uri", "https://app.example.com/" + row.objectId());
            item.put("parsedUserAgent", Map.of("name", row.userAgent().contains("Firefox") ? "Firefox" : "Chrome"));
            items.add(item);
        }
        items.sort((a, b) -> Long.compare((Long) a.get("ts"), (Long) b.get("ts")));
        return Answer.json(200, Json.write(items));
    }

    // ---- metadata

    @SuppressWarnings("unchecked")
    private Answer metadataValue(String method, String kind, String group, String id, String field, String body) {
        boolean visitors = kind.equals("visitor");
        synchronized (lock) {
            Map<String, Object> person = visitors ? visitor(id) : account(id);
            if (person == null) {
                return Answer.error(404, "No " + kind + " with id " + id);
            }
            if (method.equals("GET")) {
                Map<String, Object> metadata = (Map<String, Object>) person.getOrDefault("metadata", Map.of());
                Map<String, Object> fields = (Map<String, Object>) metadata.getOrDefault(group, Map.of());
                return Answer.json(200, Json.write(fields.get(field)));
            }
            Map<String, Object> changed = changeOf(visitors, id, person);
            ((Map<String, Object>) ((Map<String, Object>) changed.get("metadata"))
                    .computeIfAbsent(group, g -> new LinkedHashMap<>())).put(field, Json.parse(body));
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
    private Answer metadataBulk(String kind, String group, boolean create, String body) {
        boolean visitors = kind.equals("visitor");
        String idField = visitors ? "visitorId" : "accountId";
        if (!(Json.parse(body) instanceof List<?> list)) {
            return Answer.error(400, "The body must be a JSON array of {\"" + idField + "\": ..., \"values\": {...}}");
        }
        for (Object element : list) {
            if (!(element instanceof Map<?, ?> row) || !(row.get(idField) instanceof String)
                    || !(row.get("values") instanceof Map<?, ?>)) {
                return Answer.error(400, "Every row needs a string '" + idField + "' and an object 'values': "
                        + Json.write(element));
            }
        }
        Map<String, Map<String, Object>> schema = dataset.metadataSchema(kind).getOrDefault(group, null);
        int updated = 0;
        int failed = 0;
        List<String> missing = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        synchronized (lock) {
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
        return Answer.json(200, Json.write(result));
    }

    private static String typeError(Map<String, Map<String, Object>> schema, String group, String field,
                                    Object value) {
        if (schema == null) {
            return null;
        }
        Map<String, Object> definition = schema.get(field);
        if (definition == null) {
            return "field '" + field + "' is not defined in group '" + group + "'";
        }
        Object type = definition.get("Type");
        boolean ok = value == null || switch (String.valueOf(type)) {
            case "string" -> value instanceof String;
            case "boolean" -> value instanceof Boolean;
            case "integer", "time" -> value instanceof Long;
            case "float" -> value instanceof Number;
            default -> true;
        };
        return ok ? null : "field '" + field + "' is of type " + type + ", not " + Json.write(value);
    }

    // ---- guides, segments, reports, bulk delete

    private List<Map<String, Object>> guides() {
        Map<String, String> states;
        synchronized (lock) {
            if (guideStates.isEmpty()) {
                return dataset.guides();
            }
            states = new HashMap<>(guideStates);
        }
        List<Map<String, Object>> guides = new ArrayList<>();
        for (Map<String, Object> guide : dataset.guides()) {
            String state = states.get((String) guide.get("id"));
            if (state == null) {
                guides.add(guide);
            } else {
                Map<String, Object> copy = new LinkedHashMap<>(guide);
                copy.put("state", state);
                guides.add(copy);
            }
        }
        return guides;
    }

    @SuppressWarnings("unchecked")
    private Answer guideUpdate(String method, String[] parts, String body) {
        String guideId = decode(parts[3]);
        boolean known = guideId.equals("all") || dataset.guides().stream().anyMatch(g -> guideId.equals(g.get("id")));
        if (!known) {
            return Answer.error(404, "No guide with id " + guideId);
        }
        if (method.equals("PUT") && parts.length == 5 && parts[4].equals("state")) {
            Object state = ((Map<String, Object>) Json.parse(body)).get("state");
            if (!(state instanceof String text) || !Set.of("draft", "staged", "public", "disabled").contains(text)) {
                return Answer.error(400, "state must be one of draft, staged, public, disabled; was " + state);
            }
            synchronized (lock) {
                guideStates.put(guideId, text);
            }
        }
        return Answer.ok();
    }

    @SuppressWarnings("unchecked")
    private Answer segment(String method, String[] parts, String body) {
        synchronized (lock) {
            if (parts.length == 3) {
                return method.equals("GET") ? Answer.json(200, Json.write(segments))
                        : Answer.error(405, "Use POST /api/v1/segment/upload to create a segment");
            }
            if (parts.length == 4 && parts[3].equals("upload") && method.equals("POST")) {
                Map<String, Object> segment = new LinkedHashMap<>((Map<String, Object>) Json.parse(body));
                segment.put("id", "seg-" + (segments.size() + 1));
                segment.putIfAbsent("kind", "segment");
                segment.put("createdAt", clock.getAsLong());
                segments.add(segment);
                return Answer.json(200, Json.write(segment));
            }
            String id = decode(parts[3]);
            Map<String, Object> segment = segments.stream().filter(s -> id.equals(s.get("id"))).findFirst()
                    .orElse(null);
            if (segment == null) {
                return Answer.error(404, "No segment with id " + id);
            }
            if (parts.length == 4) {
                switch (method) {
                    case "GET":
                        return Answer.json(200, Json.write(segment));
                    case "DELETE":
                        segments.remove(segment);
                        return Answer.ok();
                    default:
                        Map<String, Object> replaced = new LinkedHashMap<>((Map<String, Object>) Json.parse(body));
                        replaced.put("id", id);
                        segments.set(segments.indexOf(segment), replaced);
                        return Answer.ok();
                }
            }
            return Answer.ok();
        }
    }

    private Answer report(String[] parts) {
        if (parts.length == 3) {
            return Answer.json(200, Json.write(dataset.reports()));
        }
        String id = decode(parts[3]);
        if (parts.length == 5 && parts[4].equals("results.json")
                && dataset.reports().stream().anyMatch(r -> id.equals(r.get("id")))) {
            return Answer.json(200, Json.write(dataset.reportResults(id)));
        }
        return Answer.error(404, "No report with id " + id);
    }

    @SuppressWarnings("unchecked")
    private Answer bulkDelete(String method, String[] parts, String body) {
        synchronized (lock) {
            if (method.equals("POST") && parts.length == 4) {
                boolean visitors = parts[3].equals("visitor");
                String member = visitors ? "visitors" : "accounts";
                Object ids = ((Map<String, Object>) Json.parse(body)).get(member);
                if (!(ids instanceof List<?> list) || list.isEmpty() || list.size() > 500) {
                    return Answer.error(400, "The body is {\"" + member + "\": [1 to 500 ids]}");
                }
                list.forEach(id -> (visitors ? deletedVisitors : deletedAccounts).add(String.valueOf(id)));
                Map<String, Object> job = new LinkedHashMap<>();
                job.put("id", "bd-" + (bulkDeletes.size() + 1));
                job.put("status", "complete");
                job.put("kind", parts[3]);
                job.put("createdAt", clock.getAsLong());
                job.put("count", (long) list.size());
                bulkDeletes.add(job);
                return Answer.json(200, Json.write(job));
            }
            if (parts.length == 3) {
                return Answer.json(200, Json.write(bulkDeletes));
            }
            String id = decode(parts[3]);
            return bulkDeletes.stream().filter(job -> id.equals(job.get("id"))).findFirst()
                    .map(job -> Answer.json(200, Json.write(job)))
                    .orElse(Answer.error(404, "No bulk delete job " + id));
        }
    }

    // ---- track

    @SuppressWarnings("unchecked")
    private Answer track(String body) {
        Object parsed = Json.parse(body);
        if (!(parsed instanceof Map<?, ?> map)) {
            return Answer.error(400, "A track event is a JSON object");
        }
        Map<String, Object> event = (Map<String, Object>) map;
        if (!"track".equals(event.get("type"))) {
            return Answer.error(400, "type must be \"track\"");
        }
        for (String required : new String[] {"event", "visitorId"}) {
            if (!(event.get(required) instanceof String text) || text.isBlank()) {
                return Answer.error(400, required + " is required");
            }
        }
        if (!(event.get("timestamp") instanceof Long)) {
            return Answer.error(400, "timestamp is required, in epoch milliseconds");
        }
        if (!(event.get("context") instanceof Map<?, ?>)) {
            return Answer.error(400, "context is required (it may be {})");
        }
        trackEvents.add(event);
        return Answer.ok();
    }

    /**
     * The track events received, as their JSON bodies.
     *
     * @return the events in arrival order
     */
    public List<Map<String, Object>> trackEvents() {
        return List.copyOf(trackEvents);
    }

    // ---- catalog lists

    private static Answer catalog(List<Map<String, Object>> items, Map<String, String> query, String noun) {
        List<Map<String, Object>> result = items;
        String appId = query.get("appId");
        if (appId != null) {
            long app = Long.parseLong(decodeQuery(appId));
            result = result.stream().filter(item -> item.get("appId") instanceof Number n && n.longValue() == app)
                    .toList();
        }
        String ids = query.get("id");
        if (ids != null) {
            List<Map<String, Object>> found = new ArrayList<>();
            for (String id : ids.split(",")) {
                String wanted = decodeQuery(id.strip());
                Map<String, Object> item = result.stream().filter(i -> wanted.equals(i.get("id"))).findFirst()
                        .orElse(null);
                if (item == null) {
                    return Answer.error(404, "No " + noun + " with id " + wanted);
                }
                found.add(item);
            }
            result = found;
        }
        return Answer.json(200, Json.write(result));
    }
}
