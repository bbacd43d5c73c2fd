package io.github.pendoclient.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import io.github.pendoclient.PendoClient;
import io.github.pendoclient.aggregation.AggregationClient;
import io.github.pendoclient.aggregation.Queries;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.internal.json.PendoJson;
import io.github.pendoclient.json.Binding;
import io.github.pendoclient.model.Visitor;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One run of the aggregation streaming case, in its own JVM so each has its own heap cap: reads the visitors
 * response once to warm up, then once measured, and prints {@code RESULT rows=... nanos=... peakHeap=...} (or
 * {@code RESULT oom} when the heap runs out).
 */
public final class StreamingCase {

    private StreamingCase() {}

    /**
     * Runs one case.
     *
     * @param args the mode ({@code sdk-typed}, {@code sdk-typed-strict}, {@code sdk-maps}, {@code bare},
     *     {@code naive}) and the server port;
     *     or {@code fake} and a number of visitors for FakePendo to generate and serve
     */
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int port = Integer.parseInt(args[1]);
        String base = "http://127.0.0.1:" + port + "/";
        if (mode.equals("fake")) {
            // The fake serves its own generated visitors; the port argument is the row count.
            io.github.pendoclient.testing.FakePendo fake = io.github.pendoclient.testing.FakePendo.builder()
                    .dataset(io.github.pendoclient.testing.Dataset.generator(42)
                            .visitors(port)
                            .days(0)
                            .build())
                    .build()
                    .start();
            base = fake.baseUrl().toString();
            mode = "sdk-maps";
        }
        try {
            run(mode, base);
            resetPeaks();
            long start = System.nanoTime();
            long rows = run(mode, base);
            long nanos = System.nanoTime() - start;
            System.out.println("RESULT rows=" + rows + " nanos=" + nanos + " peakHeap=" + peakHeap());
        } catch (OutOfMemoryError oom) {
            System.out.println("RESULT oom");
        }
        System.exit(0);
    }

    private static long run(String mode, String base) throws IOException {
        switch (mode) {
            case "sdk-typed":
            case "sdk-typed-strict":
            case "sdk-maps":
                try (PendoClient client = PendoClient.builder()
                        .integrationKey(io.github.pendoclient.testing.FakePendo.DEFAULT_INTEGRATION_KEY)
                        .baseUrl(base)
                        .rateLimit(RateLimitOptions.disabled())
                        .build()) {
                    AggregationClient aggregations = AggregationClient.create(client);
                    if (mode.equals("sdk-typed-strict")) {
                        try (Stream<Visitor> rows = aggregations.stream(
                                Queries.allVisitors(), Binding.STRICT.moshi().adapter(Visitor.class))) {
                            return rows.mapToLong(v -> v.visitorId().length() > 0 ? 1 : 0)
                                    .sum();
                        }
                    }
                    if (mode.equals("sdk-typed")) {
                        try (Stream<Visitor> rows = aggregations.stream(Queries.allVisitors(), Visitor.class)) {
                            return rows.mapToLong(v -> v.visitorId().length() > 0 ? 1 : 0)
                                    .sum();
                        }
                    }
                    try (Stream<Map<String, Object>> rows = aggregations.stream(Queries.allVisitors())) {
                        return rows.mapToLong(row -> row.get("visitorId") != null ? 1 : 0)
                                .sum();
                    }
                }
            case "bare":
                try (Response response = post(base)) {
                    JsonReader reader = JsonReader.of(response.body().source());
                    reader.beginObject();
                    long rows = 0;
                    while (reader.hasNext()) {
                        if (reader.nextName().equals("results")) {
                            reader.beginArray();
                            while (reader.hasNext()) {
                                walk(reader);
                                rows++;
                            }
                            reader.endArray();
                        } else {
                            reader.skipValue();
                        }
                    }
                    reader.endObject();
                    return rows;
                }
            case "naive":
                try (Response response = post(base)) {
                    JsonAdapter<Map<String, Object>> adapter = PendoJson.moshi()
                            .adapter(com.squareup.moshi.Types.newParameterizedType(
                                    Map.class, String.class, Object.class));
                    Map<String, Object> body = adapter.fromJson(response.body().source());
                    return ((List<?>) body.get("results")).size();
                }
            default:
                throw new IllegalArgumentException("Unknown mode " + mode);
        }
    }

    private static Response post(String base) throws IOException {
        OkHttpClient http = new OkHttpClient();
        Request request = new Request.Builder()
                .url(base + "api/v1/aggregation")
                .header("x-pendo-integration-key", "fake-benchmark-key")
                .post(RequestBody.create(Queries.allVisitors().toJson(), MediaType.get("application/json")))
                .build();
        return http.newCall(request).execute();
    }

    /** Reads every token of a value without building anything: the parsing limit. */
    private static void walk(JsonReader reader) throws IOException {
        switch (reader.peek()) {
            case BEGIN_OBJECT -> {
                reader.beginObject();
                while (reader.hasNext()) {
                    reader.nextName();
                    walk(reader);
                }
                reader.endObject();
            }
            case BEGIN_ARRAY -> {
                reader.beginArray();
                while (reader.hasNext()) {
                    walk(reader);
                }
                reader.endArray();
            }
            case BOOLEAN -> reader.nextBoolean();
            case NULL -> reader.nextNull();
            default -> reader.nextString();
        }
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
