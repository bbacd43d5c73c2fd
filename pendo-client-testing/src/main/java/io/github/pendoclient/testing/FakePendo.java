package io.github.pendoclient.testing;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.testing.internal.FakeApi;
import io.github.pendoclient.testing.internal.FakeServer;
import io.github.pendoclient.track.Context;
import io.github.pendoclient.track.TrackClient;
import io.github.pendoclient.track.TrackEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An in-process Pendo on loopback, for testing integrations without a subscription. It serves the REST endpoints,
 * {@code POST /api/v1/aggregation} (a real subset of the pipeline language, see {@link Dataset}) and
 * {@code POST /data/track} over a {@link Dataset}; checks keys like Pendo; plays faults on demand; and records every
 * request. Thread-safe.
 *
 * <pre>{@code
 * @RegisterExtension
 * static FakePendoExtension extension = FakePendoExtension.create(
 *         FakePendo.builder().dataset(Dataset.generated(42, 1_000)).build());
 * static FakePendo pendo = extension.fake();
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
 * <p>This class needs no test framework: start it with {@link #start()} and stop it with {@link #close()}, or let
 * {@link FakePendoExtension} do both in JUnit 5. Settings are fixed when it is built ({@link #builder()}).
 *
 * <p>Authentication is Pendo's: a missing or wrong {@code x-pendo-integration-key} gets 401, and so does a key
 * registered with {@link Builder#keyForOtherRegion(String)}, with a message naming the region mix-up. The track
 * endpoint checks the shared secret instead. An aggregation operator the fake does not implement gets 422 naming
 * it, so a test fails loudly instead of passing on wrong data.
 *
 * <p>Every request is answered, or refused with a 4xx in Pendo's error shape and its connection closed, in bounded
 * time and memory, however it is malformed:
 * <ul>
 *   <li>a request that stops sending in its head or body for {@link Builder#requestReadTimeout(Duration)} (1 s by
 *       default) gets 408;</li>
 *   <li>a body over 8 MiB (8,388,608 bytes), declared by {@code Content-Length} or sent in chunks, gets 413 at once;
 *       a {@code Content-Length} that is not one decimal number, or comes with {@code Transfer-Encoding}, and a bad
 *       chunk get 400; a transfer coding other than {@code chunked} gets 501;</li>
 *   <li>a request line over 16 KiB gets 414, one that is not {@code METHOD target HTTP/1.1} 400, another HTTP
 *       version 505; more than 1,000 header lines, or more than 64 KiB of them, get 431, a malformed header line
 *       400;</li>
 *   <li>a body that is not valid UTF-8 gets 400 naming the first bad byte;</li>
 *   <li>an aggregation with more than 200 stages, a {@code sort} on more than 100 fields, a {@code group} on more than
 *       100 fields, more than 1,000 aggregated fields in a {@code group} or {@code reduce}, or more than 1,000
 *       fields in a {@code select} or {@code eval} gets 400 naming the limit, before any row is read.</li>
 * </ul>
 * Every limit is far above what Pendo's clients send. Requests refused before they reach the API (the first three
 * items) are not recorded. Recorded requests ({@link #requests()}, {@code GET /_fake/requests}) show
 * {@code [redacted]} for the value of every header and query parameter whose name contains {@code key},
 * {@code secret}, {@code token}, {@code password}, {@code passwd}, {@code signature}, {@code auth}, {@code cookie},
 * {@code session} or {@code credential} (in any case), such as {@code x-pendo-integration-key},
 * {@code Authorization} and {@code Cookie}.
 */
public final class FakePendo implements AutoCloseable {

    /** The integration key the fake accepts unless told otherwise. */
    public static final String DEFAULT_INTEGRATION_KEY = "fake-pendo-integration-key";
    /** The track event shared secret the fake accepts unless told otherwise. */
    public static final String DEFAULT_SHARED_SECRET = "fake-pendo-shared-secret";

    private final FakeServer server = new FakeServer();
    private final Builder settings;
    private final Object lock = new Object();
    private PendoClient client;
    private TrackClient trackClient;

    private FakePendo(Builder builder) {
        settings = builder.copy();
        server.dataset(builder.dataset);
        server.keys().integrationKey(builder.integrationKey);
        server.keys().sharedSecret(builder.sharedSecret);
        builder.keysForOtherRegion.forEach(server.keys()::otherRegion);
        server.clock(builder.clock);
        server.rateLimit(builder.rateLimit);
        server.port(builder.port);
        server.requestReadTimeout(builder.requestReadTimeout);
    }

    /**
     * A fake with an empty dataset, the default keys, the system clock, no rate limit and a free port; not started
     * yet. The same as {@code builder().build()}.
     *
     * @return the fake
     */
    public static FakePendo create() {
        return builder().build();
    }

    /**
     * A builder for a fake with other settings than {@link #create()}'s.
     *
     * @return a builder holding the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding the settings this fake was built with, to build another fake that differs in some of them.
     * Keys accepted later with {@link #acceptIntegrationKey(String)} are not settings and are not copied.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return settings.copy();
    }

    /**
     * The settings of a {@link FakePendo}, fixed when it is built. Setters validate their argument at once.
     * Not thread-safe; each {@link #build()} makes a new, independent fake.
     */
    public static final class Builder {

        private Dataset dataset = Dataset.empty();
        private String integrationKey = DEFAULT_INTEGRATION_KEY;
        private String sharedSecret = DEFAULT_SHARED_SECRET;
        private final Set<String> keysForOtherRegion = new LinkedHashSet<>();
        private Clock clock = Clock.systemUTC();
        private double rateLimit;
        private int port;
        private Duration requestReadTimeout = Duration.ofSeconds(1);

        private Builder() {}

        /**
         * Serves this dataset (default: {@link Dataset#empty()}).
         *
         * @param dataset the data
         * @return this builder
         */
        public Builder dataset(Dataset dataset) {
            this.dataset = Objects.requireNonNull(dataset, "dataset");
            return this;
        }

        /**
         * Accepts this integration key (instead of {@value FakePendo#DEFAULT_INTEGRATION_KEY});
         * {@link FakePendo#client()} sends it.
         *
         * @param key the key
         * @return this builder
         */
        public Builder integrationKey(String key) {
            this.integrationKey = requireText(key, "integrationKey");
            return this;
        }

        /**
         * Treats a key as valid in another region: requests with it get 401 with a message naming the region
         * mix-up, as Pendo answers a key sent to the wrong data centre. Repeatable: each call adds a key.
         *
         * @param key the key
         * @return this builder
         */
        public Builder keyForOtherRegion(String key) {
            keysForOtherRegion.add(requireText(key, "keyForOtherRegion"));
            return this;
        }

        /**
         * Accepts this track event shared secret (instead of {@value FakePendo#DEFAULT_SHARED_SECRET}).
         *
         * @param secret the secret
         * @return this builder
         */
        public Builder sharedSecret(String secret) {
            this.sharedSecret = requireText(secret, "sharedSecret");
            return this;
        }

        /**
         * The clock behind {@code now()} in aggregations, {@code startTime}, and the rate limit's one-second
         * windows (default: the system clock in UTC).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Answers 429 with {@code Retry-After: 1} when an endpoint gets more than this many requests per second.
         *
         * @param requestsPerSecond the limit per endpoint; 0 (the default) for none
         * @return this builder
         * @throws IllegalArgumentException if it is negative or not a number
         */
        public Builder rateLimit(double requestsPerSecond) {
            if (!(requestsPerSecond >= 0) || Double.isInfinite(requestsPerSecond)) {
                throw new IllegalArgumentException(
                        "rateLimit must be a finite number >= 0 (0 for none), got " + requestsPerSecond);
            }
            this.rateLimit = requestsPerSecond;
            return this;
        }

        /**
         * Listens on this port (default: 0, a free one).
         *
         * @param port the port, 0 to 65535
         * @return this builder
         * @throws IllegalArgumentException if it is out of range
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * How long a request that has begun (its head or body) may send nothing before the fake answers 408 and
         * closes the connection (default: 1 s). A connection idle between requests is not timed out.
         *
         * @param timeout the timeout, 1 ms to 1 hour
         * @return this builder
         * @throws IllegalArgumentException if it is out of range
         */
        public Builder requestReadTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "requestReadTimeout");
            if (timeout.compareTo(Duration.ofMillis(1)) < 0 || timeout.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException(
                        "requestReadTimeout must be between 1 ms and 1 hour, got " + timeout);
            }
            this.requestReadTimeout = timeout;
            return this;
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.dataset = dataset;
            copy.integrationKey = integrationKey;
            copy.sharedSecret = sharedSecret;
            copy.keysForOtherRegion.addAll(keysForOtherRegion);
            copy.clock = clock;
            copy.rateLimit = rateLimit;
            copy.port = port;
            copy.requestReadTimeout = requestReadTimeout;
            return copy;
        }

        /**
         * A new fake with these settings; not started yet.
         *
         * @return the fake
         */
        public FakePendo build() {
            return new FakePendo(this);
        }

        private static String requireText(String value, String setting) {
            Objects.requireNonNull(value, setting);
            if (value.isBlank()) {
                throw new IllegalArgumentException(setting + " must not be blank");
            }
            return value;
        }
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
        return PendoClient.builder()
                .integrationKey(server.keys().integrationKey())
                .baseUrl(baseUrl())
                .retries(quickRetries())
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
        return TrackClient.builder()
                .sharedSecret(server.keys().sharedSecret())
                .baseUrl(baseUrl())
                .retries(quickRetries())
                .rateLimit(RateLimitOptions.disabled());
    }

    private static RetryOptions quickRetries() {
        return RetryOptions.builder()
                .initialBackoff(Duration.ofMillis(10))
                .maxBackoff(Duration.ofMillis(100))
                .maxRetryAfter(Duration.ofSeconds(2))
                .build();
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

    /**
     * Forgets the recorded requests, and nothing else: queued faults stay queued ({@link #clearFaults()}) and
     * track events stay recorded ({@link #clearTrackEvents()}). The same as {@code DELETE /_fake/requests}.
     */
    public void clearRequests() {
        server.recorder().clear();
    }

    /** Drops the faults queued and not yet played. The same as {@code DELETE /_fake/faults}. */
    public void clearFaults() {
        server.faults().clear();
    }

    /**
     * Forgets the track events received, and nothing else. The same as {@code DELETE /_fake/track-events}. Does
     * nothing before the fake first starts.
     */
    public void clearTrackEvents() {
        FakeApi api = server.api();
        if (api != null) {
            api.clearTrackEvents();
        }
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
            TrackEvent.Builder builder = TrackEvent.builder()
                    .event((String) body.get("event"))
                    .visitorId((String) body.get("visitorId"))
                    .accountId((String) body.get("accountId"))
                    .timestamp(Instant.ofEpochMilli((Long) body.get("timestamp")));
            if (body.get("properties") instanceof Map<?, ?> properties) {
                builder.properties((Map<String, ?>) properties);
            }
            if (body.get("context") instanceof Map<?, ?> context) {
                builder.context(Context.builder()
                        .ip((String) context.get("ip"))
                        .userAgent((String) context.get("userAgent"))
                        .url((String) context.get("url"))
                        .title((String) context.get("title"))
                        .build());
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
