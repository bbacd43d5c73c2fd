package io.github.pendoclient.benchmarks;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.event.PendoEventListener;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.micrometer.PendoMeterBinder;
import io.github.pendoclient.model.Feature;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The Micrometer binding's cost on a REST call: {@code client.features().list()} of 10 features against a loopback
 * server, by a client without an event listener and by one with a {@link PendoMeterBinder} on a
 * {@link SimpleMeterRegistry}, over one connection pool.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MetricsOverheadBenchmark {

    private FileServer server;
    private OkHttpClient okHttp;
    private PendoClient off;
    private PendoClient on;

    /** Starts the server and both clients. */
    @Setup(Level.Trial)
    public void start() throws IOException {
        Buffer body = new Buffer().writeUtf8("[");
        for (int i = 0; i < 10; i++) {
            body.writeUtf8(i == 0 ? "" : ",")
                    .writeUtf8("{\"id\":\"feature-" + i + "\",\"appId\":-323232,\"name\":\"Feature " + i
                            + "\",\"kind\":\"Feature\",\"pageId\":\"page-" + i + "\",\"createdAt\":1700000000000}");
        }
        server = new FileServer(body.writeUtf8("]").readByteArray());
        okHttp = new OkHttpClient();
        off = client(PendoEventListener.NONE);
        on = client(PendoMeterBinder.create(new SimpleMeterRegistry()));
    }

    private PendoClient client(PendoEventListener listener) {
        return PendoClient.builder()
                .integrationKey("fake-benchmark-key")
                .baseUrl("http://127.0.0.1:" + server.port() + "/")
                .okHttpClient(okHttp)
                .rateLimit(RateLimitOptions.disabled())
                .eventListener(listener)
                .build();
    }

    /** Stops the server and the clients. */
    @TearDown(Level.Trial)
    public void stop() throws IOException {
        off.close();
        on.close();
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
        server.close();
    }

    /**
     * A call without metrics.
     *
     * @return the features
     */
    @Benchmark
    public List<Feature> metricsOff() {
        return off.features().list();
    }

    /**
     * The same call recording its meters.
     *
     * @return the features
     */
    @Benchmark
    public List<Feature> metricsOn() {
        return on.features().list();
    }
}
