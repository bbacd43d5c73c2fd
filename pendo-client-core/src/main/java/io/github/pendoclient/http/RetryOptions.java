package io.github.pendoclient.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How the HTTP stack retries. Retried: HTTP 408, 429, 500, 502, 503 and 504, and I/O failures such as a reset
 * connection or a timeout. Never retried: every other status, 400, 401, 403, 404 and 422 among them.
 *
 * <p>The wait before attempt {@code n + 1} is {@code initialBackoff * 2^(n-1)}, capped at {@code maxBackoff}, with
 * up to {@code jitter} of it removed at random so that clients do not retry in lockstep. A {@code Retry-After}
 * header (seconds or an HTTP date) replaces that wait; one longer than {@code maxRetryAfter} fails at once with the
 * server's wait in the exception ({@link LongRetryAfter#FAIL_FAST}, the default) or is shortened to the cap
 * ({@link LongRetryAfter#WAIT_CAP}). Retrying stops after
 * {@code maxAttempts} attempts, or when the next wait would end after {@code maxElapsed} from the first attempt.
 *
 * <p>Defaults: 4 attempts, 500 ms initial backoff, 30 s maximum backoff, 20% jitter, {@code Retry-After} honoured up
 * to 60 s, 2 minutes in all. Instances are immutable; use {@link #toBuilder()} to derive one.
 */
public final class RetryOptions {

    /** Default number of attempts, the first one included. */
    public static final int DEFAULT_MAX_ATTEMPTS = 4;
    /** Default wait before the first retry. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    /** Default cap of the exponential wait. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);
    /** Default cap on a server's {@code Retry-After}. */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);
    /** Default time budget from the first attempt to the start of the last. */
    public static final Duration DEFAULT_MAX_ELAPSED = Duration.ofMinutes(2);
    /** Default share of each wait that may be removed at random. */
    public static final double DEFAULT_JITTER = 0.2;

    private static final RetryOptions DEFAULTS = builder().build();

    /** What the client does when a server's {@code Retry-After} is longer than {@link #maxRetryAfter()}. */
    public enum LongRetryAfter {
        /** Fail at once; the exception's {@code retryAfter()} is the server's full wait. The default. */
        FAIL_FAST,
        /** Wait {@link #maxRetryAfter()}, then retry (earlier than the server asked). */
        WAIT_CAP
    }

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxRetryAfter;
    private final Duration maxElapsed;
    private final double jitter;
    private final LongRetryAfter longRetryAfter;

    private RetryOptions(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.initialBackoff = builder.initialBackoff;
        this.maxBackoff = builder.maxBackoff;
        this.maxRetryAfter = builder.maxRetryAfter;
        this.maxElapsed = builder.maxElapsed;
        this.jitter = builder.jitter;
        this.longRetryAfter = builder.longRetryAfter;
    }

    /**
     * The default retry configuration.
     *
     * @return the defaults
     */
    public static RetryOptions defaults() {
        return DEFAULTS;
    }

    /**
     * One attempt, no retries.
     *
     * @return a configuration that never retries
     */
    public static RetryOptions disabled() {
        return builder().maxAttempts(1).build();
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this configuration.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder()
                .maxAttempts(maxAttempts)
                .initialBackoff(initialBackoff)
                .maxBackoff(maxBackoff)
                .maxRetryAfter(maxRetryAfter)
                .maxElapsed(maxElapsed)
                .jitter(jitter)
                .longRetryAfter(longRetryAfter);
    }

    /**
     * Attempts in all, the first included.
     *
     * @return at least 1
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Wait before the first retry.
     *
     * @return the initial backoff
     */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /**
     * Cap of the exponential wait.
     *
     * @return the maximum backoff
     */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /**
     * Cap on a server's {@code Retry-After}.
     *
     * @return the maximum honoured {@code Retry-After}
     */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /**
     * Time budget: no retry starts later than this after the first attempt.
     *
     * @return the maximum elapsed time
     */
    public Duration maxElapsed() {
        return maxElapsed;
    }

    /**
     * Share of each computed wait that may be removed at random, 0 to 1.
     *
     * @return the jitter
     */
    public double jitter() {
        return jitter;
    }

    /**
     * What happens when a server's {@code Retry-After} is longer than {@link #maxRetryAfter()}.
     *
     * @return fail fast (the default) or wait the cap
     */
    public LongRetryAfter longRetryAfter() {
        return longRetryAfter;
    }

    @Override
    public String toString() {
        return "RetryOptions{maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", maxRetryAfter=" + maxRetryAfter + ", maxElapsed=" + maxElapsed + ", jitter="
                + jitter + ", longRetryAfter=" + longRetryAfter + "}";
    }

    /** Builds a {@link RetryOptions}; setters validate at once. */
    public static final class Builder {
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
        private Duration maxElapsed = DEFAULT_MAX_ELAPSED;
        private double jitter = DEFAULT_JITTER;
        private LongRetryAfter longRetryAfter = LongRetryAfter.FAIL_FAST;

        private Builder() {}

        /**
         * What to do when a server's {@code Retry-After} is longer than {@link #maxRetryAfter(Duration)}.
         *
         * @param choice fail fast (the default) or wait the cap
         * @return this builder
         */
        public Builder longRetryAfter(LongRetryAfter choice) {
            this.longRetryAfter = Objects.requireNonNull(choice, "choice");
            return this;
        }

        /**
         * Attempts in all, the first included; 1 disables retries.
         *
         * @param maxAttempts at least 1
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * Wait before the first retry; later waits double.
         *
         * @param initialBackoff zero or positive
         * @return this builder
         */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = nonNegative(initialBackoff, "initialBackoff");
            return this;
        }

        /**
         * Cap of the exponential wait.
         *
         * @param maxBackoff zero or positive
         * @return this builder
         */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = nonNegative(maxBackoff, "maxBackoff");
            return this;
        }

        /**
         * Cap on a server's {@code Retry-After}; see {@link #longRetryAfter(LongRetryAfter)} for longer hints.
         *
         * @param maxRetryAfter zero or positive
         * @return this builder
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = nonNegative(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        /**
         * Time budget from the first attempt: a retry whose wait would end later is not made.
         *
         * @param maxElapsed zero or positive
         * @return this builder
         */
        public Builder maxElapsed(Duration maxElapsed) {
            this.maxElapsed = nonNegative(maxElapsed, "maxElapsed");
            return this;
        }

        /**
         * Share of each computed wait removed at random, from 0 (none) to 1 (full jitter).
         *
         * @param jitter between 0 and 1
         * @return this builder
         */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0 && jitter <= 1)) {
                throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the immutable configuration
         */
        public RetryOptions build() {
            return new RetryOptions(this);
        }

        private static Duration nonNegative(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, was " + value);
            }
            return value;
        }
    }
}
