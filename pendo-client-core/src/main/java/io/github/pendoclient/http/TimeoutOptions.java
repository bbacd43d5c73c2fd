package io.github.pendoclient.http;

import java.time.Duration;
import java.util.Objects;

/**
 * The timeouts of a client's HTTP calls. Ordinary calls use the connect, read, write and call timeouts; long-running
 * streamed calls (aggregations) use the streaming read and streaming call timeouts instead of read and call, since
 * Pendo may compute for minutes before the first byte and a large result takes long to read. A call timeout of
 * {@link Duration#ZERO} means none.
 *
 * <p>Defaults: 10 s connect, 60 s read, 60 s write, 5 minutes per call (retries included), 5 minutes of silence on a
 * streamed call, no limit on a whole streamed call. Instances are immutable; derive with {@link #toBuilder()}.
 */
public final class TimeoutOptions {

    /** Default connect timeout. */
    public static final Duration DEFAULT_CONNECT = Duration.ofSeconds(10);
    /** Default read timeout of ordinary calls. */
    public static final Duration DEFAULT_READ = Duration.ofSeconds(60);
    /** Default write timeout. */
    public static final Duration DEFAULT_WRITE = Duration.ofSeconds(60);
    /** Default whole-call timeout of ordinary calls, retries included. */
    public static final Duration DEFAULT_CALL = Duration.ofMinutes(5);
    /** Default read timeout of streamed calls: the longest silence while Pendo computes or streams a result. */
    public static final Duration DEFAULT_STREAMING_READ = Duration.ofMinutes(5);

    private static final TimeoutOptions DEFAULTS = new Builder().build();

    private final Duration connect;
    private final Duration read;
    private final Duration write;
    private final Duration call;
    private final Duration streamingRead;
    private final Duration streamingCall;

    private TimeoutOptions(Builder builder) {
        this.connect = builder.connect;
        this.read = builder.read;
        this.write = builder.write;
        this.call = builder.call;
        this.streamingRead = builder.streamingRead;
        this.streamingCall = builder.streamingCall;
    }

    /**
     * The default timeouts.
     *
     * @return the defaults
     */
    public static TimeoutOptions defaults() {
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
     * A builder starting from these timeouts.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder()
                .connect(connect)
                .read(read)
                .write(write)
                .call(call)
                .streamingRead(streamingRead)
                .streamingCall(streamingCall);
    }

    /**
     * Time to open a connection.
     *
     * @return the connect timeout
     */
    public Duration connect() {
        return connect;
    }

    /**
     * Longest silence while reading an ordinary response.
     *
     * @return the read timeout
     */
    public Duration read() {
        return read;
    }

    /**
     * Longest stall while sending a request.
     *
     * @return the write timeout
     */
    public Duration write() {
        return write;
    }

    /**
     * Time for a whole ordinary call, retries included.
     *
     * @return the call timeout, zero for none
     */
    public Duration call() {
        return call;
    }

    /**
     * Longest silence while Pendo computes or streams a long-running result.
     *
     * @return the streaming read timeout, zero for none
     */
    public Duration streamingRead() {
        return streamingRead;
    }

    /**
     * Time for a whole streamed call, reading every row included.
     *
     * @return the streaming call timeout, zero for none
     */
    public Duration streamingCall() {
        return streamingCall;
    }

    @Override
    public String toString() {
        return "TimeoutOptions{connect=" + connect + ", read=" + read + ", write=" + write + ", call=" + call
                + ", streamingRead=" + streamingRead + ", streamingCall=" + streamingCall + "}";
    }

    /** Builds {@link TimeoutOptions}; setters validate at once. */
    public static final class Builder {
        private Duration connect = DEFAULT_CONNECT;
        private Duration read = DEFAULT_READ;
        private Duration write = DEFAULT_WRITE;
        private Duration call = DEFAULT_CALL;
        private Duration streamingRead = DEFAULT_STREAMING_READ;
        private Duration streamingCall = Duration.ZERO;

        private Builder() {}

        /**
         * Time to open a connection.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder connect(Duration timeout) {
            this.connect = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * Longest silence while reading an ordinary response.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder read(Duration timeout) {
            this.read = positive(timeout, "readTimeout");
            return this;
        }

        /**
         * Longest stall while sending a request.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder write(Duration timeout) {
            this.write = positive(timeout, "writeTimeout");
            return this;
        }

        /**
         * Time for a whole ordinary call, retries included.
         *
         * @param timeout zero (none) or a positive duration
         * @return this builder
         */
        public Builder call(Duration timeout) {
            this.call = nonNegative(timeout, "callTimeout");
            return this;
        }

        /**
         * Longest silence while Pendo computes or streams a long-running result.
         *
         * @param timeout zero (none) or a positive duration
         * @return this builder
         */
        public Builder streamingRead(Duration timeout) {
            this.streamingRead = nonNegative(timeout, "streamingReadTimeout");
            return this;
        }

        /**
         * Time for a whole streamed call, reading every row included.
         *
         * @param timeout zero (none) or a positive duration
         * @return this builder
         */
        public Builder streamingCall(Duration timeout) {
            this.streamingCall = nonNegative(timeout, "streamingCallTimeout");
            return this;
        }

        /**
         * Builds the timeouts.
         *
         * @return the immutable timeouts
         */
        public TimeoutOptions build() {
            return new TimeoutOptions(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
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
