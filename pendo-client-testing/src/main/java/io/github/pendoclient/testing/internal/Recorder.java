package io.github.pendoclient.testing.internal;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.testing.RecordedCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The calls a fake received, in arrival order, with secrets already redacted. Thread-safe. */
public final class Recorder {

    private final List<RecordedCall> calls = new ArrayList<>();

    public synchronized void record(RecordedCall call) {
        calls.add(call);
    }

    public synchronized List<RecordedCall> calls() {
        return List.copyOf(calls);
    }

    public synchronized void clear() {
        calls.clear();
    }

    /** The calls as a JSON array, for clients in other languages ({@code GET /_fake/requests}). */
    public String toJson() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RecordedCall call : calls()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("method", call.method());
            row.put("path", call.path());
            row.put("query", call.query());
            row.put("endpoint", call.endpoint().name());
            row.put("headers", call.headers());
            row.put("body", call.body());
            row.put("status", (long) call.status());
            out.add(row);
        }
        return JsonValues.toJson(out);
    }
}
