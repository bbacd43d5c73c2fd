package io.github.pendoclient;

import io.github.pendoclient.http.ClientBuilder;
import io.github.pendoclient.http.HttpStats;
import io.github.pendoclient.http.TimeoutOptions;
import io.github.pendoclient.internal.CoreAccess;
import io.github.pendoclient.internal.Environment;
import io.github.pendoclient.internal.http.HttpOptions;
import io.github.pendoclient.internal.http.PendoHttp;
import io.github.pendoclient.json.Binding;
import io.github.pendoclient.model.Feature;
import io.github.pendoclient.model.Page;
import io.github.pendoclient.model.TrackType;
import io.github.pendoclient.resource.AccountResource;
import io.github.pendoclient.resource.BulkDeleteResource;
import io.github.pendoclient.resource.CatalogResource;
import io.github.pendoclient.resource.GuideResource;
import io.github.pendoclient.resource.MetadataResource;
import io.github.pendoclient.resource.ReportResource;
import io.github.pendoclient.resource.SegmentResource;
import io.github.pendoclient.resource.VisitorResource;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The entry point to the Pendo v1 API. Build one per integration key, share it across threads, and close it when the
 * application stops.
 *
 * <pre>{@code
 * try (PendoClient client = PendoClient.builder()
 *         .integrationKey(System.getenv("PENDO_INTEGRATION_KEY"))
 *         .region(Region.EU)
 *         .build()) {
 *     client.verifyKey();
 * }
 * }</pre>
 *
 * <p>Every call goes through one HTTP stack: the {@code x-pendo-integration-key} header, a per-endpoint rate limit
 * (100 requests per second by default), retries with exponential backoff and {@code Retry-After} on 408, 429, 5xx
 * and I/O failures, and SLF4J logging with the key redacted. Failures are unchecked
 * {@link io.github.pendoclient.error.PendoException}s. The key never appears in {@link #toString()}, logs or
 * exception messages.
 */
public final class PendoClient implements AutoCloseable {

    static {
        // The aggregation module runs on a client's stack, which no public signature may name.
        CoreAccess.lend(PendoClient.class, PendoHttp.class, client -> client.http);
    }

    /** Environment variable holding the integration key. */
    public static final String ENV_INTEGRATION_KEY = Environment.INTEGRATION_KEY;
    /** Environment variable holding the region, for example {@code eu}. */
    public static final String ENV_REGION = Environment.REGION;
    /** Environment variable holding an explicit base URL; it wins over the region. */
    public static final String ENV_BASE_URL = Environment.BASE_URL;

    private final PendoHttp http;
    private final Region region;
    private final Builder settings;
    private final ClientResources resources;
    private final KeyVerifier verifier;

    private PendoClient(Builder builder) {
        if (builder.integrationKey == null) {
            throw new IllegalStateException("An integration key is required: call integrationKey(...), or use"
                    + " PendoClient.fromEnv() with " + ENV_INTEGRATION_KEY + " set");
        }
        this.http = PendoHttp.create(builder.stackOptions(), builder.integrationKey::reveal, "integration key");
        this.region = builder.regionOrNull();
        this.settings = builder.copy();
        this.resources = ClientResources.on(http);
        this.verifier = new KeyVerifier(http, region);
    }

    /**
     * A builder with the defaults: region US, 10 s connect, 60 s read, 5 minute call timeout, 5 minute aggregation
     * read timeout, 4 attempts, 100 requests per second per endpoint.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding every setting of this client, the integration key included, for a second client that
     * differs in a few settings: {@code client.toBuilder().applicationName("batch-job").build()}. The new client has
     * its own connections unless an {@code okHttpClient} was given; this client is not changed.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return settings.copy();
    }

    /**
     * A client configured from the environment: {@value #ENV_INTEGRATION_KEY} (required), {@value #ENV_REGION}
     * (optional, as {@link Region#parse(String)} reads it) and {@value #ENV_BASE_URL} (optional, wins over the
     * region).
     *
     * @return the client
     * @throws IllegalStateException if the key is not set
     * @throws IllegalArgumentException if the region or base URL is not valid
     */
    public static PendoClient fromEnv() {
        return fromEnv(Environment.system());
    }

    /**
     * A client configured from the given variables, as {@link #fromEnv()} reads them.
     *
     * @param environment variable name to value
     * @return the client
     * @throws IllegalStateException if the key is not set
     * @throws IllegalArgumentException if the region or base URL is not valid
     */
    public static PendoClient fromEnv(Map<String, String> environment) {
        return fromEnv(Environment.of(environment));
    }

    private static PendoClient fromEnv(Environment environment) {
        String key = environment.require(
                ENV_INTEGRATION_KEY,
                "set it to a Pendo integration key"
                        + " (Settings > Integrations > Integration Keys), and " + ENV_REGION
                        + " to your data centre (us, us1, eu, jp, au) if it is not US");
        Builder builder = builder().integrationKey(key);
        environment.get(ENV_REGION).map(Region::parse).ifPresent(builder::region);
        environment.get(ENV_BASE_URL).ifPresent(builder::baseUrl);
        return builder.build();
    }

    /**
     * Features ({@code /api/v1/feature}): list every app's, or fetch by id.
     *
     * @return the feature catalog
     */
    public CatalogResource<Feature> features() {
        return resources.features();
    }

    /**
     * Pages ({@code /api/v1/page}).
     *
     * @return the page catalog
     */
    public CatalogResource<Page> pages() {
        return resources.pages();
    }

    /**
     * Guides ({@code /api/v1/guide}) with steps and polls, state and segment changes, resets.
     *
     * @return the guides
     */
    public GuideResource guides() {
        return resources.guides();
    }

    /**
     * Track types ({@code /api/v1/tracktype}).
     *
     * @return the track-type catalog
     */
    public CatalogResource<TrackType> trackTypes() {
        return resources.trackTypes();
    }

    /**
     * Visitors by id, and their day-by-day history.
     *
     * @return the visitors
     */
    public VisitorResource visitors() {
        return resources.visitors();
    }

    /**
     * Accounts by id.
     *
     * @return the accounts
     */
    public AccountResource accounts() {
        return resources.accounts();
    }

    /**
     * Visitor and account metadata: schema, values, bulk updates.
     *
     * @return the metadata
     */
    public MetadataResource metadata() {
        return resources.metadata();
    }

    /**
     * Segments.
     *
     * @return the segments
     */
    public SegmentResource segments() {
        return resources.segments();
    }

    /**
     * Saved reports and their results.
     *
     * @return the reports
     */
    public ReportResource reports() {
        return resources.reports();
    }

    /**
     * GDPR bulk deletion of visitors and accounts.
     *
     * @return bulk delete
     */
    public BulkDeleteResource bulkDelete() {
        return resources.bulkDelete();
    }

    /**
     * Creates your own Retrofit interface on this client's stack: the integration key, retries, the rate limit,
     * logging and typed exceptions. Methods may return the body type itself (run at once), a
     * {@code CompletableFuture} of it (non-blocking retries) or a Retrofit {@code Call}. A {@code POST} is retried
     * after a lost answer only when marked {@link io.github.pendoclient.api.Idempotent}.
     *
     * <pre>{@code
     * interface Guides {
     *     @GET("api/v1/guide")
     *     List<Map<String, Object>> all(@Query("expand") String expand);
     * }
     * List<Map<String, Object>> guides = client.create(Guides.class).all("*");
     * }</pre>
     *
     * @param api the Retrofit interface
     * @param <S> the interface type
     * @return the implementation
     */
    public <S> S create(Class<S> api) {
        return http.create(Objects.requireNonNull(api, "api"));
    }

    /**
     * The region this client talks to, or empty when it was built with an explicit base URL.
     *
     * @return the region
     */
    public Optional<Region> region() {
        return Optional.ofNullable(region);
    }

    /**
     * The base URL requests go to.
     *
     * @return the base URL
     */
    public URI baseUrl() {
        return http.baseUrl().uri();
    }

    /**
     * Request counters since the client was built: attempts, retries, 429s, rate-limit waits.
     *
     * @return a snapshot
     */
    public HttpStats stats() {
        return http.stats();
    }

    /**
     * Checks cheaply whether the integration key works on this host, with {@code GET /api/v1/token/verify}; where
     * that path is unknown (404), with the small {@code GET /api/v1/metadata/schema/account}. Keys are valid in one
     * region only, so a rejected key's message suggests checking the region.
     *
     * @return whether the key was accepted, with a message
     * @throws io.github.pendoclient.error.PendoException for failures that say nothing about the key (network,
     *     5xx after retries)
     */
    public KeyVerification verifyKey() {
        return verifier.verify();
    }

    /**
     * {@link #verifyKey()} without blocking; retries wait on the timer and hold no thread.
     *
     * @return a future of whether the key was accepted, failed with the same exceptions as {@link #verifyKey()}
     */
    public CompletableFuture<KeyVerification> verifyKeyAsync() {
        return verifier.verifyAsync();
    }

    /**
     * Releases connections and threads. Calls in progress may fail; the client must not be used afterwards.
     * Idempotent.
     */
    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "PendoClient{baseUrl=" + baseUrl() + (region == null ? "" : ", region=" + region)
                + ", integrationKey=IntegrationKey[redacted]}";
    }

    /**
     * Builds a {@link PendoClient}. The integration key is required; everything else has a default.
     */
    public static final class Builder extends ClientBuilder<Builder> {

        /** Default read timeout of aggregation calls: Pendo may run a query for minutes before answering. */
        public static final Duration DEFAULT_AGGREGATION_TIMEOUT = TimeoutOptions.DEFAULT_STREAMING_READ;

        private IntegrationKey integrationKey;
        private Binding binding = Binding.LENIENT;

        private Builder() {}

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected URI regionBaseUrl(Region region) {
            return region.apiBaseUrl();
        }

        /**
         * The integration key. Required.
         *
         * @param key the key, sent exactly as given
         * @return this builder
         * @throws IllegalArgumentException if the key is blank or contains whitespace
         */
        public Builder integrationKey(String key) {
            return integrationKey(IntegrationKey.of(key));
        }

        /**
         * The integration key. Required.
         *
         * @param key the key
         * @return this builder
         */
        public Builder integrationKey(IntegrationKey key) {
            this.integrationKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * Read timeout of aggregation calls: the longest silence while Pendo computes or streams a result.
         * Default 5 minutes.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder aggregationTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("aggregationTimeout must be positive, was " + timeout);
            }
            return timeouts(timeouts().toBuilder().streamingRead(timeout).build());
        }

        /**
         * Timeout of a whole aggregation call, reading every row included; {@link Duration#ZERO} (the default) for
         * none, since a large streamed result may take long to read.
         *
         * @param timeout zero or a positive duration
         * @return this builder
         */
        public Builder aggregationCallTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("aggregationCallTimeout must not be negative, was " + timeout);
            }
            return timeouts(timeouts().toBuilder().streamingCall(timeout).build());
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws IllegalStateException if no integration key was set
         * @throws IllegalArgumentException if the base URL is plain http on a non-loopback host
         */
        public PendoClient build() {
            return new PendoClient(this);
        }

        /**
         * How response bodies are bound to records, for every REST call and every typed aggregation row of this
         * client. {@link Binding#LENIENT} (the default) never fails a call on a field of another JSON type; it
         * converts what converts without loss and keeps the rest in {@code unknownFields()}.
         * {@link Binding#STRICT} fails the call with an {@link io.github.pendoclient.error.UnreadableResponseException}
         * naming the JSON path instead, for callers who would rather stop than read a surprising value.
         *
         * @param binding lenient or strict
         * @return this builder
         */
        public Builder binding(Binding binding) {
            this.binding = Objects.requireNonNull(binding, "binding");
            return this;
        }

        private HttpOptions stackOptions() {
            return transport(timeouts(), binding, HttpOptions::new);
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.copySettingsFrom(this);
            copy.integrationKey = integrationKey;
            copy.binding = binding;
            return copy;
        }

        private Region regionOrNull() {
            return hasBaseUrl() ? null : region();
        }
    }
}
