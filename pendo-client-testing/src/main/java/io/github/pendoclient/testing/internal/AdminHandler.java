package io.github.pendoclient.testing.internal;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.testing.Dataset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/** Segments, reports and bulk delete jobs. Thread-safe. */
final class AdminHandler {

    private final Dataset dataset;
    private final PeopleHandler people;
    private final LongSupplier clock;
    private final Object lock = new Object();
    private final List<Map<String, Object>> segments;
    private final List<Map<String, Object>> bulkDeletes = new ArrayList<>();

    AdminHandler(Dataset dataset, PeopleHandler people, LongSupplier clock) {
        this.dataset = dataset;
        this.people = people;
        this.clock = clock;
        this.segments = new ArrayList<>(PendoRows.view(dataset.segments(), PendoRows::json));
    }

    @SuppressWarnings("unchecked")
    Answer segment(String method, String[] parts, String body) {
        synchronized (lock) {
            if (parts.length == 3) {
                return method.equals("GET")
                        ? Answer.json(200, JsonValues.toJson(segments))
                        : Answer.error(405, "Use POST /api/v1/segment/upload to create a segment");
            }
            if (parts.length == 4 && parts[3].equals("upload") && method.equals("POST")) {
                Map<String, Object> segment = new LinkedHashMap<>((Map<String, Object>) JsonValues.parse(body));
                segment.put("id", "seg-" + (segments.size() + 1));
                segment.putIfAbsent("kind", "segment");
                segment.put("createdAt", clock.getAsLong());
                segments.add(segment);
                return Answer.json(200, JsonValues.toJson(segment));
            }
            String id = FakeApi.decode(parts[3]);
            Map<String, Object> segment = segments.stream()
                    .filter(s -> id.equals(s.get("id")))
                    .findFirst()
                    .orElse(null);
            if (segment == null) {
                return Answer.error(404, "No segment with id " + id);
            }
            if (parts.length == 4) {
                switch (method) {
                    case "GET":
                        return Answer.json(200, JsonValues.toJson(segment));
                    case "DELETE":
                        segments.remove(segment);
                        return Answer.ok();
                    default:
                        Map<String, Object> replaced =
                                new LinkedHashMap<>((Map<String, Object>) JsonValues.parse(body));
                        replaced.put("id", id);
                        segments.set(segments.indexOf(segment), replaced);
                        return Answer.ok();
                }
            }
            return Answer.ok();
        }
    }

    Answer report(String[] parts) {
        if (parts.length == 3) {
            return Answer.json(200, JsonValues.toJson(PendoRows.view(dataset.reports(), PendoRows::json)));
        }
        String id = FakeApi.decode(parts[3]);
        if (parts.length == 5
                && parts[4].equals("results.json")
                && dataset.reports().stream().anyMatch(r -> id.equals(r.id()))) {
            return Answer.json(200, JsonValues.toJson(dataset.reportResults(id)));
        }
        return Answer.error(404, "No report with id " + id);
    }

    @SuppressWarnings("unchecked")
    Answer bulkDelete(String method, String[] parts, String body) {
        synchronized (lock) {
            if (method.equals("POST") && parts.length == 4) {
                boolean visitors = parts[3].equals("visitor");
                String member = visitors ? "visitors" : "accounts";
                Object ids = ((Map<String, Object>) JsonValues.parse(body)).get(member);
                if (!(ids instanceof List<?> list) || list.isEmpty() || list.size() > 500) {
                    return Answer.error(400, "The body is {\"" + member + "\": [1 to 500 ids]}");
                }
                people.delete(visitors, list);
                Map<String, Object> job = new LinkedHashMap<>();
                job.put("id", "bd-" + (bulkDeletes.size() + 1));
                job.put("status", "complete");
                job.put("kind", parts[3]);
                job.put("createdAt", clock.getAsLong());
                job.put("count", (long) list.size());
                bulkDeletes.add(job);
                return Answer.json(200, JsonValues.toJson(job));
            }
            if (parts.length == 3) {
                return Answer.json(200, JsonValues.toJson(bulkDeletes));
            }
            String id = FakeApi.decode(parts[3]);
            return bulkDeletes.stream()
                    .filter(job -> id.equals(job.get("id")))
                    .findFirst()
                    .map(job -> Answer.json(200, JsonValues.toJson(job)))
                    .orElse(Answer.error(404, "No bulk delete job " + id));
        }
    }
}
