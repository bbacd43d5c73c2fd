package io.github.pendoclient.internal.http;

import io.github.pendoclient.event.PendoEventListener;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.http.TimeSource;
import io.github.pendoclient.http.TimeoutOptions;
import io.github.pendoclient.json.Binding;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Everything {@link PendoHttp} needs besides the credential. Client builders produce it with {@link #builder()};
 * modules built on core pass it along, or change one setting with {@link #toBuilder()}.
 *
 * @param baseUrl the base URL requests are resolved against
 * @param timeouts the timeouts of ordinary and of long-running streamed calls
 * @param retry the retry configuration
 * @param rateLimit the client-side rate limit
 * @param okHttpClient a caller-supplied client whose pools and dispatcher are shared, or null
 * @param userAgent the {@code User-Agent} header value
 * @param timeSource the clock and sleep used for backoff and rate limiting
 * @param hostDescription how error messages name the host, for example {@code https://app.eu.pendo.io (region EU)}
 * @param binding how response bodies are bound to records: lenient, or strict (a type mismatch fails the call)
 */
public record HttpOptions(
        HttpUrl baseUrl,
        TimeoutOptions timeouts,
        RetryOptions retry,
        RateLimitOptions rateLimit,
        OkHttpClient okHttpClient,
        String userAgent,
        TimeSource timeSource,
        String hostDescription,
        Binding binding,
        PendoEventListener eventListener) {

    /**
     * Checks that every required value is present.
     *
     * @param baseUrl the base URL
     * @param timeouts the timeouts
     * @param retry the retry configuration
     * @param rateLimit the rate limit
     * @param okHttpClient the shared client, or null
     * @param userAgent the user agent
     * @param timeSource the time source
     * @param hostDescription the host description
     * @param binding the binding of response bodies
     */
    public HttpOptions {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(timeSource, "timeSource");
        Objects.requireNonNull(hostDescription, "hostDescription");
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(eventListener, "eventListener");
    }

    /**
     * A builder with the defaults of every setting that has one: {@link TimeoutOptions#defaults()},
     * {@link RetryOptions#defaults()}, {@link RateLimitOptions#defaults()}, the system {@link TimeSource},
     * {@link Binding#LENIENT} and no shared OkHttp client. The base URL, user agent and host description have no
     * default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these options, to change a few.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder()
                .baseUrl(baseUrl)
                .timeouts(timeouts)
                .retry(retry)
                .rateLimit(rateLimit)
                .okHttpClient(okHttpClient)
                .userAgent(userAgent)
                .timeSource(timeSource)
                .hostDescription(hostDescription)
                .binding(binding)
                .eventListener(eventListener);
    }

    /** Builds {@link HttpOptions}; {@link #build()} checks that the settings without a default were given. */
    public static final class Builder {

        private HttpUrl baseUrl;
        private TimeoutOptions timeouts = TimeoutOptions.defaults();
        private RetryOptions retry = RetryOptions.defaults();
        private RateLimitOptions rateLimit = RateLimitOptions.defaults();
        private OkHttpClient okHttpClient;
        private String userAgent;
        private TimeSource timeSource = TimeSource.system();
        private String hostDescription;
        private Binding binding = Binding.LENIENT;
        private PendoEventListener eventListener = PendoEventListener.NONE;

        private Builder() {}

        /**
         * The base URL requests are resolved against. Required.
         *
         * @param baseUrl the base URL, ending in {@code /}
         * @return this builder
         */
        public Builder baseUrl(HttpUrl baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /**
         * The timeouts of ordinary and of long-running streamed calls.
         *
         * @param timeouts the timeouts
         * @return this builder
         */
        public Builder timeouts(TimeoutOptions timeouts) {
            this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
            return this;
        }

        /**
         * The retry configuration.
         *
         * @param retry the retry configuration
         * @return this builder
         */
        public Builder retry(RetryOptions retry) {
            this.retry = Objects.requireNonNull(retry, "retry");
            return this;
        }

        /**
         * The client-side rate limit.
         *
         * @param rateLimit the rate limit
         * @return this builder
         */
        public Builder rateLimit(RateLimitOptions rateLimit) {
            this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
            return this;
        }

        /**
         * A caller-supplied client whose pools and dispatcher are shared.
         *
         * @param okHttpClient the client, or null for the SDK's own
         * @return this builder
         */
        public Builder okHttpClient(OkHttpClient okHttpClient) {
            this.okHttpClient = okHttpClient;
            return this;
        }

        /**
         * The {@code User-Agent} header value. Required.
         *
         * @param userAgent the user agent
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        /**
         * The clock and sleep used for backoff and rate limiting.
         *
         * @param timeSource the time source
         * @return this builder
         */
        public Builder timeSource(TimeSource timeSource) {
            this.timeSource = Objects.requireNonNull(timeSource, "timeSource");
            return this;
        }

        /**
         * How error messages name the host. Required.
         *
         * @param hostDescription for example {@code https://app.eu.pendo.io (region EU)}
         * @return this builder
         */
        public Builder hostDescription(String hostDescription) {
            this.hostDescription = Objects.requireNonNull(hostDescription, "hostDescription");
            return this;
        }

        /**
         * How response bodies are bound to records.
         *
         * @param binding lenient or strict
         * @return this builder
         */
        public Builder binding(Binding binding) {
            this.binding = Objects.requireNonNull(binding, "binding");
            return this;
        }

        /**
         * The options.
         *
         * @return the options
         * @throws NullPointerException naming the first required setting that was not given
         */
        public Builder eventListener(PendoEventListener eventListener) {
            this.eventListener = Objects.requireNonNull(eventListener, "eventListener");
            return this;
        }

        public HttpOptions build() {
            return new HttpOptions(
                    baseUrl,
                    timeouts,
                    retry,
                    rateLimit,
                    okHttpClient,
                    userAgent,
                    timeSource,
                    hostDescription,
                    binding,
                    eventListener);
        }
    }
}
