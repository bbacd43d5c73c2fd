package io.github.pendoclient.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The client-side rate limit. Pendo allows about 100 calls per second to any single endpoint and answers 429 above
 * that, so the client spaces its own requests per endpoint (HTTP method plus path template: every
 * {@code GET /api/v1/visitor/{id}} is one endpoint) and waits rather than fails. A 429 with {@code Retry-After}
 * also pauses every request to that endpoint until the hint has passed.
 *
 * <p>Endpoints with their own rule get an override, for example bulk delete at one request per second. Endpoint
 * keys are written {@code "POST api/v1/bulkdelete/visitor"}: the method, a space, and the path template without a
 * leading slash. Instances are immutable: build them with {@link #builder()}, derive with {@link #toBuilder()}, or
 * use the shortcuts {@link #perSecond(double)} and {@link #disabled()}.
 *
 * <pre>{@code
 * RateLimitOptions.builder().perSecond(50).endpointLimit("POST api/v1/aggregation", 5).build()
 * }</pre>
 */
public final class RateLimitOptions {

    /** Pendo's documented limit per endpoint. */
    public static final double DEFAULT_PER_SECOND = 100;

    /**
     * Pendo's own per-endpoint rules, applied unless overridden, even when the limit is otherwise disabled: bulk
     * delete answers errors above one request per second.
     */
    public static final Map<String, Double> PENDO_RULES = Map.of(
            "POST api/v1/bulkdelete/visitor", 1.0,
            "POST api/v1/bulkdelete/account", 1.0);

    private static final RateLimitOptions DISABLED = new RateLimitOptions(0, Map.of());

    private final double perSecond;
    private final Map<String, Double> endpointLimits;

    private RateLimitOptions(double perSecond, Map<String, Double> endpointLimits) {
        this.perSecond = perSecond;
        this.endpointLimits = endpointLimits;
    }

    /**
     * At most {@value #DEFAULT_PER_SECOND} requests per second per endpoint.
     *
     * @return the default configuration
     */
    public static RateLimitOptions defaults() {
        return perSecond(DEFAULT_PER_SECOND);
    }

    /**
     * At most {@code requests} per second to each endpoint.
     *
     * @param requests a positive rate; fractions are allowed (0.5 is one request every two seconds)
     * @return the configuration
     */
    public static RateLimitOptions perSecond(double requests) {
        return new RateLimitOptions(positive(requests, "requests per second"), Map.of());
    }

    /**
     * No client-side limit. 429 answers are still retried.
     *
     * @return a configuration that never waits
     */
    public static RateLimitOptions disabled() {
        return DISABLED;
    }

    /**
     * A copy with a separate limit for one endpoint.
     *
     * @param endpoint the endpoint key, for example {@code "POST api/v1/bulkdelete/visitor"}
     * @param requestsPerSecond its positive limit
     * @return a new configuration
     */
    public RateLimitOptions withEndpointLimit(String endpoint, double requestsPerSecond) {
        return toBuilder().endpointLimit(endpoint, requestsPerSecond).build();
    }

    /**
     * A builder starting from the {@linkplain #defaults() defaults}: {@value #DEFAULT_PER_SECOND} requests per second
     * per endpoint, no overrides.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder(DEFAULT_PER_SECOND, Map.of());
    }

    /**
     * A builder starting from these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(perSecond, endpointLimits);
    }

    /**
     * Whether any limit applies.
     *
     * @return false for {@link #disabled()}
     */
    public boolean enabled() {
        return perSecond > 0 || !endpointLimits.isEmpty();
    }

    /**
     * The limit of an endpoint: its override, else Pendo's rule for it ({@link #PENDO_RULES}), else the default.
     *
     * @param endpoint the endpoint key
     * @return requests per second, or 0 for no limit
     */
    public double limitFor(String endpoint) {
        Double override = endpointLimits.get(endpoint);
        if (override != null) {
            return override;
        }
        Double rule = PENDO_RULES.get(endpoint);
        return rule != null ? rule : perSecond;
    }

    /**
     * The default limit per endpoint.
     *
     * @return requests per second, or 0 when disabled
     */
    public double perSecond() {
        return perSecond;
    }

    /**
     * The per-endpoint overrides.
     *
     * @return endpoint key to requests per second
     */
    public Map<String, Double> endpointLimits() {
        return endpointLimits;
    }

    static String normalizeEndpoint(String endpoint) {
        String trimmed = endpoint.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("An endpoint key is 'METHOD path', for example "
                    + "'POST api/v1/bulkdelete/visitor', was '" + endpoint + "'");
        }
        String path = trimmed.substring(space + 1).trim();
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        return trimmed.substring(0, space).toUpperCase(java.util.Locale.ROOT) + " " + path;
    }

    private static double positive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, was " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return enabled()
                ? "RateLimitOptions{perSecond=" + perSecond + ", endpointLimits=" + endpointLimits + "}"
                : "RateLimitOptions{disabled}";
    }

    /** Builds {@link RateLimitOptions}; setters validate at once. */
    public static final class Builder {
        private double perSecond;
        private final Map<String, Double> endpointLimits;

        private Builder(double perSecond, Map<String, Double> endpointLimits) {
            this.perSecond = perSecond;
            this.endpointLimits = new LinkedHashMap<>(endpointLimits);
        }

        /**
         * The default limit of every endpoint without an override.
         *
         * @param requests a positive rate; fractions are allowed (0.5 is one request every two seconds)
         * @return this builder
         */
        public Builder perSecond(double requests) {
            this.perSecond = positive(requests, "requests per second");
            return this;
        }

        /**
         * A separate limit for one endpoint; a second call for the same endpoint replaces it.
         *
         * @param endpoint the endpoint key, for example {@code "POST api/v1/bulkdelete/visitor"}
         * @param requestsPerSecond its positive limit
         * @return this builder
         */
        public Builder endpointLimit(String endpoint, double requestsPerSecond) {
            Objects.requireNonNull(endpoint, "endpoint");
            endpointLimits.put(normalizeEndpoint(endpoint), positive(requestsPerSecond, "requests per second"));
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the immutable options
         */
        public RateLimitOptions build() {
            return new RateLimitOptions(perSecond, Collections.unmodifiableMap(new LinkedHashMap<>(endpointLimits)));
        }
    }
}
