package io.github.pendoclient.internal.http;

import io.github.pendoclient.event.PendoEventListener;
import io.github.pendoclient.http.ClientBuilder;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.http.TimeSource;
import io.github.pendoclient.http.TimeoutOptions;
import io.github.pendoclient.json.Binding;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Everything {@link PendoHttp} needs besides the credential, resolved: what a client builder's settings describe.
 * The settings, their defaults and their checks are declared once, in {@link ClientBuilder}; a client builder makes
 * these options with {@code transport(timeouts, binding, HttpOptions::new)}, so this record has no builder of its
 * own.
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
 * @param eventListener receives the events of every call
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
     * @param eventListener the event listener
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
}
