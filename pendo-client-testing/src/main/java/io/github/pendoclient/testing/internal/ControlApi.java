package io.github.pendoclient.testing.internal;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.Endpoint;
import io.github.pendoclient.testing.Fault;
import io.github.pendoclient.testing.MetadataType;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The fake's own endpoints under {@code /_fake/}, so tests in any language can script faults and read what the fake
 * recorded. They need no key and are not recorded themselves.
 *
 * <ul>
 *   <li>{@code GET /_fake/requests}: the recorded calls, a JSON array of {@code {method, path, query, endpoint,
 *       headers, body, status}} (secrets redacted); {@code DELETE} forgets them, and only them.</li>
 *   <li>{@code GET /_fake/track-events}: the accepted track events, as the JSON bodies they were sent with;
 *       {@code DELETE} forgets them, and only them.</li>
 *   <li>{@code POST /_fake/faults} with {@code {"endpoint": "AGGREGATION", "status": 429, "retryAfterSeconds": 1,
 *       "times": 2}}, or {@code "fault"} one of {@code "status"}, {@code "html503"}, {@code "delay"} (with
 *       {@code "delayMillis"}) and {@code "disconnectMidBody"}; {@code GET /_fake/faults} counts the calls the
 *       queued faults will still affect; {@code DELETE} clears them.</li>
 *   <li>{@code PUT /_fake/metadata-schema/{kind}/{group}/{field}} with {@code {"type": "integer"}} adds a metadata
 *       field to the served schema or gives it that type; {@code DELETE} takes it out. Rows keep their values.</li>
 * </ul>
 */
final class ControlApi {

    private static final String SCHEMA = "/_fake/metadata-schema/";

    private final Supplier<FakeApi> api;
    private final Consumer<UnaryOperator<Dataset>> datasets;
    private final Recorder recorder;
    private final FaultQueue faults;

    ControlApi(Supplier<FakeApi> api, Consumer<UnaryOperator<Dataset>> datasets, Recorder recorder, FaultQueue faults) {
        this.api = api;
        this.datasets = datasets;
        this.recorder = recorder;
        this.faults = faults;
    }

    static boolean handles(String path) {
        return path.startsWith("/_fake/");
    }

    Answer handle(String method, String path, String body) {
        if (path.startsWith(SCHEMA)) {
            return schema(method, path.substring(SCHEMA.length()).split("/", -1), body);
        }
        switch (method + " " + path) {
            case "GET /_fake/requests":
                return Answer.json(200, recorder.toJson());
            case "DELETE /_fake/requests":
                recorder.clear();
                return Answer.json(200, "{}");
            case "GET /_fake/track-events":
                return Answer.json(200, JsonValues.toJson(api.get().trackEvents()));
            case "DELETE /_fake/track-events":
                api.get().clearTrackEvents();
                return Answer.json(200, "{}");
            case "GET /_fake/faults":
                return Answer.json(200, "{\"pending\":" + faults.pending() + "}");
            case "DELETE /_fake/faults":
                faults.clear();
                return Answer.json(200, "{\"pending\":0}");
            case "POST /_fake/faults":
                return scriptFault(body);
            default:
                return Answer.error(
                        404,
                        "The fake's control endpoints are GET and DELETE /_fake/requests,"
                                + " GET and DELETE /_fake/track-events, GET, POST and DELETE /_fake/faults,"
                                + " PUT and DELETE /_fake/metadata-schema/{kind}/{group}/{field}; not " + method
                                + " " + path);
        }
    }

    /**
     * Changes the served dataset's metadata schema: {@code PUT} with {@code {"type": "integer"}} adds the field or
     * gives it that type, {@code DELETE} takes it out. Values in rows stay as they are.
     */
    private Answer schema(String method, String[] parts, String body) {
        if (parts.length != 3 || Arrays.stream(parts).anyMatch(String::isEmpty)) {
            return Answer.error(404, "The path is /_fake/metadata-schema/{kind}/{group}/{field}");
        }
        String kind = FakeApi.decode(parts[0]);
        String group = FakeApi.decode(parts[1]);
        String field = FakeApi.decode(parts[2]);
        try {
            DatasetDraft.checkKind(kind);
            switch (method) {
                case "PUT" -> {
                    MetadataType type = typeOf(body);
                    datasets.accept(dataset -> dataset.toBuilder()
                            .metadataField(kind, group, field, type)
                            .build());
                    return Answer.json(200, JsonValues.toJson(Shapes.field(kind, group, field, type.pendoName())));
                }
                case "DELETE" -> {
                    datasets.accept(dataset -> dataset.toBuilder()
                            .removeMetadataField(kind, group, field)
                            .build());
                    return Answer.json(200, "{}");
                }
                default -> {
                    return Answer.error(405, "Use PUT (with {\"type\": ...}) or DELETE on /_fake/metadata-schema/...");
                }
            }
        } catch (IllegalArgumentException e) {
            return Answer.error(400, e.getMessage());
        }
    }

    private static MetadataType typeOf(String body) {
        Object type = JsonValues.parse(body) instanceof Map<?, ?> spec ? spec.get("type") : null;
        return MetadataType.fromPendoName(String.valueOf(type))
                .orElseThrow(() -> new IllegalArgumentException("The body is {\"type\": T}, where T is one of "
                        + Arrays.stream(MetadataType.values())
                                .map(MetadataType::pendoName)
                                .collect(Collectors.joining(", "))
                        + "; not '" + type + "'"));
    }

    private Answer scriptFault(String body) {
        Object parsed;
        try {
            parsed = JsonValues.parse(body);
        } catch (IllegalArgumentException e) {
            return Answer.error(400, "The body is not valid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> spec)) {
            return Answer.error(
                    400,
                    "The body is a JSON object, for example {\"endpoint\": \"AGGREGATION\","
                            + " \"status\": 429, \"retryAfterSeconds\": 1, \"times\": 2}");
        }
        Endpoint endpoint;
        try {
            endpoint = Endpoint.valueOf(String.valueOf(spec.get("endpoint")));
        } catch (IllegalArgumentException e) {
            return Answer.error(
                    400,
                    "endpoint",
                    "endpoint must be one of " + Arrays.toString(Endpoint.values()) + ", not " + spec.get("endpoint"));
        }
        try {
            Fault fault = faultOf(spec);
            faults.add(endpoint, fault);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("endpoint", endpoint.name());
            out.put("fault", fault.toString());
            out.put("pending", (long) faults.pending());
            return Answer.json(200, JsonValues.toJson(out));
        } catch (IllegalArgumentException e) {
            return Answer.error(400, e.getMessage());
        }
    }

    private static Fault faultOf(Map<?, ?> spec) {
        Object kind = spec.get("fault");
        if (kind == null) {
            kind = spec.get("status") != null ? "status" : null;
        }
        Fault fault;
        if ("status".equals(kind)) {
            fault = Fault.status(whole(spec.get("status"), "status"));
            if (spec.get("retryAfterSeconds") != null) {
                fault = fault.retryAfterSeconds(whole(spec.get("retryAfterSeconds"), "retryAfterSeconds"));
            }
            if (spec.get("body") instanceof String text) {
                fault = fault.body(text);
            }
        } else if ("html503".equals(kind)) {
            fault = Fault.html503();
        } else if ("delay".equals(kind)) {
            fault = Fault.delay(Duration.ofMillis(whole(spec.get("delayMillis"), "delayMillis")));
        } else if ("disconnectMidBody".equals(kind)) {
            fault = Fault.disconnectMidBody();
        } else {
            throw new IllegalArgumentException("fault must be one of status, html503, delay, disconnectMidBody (or"
                    + " give a status), not " + kind);
        }
        if (spec.get("times") != null) {
            fault = fault.times(whole(spec.get("times"), "times"));
        }
        return fault;
    }

    private static int whole(Object value, String name) {
        if (!(value instanceof Long number) || number < 0 || number > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be a whole number, not " + value);
        }
        return (int) (long) number;
    }
}
