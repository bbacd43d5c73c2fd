package io.github.pendoclient.track;

import io.github.pendoclient.Region;
import io.github.pendoclient.http.ClientBuilder;
import io.github.pendoclient.http.HttpStats;
import io.github.pendoclient.http.TimeSource;
import io.github.pendoclient.internal.Environment;
import io.github.pendoclient.internal.http.HttpOptions;
import io.github.pendoclient.internal.http.PendoHttp;
import io.github.pendoclient.json.Binding;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import retrofit2.Call;

/**
 * Sends track events to Pendo's data-collection host ({@code <data host>/data/track}) with an app's shared secret.
 * Built on the same HTTP stack as {@code PendoClient}: retries on 408, 429, 5xx and I/O failures, a client-side rate
 * limit per endpoint, typed errors, and the secret redacted everywhere.
 *
 * <p>Delivery is at least once by default: when the answer to an event is lost after Pendo may have received it, the
 * event is sent again, so it may rarely be counted twice; {@link Builder#delivery(Delivery)} with
 * {@link Delivery#AT_MOST_ONCE} fails such an event with {@link io.github.pendoclient.error.OutcomeUnknownException}
 * instead. Thread-safe; build one per app and share it.
 *
 * <pre>{@code
 * TrackClient track = TrackClient.builder().sharedSecret(secret).region(Region.EU).build();
 * track.send(event);                                  // one POST, retried on transient failures
 * try (TrackSender sender = track.sender()) {         // or a bounded async sender
 *     sender.track(event);
 * }
 * }</pre>
 */
public final class TrackClient implements AutoCloseable {

    /** The environment variable {@link #fromEnv()} reads the shared secret from. */
    public static final String ENV_SHARED_SECRET = Environment.TRACK_SHARED_SECRET;
    /** The environment variable holding the region, for example {@code eu}; shared with {@code PendoClient}. */
    public static final String ENV_REGION = Environment.REGION;
    /** The environment variable holding the Track Event base URL; it wins over the region. */
    public static final String ENV_BASE_URL = Environment.TRACK_BASE_URL;

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final PendoHttp http;
    private final TrackApi api;
    private final TrackValidator validator;
    private final Region region;
    private final Delivery delivery;
    private final Builder settings;

    private TrackClient(Builder builder, HttpOptions options, Region region) {
        this.http = PendoHttp.create(options, builder.sharedSecret::reveal, "track event shared secret");
        this.api = http.create(TrackApi.class);
        this.validator = new TrackValidator(builder.validation, builder.maxFutureSkew, options.timeSource());
        this.region = region;
        this.delivery = builder.delivery;
        this.settings = builder.copy();
    }

    /**
     * A builder holding every setting of this client, the shared secret included, for a second client that differs
     * in a few settings: {@code track.toBuilder().validation(ValidationMode.LENIENT).build()}. This client is not
     * changed.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return settings.copy();
    }

    /**
     * A builder with the defaults: region US (host {@code data.pendo.io}), strict validation, the core HTTP stack's
     * timeouts, retries and rate limit.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client configured from the environment: {@value #ENV_SHARED_SECRET} (required), {@value #ENV_REGION}
     * (optional) and {@value #ENV_BASE_URL} (optional, wins over the region).
     *
     * @return the client
     * @throws IllegalStateException if the secret is not set
     */
    public static TrackClient fromEnv() {
        return fromEnv(Environment.system());
    }

    /**
     * A client configured from the given variables, as {@link #fromEnv()} reads them.
     *
     * @param environment variable name to value
     * @return the client
     * @throws IllegalStateException if the secret is not set
     */
    public static TrackClient fromEnv(Map<String, String> environment) {
        return fromEnv(Environment.of(environment));
    }

    private static TrackClient fromEnv(Environment environment) {
        String secret = environment.require(
                ENV_SHARED_SECRET,
                "set it to the app's Track Event shared secret"
                        + " (Settings > Subscription Settings > the app > App Details)");
        Builder builder = builder().sharedSecret(secret);
        environment.get(ENV_REGION).map(Region::parse).ifPresent(builder::region);
        environment.get(ENV_BASE_URL).ifPresent(builder::baseUrl);
        return builder.build();
    }

    /**
     * Sends one event and waits for Pendo's answer, retrying transient failures.
     *
     * @param event the event
     * @throws InvalidTrackEventException if the event breaks a rule (nothing is sent)
     * @throws io.github.pendoclient.error.PendoException typed by what went wrong, after retries
     */
    public void send(TrackEvent event) {
        http.execute(call(event));
    }

    /**
     * Sends one event without blocking.
     *
     * @param event the event
     * @return a future that completes when Pendo accepted the event, or exceptionally with a typed
     *     {@link io.github.pendoclient.error.PendoException}
     * @throws InvalidTrackEventException if the event breaks a rule (nothing is sent)
     */
    public CompletableFuture<Void> sendAsync(TrackEvent event) {
        return http.executeAsync(call(event));
    }

    Call<Void> call(TrackEvent event) {
        validate(event);
        RequestBody body = RequestBody.create(event.toJson(), JSON);
        return delivery == Delivery.AT_LEAST_ONCE ? api.track(body) : api.trackAtMostOnce(body);
    }

    /** A call that sends an event already validated and encoded. */
    Call<Void> call(byte[] json) {
        RequestBody body = RequestBody.create(json, JSON);
        return delivery == Delivery.AT_LEAST_ONCE ? api.track(body) : api.trackAtMostOnce(body);
    }

    void validate(TrackEvent event) {
        validator.check(Objects.requireNonNull(event, "event"));
    }

    PendoHttp http() {
        return http;
    }

    /**
     * A bounded asynchronous sender with the default options.
     *
     * @return a started sender; close it to drain and stop
     */
    public TrackSender sender() {
        return sender(TrackSenderOptions.defaults());
    }

    /**
     * A bounded asynchronous sender.
     *
     * @param options queue, overflow, concurrency, listener and executor
     * @return a started sender; close it to drain and stop
     */
    public TrackSender sender(TrackSenderOptions options) {
        return new TrackSender(this, options);
    }

    /**
     * The base URL events go to.
     *
     * @return the data host, for example {@code https://data.eu.pendo.io/}
     */
    public URI baseUrl() {
        return http.baseUrl().uri();
    }

    /**
     * Counters of this client's HTTP stack.
     *
     * @return attempts, retries and rate-limit waits so far
     */
    public HttpStats stats() {
        return http.stats();
    }

    TimeSource timeSource() {
        return http.options().timeSource();
    }

    /** Releases connections and threads; senders should be closed first. Idempotent. */
    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "TrackClient{baseUrl=" + baseUrl() + (region == null ? "" : ", region=" + region)
                + ", sharedSecret=SharedSecret[redacted]}";
    }

    /** Builds a {@link TrackClient}. The shared secret is required; everything else has a default. */
    public static final class Builder extends ClientBuilder<Builder> {

        /** How far in the future a timestamp may be by default, to allow for clock skew. */
        public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofHours(1);

        private SharedSecret sharedSecret;
        private ValidationMode validation = ValidationMode.STRICT;
        private Duration maxFutureSkew = DEFAULT_MAX_FUTURE_SKEW;
        private Delivery delivery = Delivery.AT_LEAST_ONCE;

        private Builder() {}

        /**
         * Sets whether an event whose answer was lost is sent again ({@link Delivery#AT_LEAST_ONCE}, the default) or
         * reported as failed with an unknown outcome ({@link Delivery#AT_MOST_ONCE}).
         *
         * @param delivery the guarantee
         * @return this builder
         */
        public Builder delivery(Delivery delivery) {
            this.delivery = Objects.requireNonNull(delivery, "delivery");
            return this;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected URI regionBaseUrl(Region region) {
            return region.dataBaseUrl();
        }

        /**
         * Sets the app's shared secret.
         *
         * @param secret the secret as Pendo shows it
         * @return this builder
         */
        public Builder sharedSecret(String secret) {
            return sharedSecret(SharedSecret.of(secret));
        }

        /**
         * Sets the app's shared secret.
         *
         * @param secret the secret
         * @return this builder
         */
        public Builder sharedSecret(SharedSecret secret) {
            this.sharedSecret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /**
         * Sets what happens to events Pendo would silently ignore (see {@link ValidationMode}).
         *
         * @param mode strict (the default) or lenient
         * @return this builder
         */
        public Builder validation(ValidationMode mode) {
            this.validation = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Sets how far in the future a timestamp may be.
         *
         * @param skew zero or more, one hour by default
         * @return this builder
         */
        public Builder maxFutureSkew(Duration skew) {
            if (skew.isNegative()) {
                throw new IllegalArgumentException("The future skew must not be negative, was " + skew);
            }
            this.maxFutureSkew = skew;
            return this;
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.copySettingsFrom(this);
            copy.sharedSecret = sharedSecret;
            copy.validation = validation;
            copy.maxFutureSkew = maxFutureSkew;
            copy.delivery = delivery;
            return copy;
        }

        /**
         * Builds the client.
         *
         * @return the client
         * @throws IllegalStateException if no shared secret was set
         */
        public TrackClient build() {
            if (sharedSecret == null) {
                throw new IllegalStateException("A track event shared secret is required: call sharedSecret(...), or"
                        + " use TrackClient.fromEnv() with " + ENV_SHARED_SECRET + " set");
            }
            return new TrackClient(
                    this,
                    transport(
                            timeouts().toBuilder()
                                    .streamingRead(Duration.ZERO)
                                    .streamingCall(Duration.ZERO)
                                    .build(),
                            Binding.LENIENT,
                            HttpOptions::new),
                    hasBaseUrl() ? null : region());
        }
    }
}
