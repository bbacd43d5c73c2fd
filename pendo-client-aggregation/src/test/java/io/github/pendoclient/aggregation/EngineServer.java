package io.github.pendoclient.aggregation;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.github.pendoclient.PendoClient;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.internal.json.PendoJson;
import io.github.pendoclient.testing.internal.AggregationEngine;
import io.github.pendoclient.testing.internal.AggregationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * A loopback server that answers {@code POST /api/v1/aggregation} by running the fake's engine over given rows,
 * and records every pipeline it ran. The aggregation tests use it to check paging against real filter semantics.
 */
final class EngineServer implements AutoCloseable {

    static final String KEY = "fake-aggregation-key-0000";
    static final long NOW = 1_795_000_000_000L;

    final MockWebServer server = new MockWebServer();
    final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    final PendoClient client;
    final AggregationClient aggregations;
    private final AggregationEngine engine;

    EngineServer(AggregationEngine.Sources sources) {
        engine = new AggregationEngine(sources, () -> NOW);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody().utf8();
                bodies.add(body);
                try {
                    Object parsed = parse(body);
                    return ok(engine.run(parsed));
                } catch (AggregationException e) {
                    return new MockResponse.Builder()
                            .code(e.status())
                            .body(e.getMessage())
                            .build();
                }
            }
        });
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client = PendoClient.builder()
                .integrationKey(KEY)
                .baseUrl(server.url("/").toString())
                .rateLimit(RateLimitOptions.disabled())
                .build();
        aggregations = AggregationClient.create(client);
    }

    /** Rows of one source, whatever the parameters. */
    static EngineServer of(String source, List<Map<String, Object>> rows) {
        return new EngineServer((name, params, range) -> {
            if (!name.equals(source)) {
                throw new AggregationException(422, "unknown source " + name);
            }
            return rows.stream().map(LinkedHashMap::new);
        });
    }

    static Object parse(String json) {
        try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
            return JsonValues.read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse ok(Stream<Map<String, Object>> rows) {
        Buffer buffer = new Buffer();
        try (JsonWriter writer = JsonWriter.of(buffer)) {
            writer.beginObject().name("startTime").value(NOW).name("results").beginArray();
            for (Iterator<Map<String, Object>> it = rows.iterator(); it.hasNext(); ) {
                JsonValues.write(writer, it.next(), PendoJson.moshi());
            }
            writer.endArray().endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(buffer)
                .build();
    }

    /** The pipelines run so far, parsed. */
    @SuppressWarnings("unchecked")
    List<List<Object>> pipelines() {
        List<List<Object>> pipelines = new ArrayList<>();
        for (String body : List.copyOf(bodies)) {
            Map<String, Object> request = (Map<String, Object>) ((Map<String, Object>) parse(body)).get("request");
            pipelines.add((List<Object>) request.get("pipeline"));
        }
        return pipelines;
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
