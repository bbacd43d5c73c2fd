package io.github.pendoclient.benchmarks;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import io.github.pendoclient.PendoClient;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.internal.json.PendoJson;
import io.github.pendoclient.model.Feature;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * REST call overhead: {@code client.features().list()} against a raw OkHttp call plus a Moshi parse of the same
 * body into the same {@link Feature} records, over one connection pool, for a small and a large list. The server
 * answers from memory with Nagle's algorithm off, so small responses are not held back by delayed acknowledgements.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RestOverheadBenchmark {

    /** How many features the list holds. */
    @Param({"10", "5000"})
    public int features;

    private FileServer server;
    private OkHttpClient okHttp;
    private PendoClient client;
    private JsonAdapter<List<Feature>> adapter;
    private Request raw;

    /** Starts a loopback server that answers every request with the same list. */
    @Setup(Level.Trial)
    public void start() throws IOException {
        Buffer body = new Buffer();
        body.writeUtf8("[");
        for (int i = 0; i < features; i++) {
            body.writeUtf8(i == 0 ? "" : ",")
                    .writeUtf8("{\"id\":\"feature-" + i + "\",\"appId\":-323232,"
                            + "\"name\":\"Feature " + i
                            + "\",\"kind\":\"Feature\",\"color\":\"gray\",\"pageId\":\"page-"
                            + (i % 40) + "\",\"appWide\":false,\"elementPathRules\":[\"#f" + i + " button\"],"
                            + "\"isCoreEvent\":false,\"dirty\":false,\"createdByUser\":{\"id\":\"u1\"},"
                            + "\"createdAt\":1700000000000,\"lastUpdatedByUser\":{},\"lastUpdatedAt\":1710000000000,"
                            + "\"rootVersionId\":\"feature-" + i + "\",\"stableVersionId\":\"feature-" + i + "-1\"}");
        }
        byte[] bytes = body.writeUtf8("]").readByteArray();
        server = new FileServer(bytes);
        String base = "http://127.0.0.1:" + server.port() + "/";
        okHttp = new OkHttpClient();
        client = PendoClient.builder()
                .integrationKey("fake-benchmark-key")
                .baseUrl(base)
                .okHttpClient(okHttp)
                .rateLimit(RateLimitOptions.disabled())
                .build();
        adapter = PendoJson.moshi().adapter(Types.newParameterizedType(List.class, Feature.class));
        raw = new Request.Builder()
                .url(base + "api/v1/feature?expand=*")
                .header("x-pendo-integration-key", "fake-benchmark-key")
                .build();
    }

    /** Stops the server and the clients. */
    @TearDown(Level.Trial)
    public void stop() throws IOException {
        client.close();
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
        server.close();
    }

    /**
     * The SDK call.
     *
     * @return the features
     */
    @Benchmark
    public List<Feature> sdk() {
        return client.features().list();
    }

    /**
     * The baseline: a raw call and a parse.
     *
     * @return the features
     * @throws IOException if the call fails
     */
    @Benchmark
    public List<Feature> rawOkHttpAndMoshi() throws IOException {
        try (Response response = okHttp.newCall(raw).execute()) {
            return adapter.fromJson(response.body().source());
        }
    }
}
