package io.github.pendoclient.track;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * How a {@link TrackSender} queues, sends and reports. Immutable: start from {@link #defaults()} or
 * {@link #builder()}, derive with {@link #toBuilder()}.
 */
public final class TrackSenderOptions {

    /** Default queue capacity. */
    public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
    /** Default number of requests in flight. */
    public static final int DEFAULT_CONCURRENCY = 4;
    /** Default time {@link TrackSender.OverflowPolicy#BLOCK} waits for room. */
    public static final Duration DEFAULT_BLOCK_TIMEOUT = Duration.ofMillis(250);
    /** Default time {@link TrackSender#close()} waits for the queue to drain. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Default attempts per event. Failed events wait without holding a sending slot, so trying often is cheap:
     * with 35% of attempts failing at random, 10 attempts lose about 3 events in 100,000.
     */
    public static final int DEFAULT_MAX_ATTEMPTS = 10;

    private static final TrackSenderOptions DEFAULTS = new Builder().build();

    private final int queueCapacity;
    private final TrackSender.OverflowPolicy overflow;
    private final Duration blockTimeout;
    private final int concurrency;
    private final Duration closeTimeout;
    private final TrackListener listener;
    private final ExecutorService executor;
    private final int maxAttempts;
    private final Path spoolDirectory;

    private TrackSenderOptions(Builder builder) {
        this.queueCapacity = builder.queueCapacity;
        this.overflow = builder.overflow;
        this.blockTimeout = builder.blockTimeout;
        this.concurrency = builder.concurrency;
        this.closeTimeout = builder.closeTimeout;
        this.listener = builder.listener;
        this.executor = builder.executor;
        this.maxAttempts = builder.maxAttempts;
        this.spoolDirectory = builder.spoolDirectory;
    }

    /**
     * The defaults: 10,000 events, block up to 250 ms then drop, 4 in flight, 10 s to drain on close, no listener,
     * the sender's own threads, 10 attempts per event, no spool.
     *
     * @return the default options
     */
    public static TrackSenderOptions defaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the {@linkplain #defaults() defaults}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder()
                .queueCapacity(queueCapacity)
                .overflow(overflow)
                .blockTimeout(blockTimeout)
                .concurrency(concurrency)
                .closeTimeout(closeTimeout)
                .listener(listener)
                .maxAttempts(maxAttempts);
        builder.executor = executor;
        builder.spoolDirectory = spoolDirectory;
        return builder;
    }

    /**
     * The queue capacity.
     *
     * @return events the queue holds
     */
    public int queueCapacity() {
        return queueCapacity;
    }

    /**
     * What {@link TrackSender#track(TrackEvent)} does when the queue is full.
     *
     * @return the overflow policy
     */
    public TrackSender.OverflowPolicy overflow() {
        return overflow;
    }

    /**
     * How long {@link TrackSender.OverflowPolicy#BLOCK} waits for room.
     *
     * @return the block timeout
     */
    public Duration blockTimeout() {
        return blockTimeout;
    }

    /**
     * How many requests may be in flight at once.
     *
     * @return the concurrency
     */
    public int concurrency() {
        return concurrency;
    }

    /**
     * How long {@link TrackSender#close()} waits for the queue to drain.
     *
     * @return the close timeout
     */
    public Duration closeTimeout() {
        return closeTimeout;
    }

    /**
     * The listener that hears the end of every event.
     *
     * @return the listener, {@link TrackListener#NONE} by default
     */
    public TrackListener listener() {
        return listener;
    }

    /**
     * The caller's executor that starts sends.
     *
     * @return the executor, or empty when the sender uses its own threads
     */
    public Optional<ExecutorService> executor() {
        return Optional.ofNullable(executor);
    }

    /**
     * Attempts per event before it fails.
     *
     * @return at least 1
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The directory that keeps events not delivered by the close deadline.
     *
     * @return the directory, or empty when undelivered events fail through the listener
     */
    public Optional<Path> spoolDirectory() {
        return Optional.ofNullable(spoolDirectory);
    }

    @Override
    public String toString() {
        return "TrackSenderOptions{queueCapacity=" + queueCapacity + ", overflow=" + overflow + ", blockTimeout="
                + blockTimeout + ", concurrency=" + concurrency + ", closeTimeout=" + closeTimeout
                + ", maxAttempts=" + maxAttempts + ", ownThreads=" + (executor == null)
                + (spoolDirectory == null ? "" : ", spoolDirectory=" + spoolDirectory) + "}";
    }

    /** Builds {@link TrackSenderOptions}; setters validate at once. */
    public static final class Builder {
        private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
        private TrackSender.OverflowPolicy overflow = TrackSender.OverflowPolicy.BLOCK;
        private Duration blockTimeout = DEFAULT_BLOCK_TIMEOUT;
        private int concurrency = DEFAULT_CONCURRENCY;
        private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
        private TrackListener listener = TrackListener.NONE;
        private ExecutorService executor;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Path spoolDirectory;

        private Builder() {}

        /**
         * The queue capacity.
         *
         * @param capacity at least 1
         * @return this builder
         */
        public Builder queueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("queueCapacity must be at least 1, was " + capacity);
            }
            this.queueCapacity = capacity;
            return this;
        }

        /**
         * The overflow policy.
         *
         * @param policy what {@code track} does when the queue is full
         * @return this builder
         */
        public Builder overflow(TrackSender.OverflowPolicy policy) {
            this.overflow = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * How long {@link TrackSender.OverflowPolicy#BLOCK} waits for room.
         *
         * @param timeout zero or more
         * @return this builder
         */
        public Builder blockTimeout(Duration timeout) {
            this.blockTimeout = nonNegative(timeout, "blockTimeout");
            return this;
        }

        /**
         * How many requests may be in flight at once.
         *
         * @param concurrency at least 1
         * @return this builder
         */
        public Builder concurrency(int concurrency) {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
            }
            this.concurrency = concurrency;
            return this;
        }

        /**
         * How long {@link TrackSender#close()} waits for the queue to drain before failing what is left.
         *
         * @param timeout zero or more
         * @return this builder
         */
        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = nonNegative(timeout, "closeTimeout");
            return this;
        }

        /**
         * The listener.
         *
         * @param listener hears the end of every event
         * @return this builder
         */
        public Builder listener(TrackListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * How many attempts an event gets before it fails; waits between them follow the client's
         * {@link io.github.pendoclient.http.RetryOptions} backoff and the server's {@code Retry-After}.
         *
         * @param attempts at least 1
         * @return this builder
         */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * Starts sends on the caller's executor instead of the sender's own threads. Each task is short (it starts a
         * non-blocking attempt); the sender does not shut the executor down.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(ExecutorService executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * Keeps events on disk that are not delivered by the close deadline, instead of failing them. At the deadline,
         * {@link TrackSender#close()} appends every such event to a new file in this directory and syncs it before
         * it returns ({@link TrackListener#onSpooled}); an event whose request may have reached Pendo is marked so.
         * A sender built later on the same directory sends the spooled events first, before new ones, and deletes
         * each file once all its events have ended; a marked event it delivers is reported as a possible duplicate
         * ({@link TrackListener#onDeliveredPossiblyTwice}). While closing, an event that runs out of attempts on a
         * transient failure is spooled too. The files hold each event's JSON as it is sent, never the shared
         * secret. One sender at a time may use a directory; it is created if missing.
         *
         * @param directory the directory
         * @return this builder
         */
        public Builder spoolDirectory(Path directory) {
            this.spoolDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the immutable options
         */
        public TrackSenderOptions build() {
            return new TrackSenderOptions(this);
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
