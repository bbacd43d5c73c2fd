package io.github.pendoclient.testing;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.testing.internal.FakeApi;
import io.github.pendoclient.testing.internal.FakeClients;
import io.github.pendoclient.testing.internal.FakeServer;
import io.github.pendoclient.testing.internal.FakeSettings;
import io.github.pendoclient.track.TrackClient;
import io.github.pendoclient.track.TrackEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

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
    private final FakeClients clients = new FakeClients(server);
    private final FakeSettings settings;

    private FakePendo(Builder builder) {
        settings = builder.settings.copy();
        settings.applyTo(server);
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
        return new Builder(new FakeSettings());
    }

    /**
     * A builder holding the settings this fake was built with, to build another fake that differs in some of them.
     * Keys accepted later with {@link #acceptIntegrationKey(String)} are not settings and are not copied.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(settings.copy());
    }

    /**
     * The settings of a {@link FakePendo}, fixed when it is built. Setters validate their argument at once.
     * Not thread-safe; each {@link #build()} makes a new, independent fake.
     */
    public static final class Builder {

        private final FakeSettings settings;

        private Builder(FakeSettings settings) {
            this.settings = settings;
        }

        /**
         * Serves this dataset (default: {@link Dataset#empty()}).
         *
         * @param dataset the data
         * @return this builder
         */
        public Builder dataset(Dataset dataset) {
            settings.dataset(dataset);
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
            settings.integrationKey(key);
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
            settings.keyForOtherRegion(key);
            return this;
        }

        /**
         * Accepts this track event shared secret (instead of {@value FakePendo#DEFAULT_SHARED_SECRET}).
         *
         * @param secret the secret
         * @return this builder
         */
        public Builder sharedSecret(String secret) {
            settings.sharedSecret(secret);
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
            settings.clock(clock);
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
            settings.rateLimit(requestsPerSecond);
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
            settings.port(port);
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
            settings.requestReadTimeout(timeout);
            return this;
        }

        /**
         * A new fake with these settings; not started yet.
         *
         * @return the fake
         */
        public FakePendo build() {
            return new FakePendo(this);
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
        clients.close();
        server.close();
    }

    /** {@return whether the fake is running: true between start and close} */
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

    /** {@return the port} */
    public int port() {
        return server.port();
    }

    /** {@return the integration key the fake accepts} */
    public String integrationKey() {
        return server.keys().integrationKey();
    }

    /** {@return the track event shared secret the fake accepts} */
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
     * Serves another dataset from now on; may be called while the fake runs, for example between two runs of a sync
     * with the same dataset and a changed metadata schema ({@link DatasetGenerator#metadataField(String, String,
     * String, MetadataType)}). What requests changed (metadata values, segments, deletions) is forgotten; keys,
     * recorded requests, queued faults and track events stay.
     *
     * @param dataset the new data
     * @return this fake
     */
    public FakePendo replaceDataset(Dataset dataset) {
        server.replaceDataset(dataset);
        return this;
    }

    /**
     * A client pointed at the fake with a valid key, quick retries and no client-side rate limit; closed with the
     * fake.
     *
     * @return the shared client
     */
    public PendoClient client() {
        return clients.client();
    }

    /**
     * A builder pointed at the fake with a valid key, quick retries (10 ms to 100 ms) and no client-side rate limit,
     * to adjust before building. The caller closes what it builds.
     *
     * @return the builder
     */
    public PendoClient.Builder clientBuilder() {
        return clients.clientBuilder();
    }

    /**
     * A track client pointed at the fake with the valid shared secret; closed with the fake.
     *
     * @return the shared track client
     */
    public TrackClient trackClient() {
        return clients.trackClient();
    }

    /**
     * A track client builder pointed at the fake with the valid shared secret, to adjust before building.
     *
     * @return the builder
     */
    public TrackClient.Builder trackClientBuilder() {
        return clients.trackClientBuilder();
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
    public List<TrackEvent> trackEvents() {
        server.baseUrl();
        return server.api().receivedTrackEvents();
    }

    @Override
    public String toString() {
        return "FakePendo{" + (isRunning() ? baseUrl() : "stopped") + ", " + dataset() + "}";
    }
}
