package io.github.pendoclient.testing;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.track.Context;
import io.github.pendoclient.track.TrackClient;
import io.github.pendoclient.track.TrackEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-process Pendo on loopback, for testing integrations without a subscription. It serves the REST endpoints,
 * {@code POST /api/v1/aggregation} (a real subset of the pipeline language, see {@link Dataset}) and
 * {@code POST /data/track} over a {@link Dataset}; checks keys like Pendo; plays faults on demand; and records every
 * request. Thread-safe.
 *
 * <pre>{@code
 * @RegisterExtension
 * static FakePendo pendo = FakePendo.create().withDataset(Dataset.generated(42, 1_000));
 *
 * @Test
 * void syncsVisitors() {
 *     PendoClient client = pendo.client();          // pointed at the fake, with a valid key
 *     pendo.enqueueFault(Endpoint.AGGREGATION, Fault.status(429).retryAfterSeconds(1).times(2));
 *     ...
 *     assertThat(pendo.trackEvents()).extracting(TrackEvent::event).contains("Report Exported");
 * }
 * }</pre>
 *
 * <p>As a JUnit 5 extension in a static field it starts before the first test and stops after the last; in an
 * instance field, around each test. By hand: {@link #start()} and {@link #close()}.
 *
 * <p>Authentication is Pendo's: a missing or wrong {@code x-pendo-integration-key} gets 401, and so does a key
 * registered with {@link #withKeyForOtherRegion(String)}, with a message naming the region mix-up. The track
 * endpoint checks the shared secret instead. An aggregation operator the fake does not implement gets 422 naming
 * it, so a test fails loudly instead of passing on wrong data.
 */
public final class FakePendo implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        AutoCloseable {

    /** The integration key the fake accepts unless told otherwise. */
    public static final String DEFAULT_INTEGRATION_KEY = "fake-pendo-integration-key";
    /** The track event shared secret the fake accepts unless told otherwise. */
    public static final String DEFAULT_SHARED_SECRET = "fake-pendo-shared-secret";

    private final FakeServer server = new FakeServer();
    private final Object lock = new Object();
    private PendoClient client;
    private TrackClient trackClient;
    private boolean startedPerTest;

    private FakePendo() {
    }

    /**
     * A fake with an empty dataset and the default keys; not started yet.
     *
     * @return the fake
     */
    public static FakePendo create() {
        return new FakePendo();
    }

    /**
     * Serves this dataset. Set it before starting.
     *
     * @param dataset the data
     * @return this fake
     */
    public FakePendo withDataset(Dataset dataset) {
        server.dataset(dataset);
        return this;
    }

    /**
     * Accepts this integration key (instead of {@value #DEFAULT_INTEGRATION_KEY}); {@link #client()} uses it.
     *
     * @param key the key
     * @return this fake
     */
    public FakePendo withIntegrationKey(String key) {
        server.requireNotStarted();
        server.keys().integrationKey(Objects.requireNonNull(key, "key"));
        return this;
    }

    /**
     * Accepts one more integration key; may be called while the fake runs.
     *
     * @param key the key
     * @return this fake
     */
    public FakePendo acceptIntegrationKey(String key) {
        server.keys().accept(Objects.requireNonNull(key, "key"));
        return this;
    }

    /**
     * Treats a key as valid in another region: requests with it get 401, as Pendo answers a key sent to the wrong
     * data centre. May be called while the fake runs.
     *
     * @param key the key
     * @return this fake
     */
    public FakePendo withKeyForOtherRegion(String key) {
        server.keys().otherRegion(Objects.requireNonNull(key, "key"));
        return this;
    }

    /**
     * Accepts this track event shared secret (instead of {@value #DEFAULT_SHARED_SECRET}).
     *
     * @param secret the secret
     * @return this fake
     */
    public FakePendo withSharedSecret(String secret) {
        server.requireNotStarted();
        server.keys().sharedSecret(Objects.requireNonNull(secret, "secret"));
        return this;
    }

    /**
     * Sets the clock behind {@code now()} in aggregations and {@code startTime}.
     *
     * @param clock the clock
     * @return this fake
     */
    public FakePendo withClock(Clock clock) {
        server.clock(clock);
        return this;
    }

    /**
     * Answers 429 with {@code Retry-After: 1} when an endpoint gets more than this many requests per second.
     *
     * @param requestsPerSecond the limit per endpoint; 0 (the default) for none
     * @return this fake
     */
    public FakePendo withRateLimit(double requestsPerSecond) {
        server.rateLimit(requestsPerSecond);
        return this;
    }

    /**
     * Listens on this port instead of a free one.
     *
     * @param port the port
     * @return this fake
     */
    public FakePendo withPort(int port) {
        server.port(port);
        return this;
    }

    /**
     * Starts listening on loopback.
     *
     * @return this fake
     * @throws IllegalStateException if it is already running
     */
    public FakePendo start() {
        server.start();
        return this;
    }

    /** Stops the fake and the clients it made. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            if (client != null) {
                client.close();
                client = null;
            }
            if (trackClient != null) {
                trackClient.close();
                trackClient = null;
            }
            server.close();
        }
    }

    /**
     * Whether the fake is running.
     *
     * @return true between start and close
     */
    public boolean isRunning() {
        return server.isRunning();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!isRunning()) {
            start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!isRunning()) {
            startedPerTest = true;
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (startedPerTest) {
            startedPerTest = false;
            close();
        }
    }

    /**
     * The base URL, for example {@code http://127.0.0.1:53123/}.
     *
     * @return the base URL
     */
    public URI baseUrl() {
        return server.baseUrl();
    }

    /**
     * The port.
     *
     * @return the port
     */
    public int port() {
        return server.port();
    }

    /**
     * The integration key the fake accepts.
     *
     * @return the key
     */
    public String integrationKey() {
        return server.keys().integrationKey();
    }

    /**
     * The track event shared secret the fake accepts.
     *
     * @return the secret
     */
    public String sharedSecret() {
        return server.keys().sharedSecret();
    }

    /**
     * The dataset.
     *
     * @return the dataset as configured (changes made by requests are not in it)
     */
    public Dataset dataset() {
        return server.dataset();
    }

    /**
     * A client pointed at the fake with a valid key, quick retries and no client-side rate limit; closed with the
     * fake.
     *
     * @return the shared client
     */
    public PendoClient client() {
        synchronized (lock) {
            if (client == null) {
                client = clientBuilder().build();
            }
            return client;
        }
    }

    /**
     * A builder pointed at the fake with a valid key, quick retries (10 ms to 100 ms) and no client-side rate limit,
     * to adjust before building. The caller closes what it builds.
     *
     * @return the builder
     */
    public PendoClient.Builder clientBuilder() {
        return PendoClient.builder().integrationKey(server.keys().integrationKey()).baseUrl(baseUrl()).retries(quickRetries())
                .rateLimit(RateLimitOptions.disabled());
    }

    /**
     * A track client pointed at the fake with the valid shared secret; closed with the fake.
     *
     * @return the shared track client
     */
    public TrackClient trackClient() {
        synchronized (lock) {
            if (trackClient == null) {
                trackClient = trackClientBuilder().build();
            }
            return trackClient;
        }
    }

    /**
     * A track client builder pointed at the fake with the valid shared secret, to adjust before building.
     *
     * @return the builder
     */
    public TrackClient.Builder trackClientBuilder() {
        return TrackClient.builder().sharedSecret(server.keys().sharedSecret()).baseUrl(baseUrl()).retries(quickRetries())
                .rateLimit(RateLimitOptions.disabled());
    }

    private static RetryOptions quickRetries() {
        return RetryOptions.builder().initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(100))
                .maxRetryAfter(Duration.ofSeconds(2)).build();
    }

    /**
     * Plays a fault on the next requests to an endpoint, after the faults already queued for it.
     *
     * @param endpoint the endpoint
     * @param fault the fault
     * @return this fake
     */
    public FakePendo enqueueFault(Endpoint endpoint, Fault fault) {
        server.faults().add(endpoint, fault);
        return this;
    }

    /**
     * Faults queued and not yet played.
     *
     * @return the number of requests the queued faults will still affect
     */
    public int pendingFaults() {
        return server.faults().pending();
    }

    /**
     * Every request received, in order.
     *
     * @return the requests
     */
    public List<RecordedCall> requests() {
        return server.recorder().calls();
    }

    /**
     * The requests to one endpoint.
     *
     * @param endpoint the endpoint
     * @return the requests
     */
    public List<RecordedCall> requests(Endpoint endpoint) {
        return requests().stream().filter(call -> call.endpoint() == endpoint).toList();
    }

    /**
     * How many requests an endpoint received.
     *
     * @param endpoint the endpoint
     * @return the count
     */
    public int requestCount(Endpoint endpoint) {
        return requests(endpoint).size();
    }

    /** Forgets the recorded requests and the queued faults. */
    public void clearRequests() {
        server.recorder().clear();
        server.faults().clear();
    }

    /**
     * The track events received and accepted, in arrival order.
     *
     * @return the events
     */
    @SuppressWarnings("unchecked")
    public List<TrackEvent> trackEvents() {
        List<TrackEvent> events = new ArrayList<>();
        server.baseUrl();
        for (Map<String, Object> body : server.api().trackEvents()) {
            TrackEvent.Builder builder = TrackEvent.builder().event((String) body.get("event"))
                    .visitorId((String) body.get("visitorId")).accountId((String) body.get("accountId"))
                    .timestamp(Instant.ofEpochMilli((Long) body.get("timestamp")));
            if (body.get("properties") instanceof Map<?, ?> properties) {
                builder.properties((Map<String, ?>) properties);
            }
            if (body.get("context") instanceof Map<?, ?> context) {
                builder.context(Context.builder().ip((String) context.get("ip"))
                        .userAgent((String) context.get("userAgent")).url((String) context.get("url"))
                        .title((String) context.get("title")).build());
            }
            events.add(builder.build());
        }
        return events;
    }

    @Override
    public String toString() {
        return "FakePendo{" + (isRunning() ? baseUrl() : "stopped") + ", " + dataset() + "}";
    }
}
