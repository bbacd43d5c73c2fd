package io.github.pendoclient.http;

import io.github.pendoclient.Region;
import io.github.pendoclient.event.PendoEventListener;
import io.github.pendoclient.internal.Hosts;
import io.github.pendoclient.internal.SdkVersion;
import io.github.pendoclient.json.Binding;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * Transport options shared by every pendo-client builder ({@code PendoClient.builder()}, {@code TrackClient.builder()}):
 * where to connect, timeouts, retries, the rate limit, a shared {@link OkHttpClient}, and the application name in
 * the {@code User-Agent}. Setters validate at once; {@code build()} resolves the defaults. Use it through those
 * builders; it is public only because they share it.
 *
 * @param <B> the concrete builder type
 */
public abstract class ClientBuilder<B extends ClientBuilder<B>> {

    /** Default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = TimeoutOptions.DEFAULT_CONNECT;
    /** Default read timeout of ordinary calls. */
    public static final Duration DEFAULT_READ_TIMEOUT = TimeoutOptions.DEFAULT_READ;
    /** Default write timeout. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = TimeoutOptions.DEFAULT_WRITE;
    /** Default timeout of a whole ordinary call, retries and backoff included. */
    public static final Duration DEFAULT_CALL_TIMEOUT = TimeoutOptions.DEFAULT_CALL;

    private Region region = Region.US;
    private URI baseUrl;
    private boolean allowInsecureHttp;
    private TimeoutOptions timeouts = TimeoutOptions.defaults();
    private RetryOptions retry = RetryOptions.defaults();
    private RateLimitOptions rateLimit = RateLimitOptions.defaults();
    private OkHttpClient okHttpClient;
    private String applicationName;
    private TimeSource timeSource = TimeSource.system();
    private PendoEventListener eventListener = PendoEventListener.NONE;

    /** For subclasses. */
    protected ClientBuilder() {}

    /**
     * This builder, typed as the concrete builder.
     *
     * @return this
     */
    protected abstract B self();

    /**
     * The base URL of a region for this kind of client: the API host for REST, the data host for track events.
     *
     * @param region the region
     * @return its base URL
     */
    protected abstract URI regionBaseUrl(Region region);

    /**
     * The data centre to talk to; ignored when {@link #baseUrl(String)} is set. Default {@link Region#US}.
     *
     * @param region the region
     * @return this builder
     */
    public B region(Region region) {
        this.region = Objects.requireNonNull(region, "region");
        return self();
    }

    /**
     * An explicit base URL, for a proxy, Pendo Adopt, a custom host or a test server; it wins over the region.
     * Plain {@code http} is accepted for loopback hosts only, unless {@link #allowInsecureHttp(boolean)} is set,
     * because the credential would travel in clear text.
     *
     * @param baseUrl an absolute http or https URL, for example {@code http://127.0.0.1:8080}
     * @return this builder
     */
    public B baseUrl(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        URI uri;
        try {
            uri = URI.create(baseUrl.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a valid base URL: '" + baseUrl + "'", e);
        }
        return baseUrl(uri);
    }

    /**
     * An explicit base URL; see {@link #baseUrl(String)}.
     *
     * @param baseUrl an absolute http or https URL
     * @return this builder
     */
    public B baseUrl(URI baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("A base URL must be an absolute http or https URL such as "
                    + "https://app.eu.pendo.io, was '" + baseUrl + "'");
        }
        this.baseUrl = baseUrl;
        return self();
    }

    /**
     * Allows a plain-http base URL on a host that is not loopback. Only for trusted networks: the credential is
     * sent in clear text.
     *
     * @param allow whether to allow it
     * @return this builder
     */
    public B allowInsecureHttp(boolean allow) {
        this.allowInsecureHttp = allow;
        return self();
    }

    /**
     * Connect timeout. Default 10 s.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public B connectTimeout(Duration timeout) {
        this.timeouts = timeouts.toBuilder().connect(timeout).build();
        return self();
    }

    /**
     * Read timeout of ordinary calls: the longest silence while waiting for bytes. Default 60 s.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public B readTimeout(Duration timeout) {
        this.timeouts = timeouts.toBuilder().read(timeout).build();
        return self();
    }

    /**
     * Write timeout. Default 60 s.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public B writeTimeout(Duration timeout) {
        this.timeouts = timeouts.toBuilder().write(timeout).build();
        return self();
    }

    /**
     * Timeout of a whole ordinary call, retries and their waits included; {@link Duration#ZERO} for none.
     * Default 5 minutes.
     *
     * @param timeout zero or a positive duration
     * @return this builder
     */
    public B callTimeout(Duration timeout) {
        this.timeouts = timeouts.toBuilder().call(timeout).build();
        return self();
    }

    /**
     * Every timeout at once, replacing what {@link #connectTimeout(Duration)}, {@link #readTimeout(Duration)},
     * {@link #writeTimeout(Duration)}, {@link #callTimeout(Duration)} and the client's streaming timeouts set.
     *
     * @param timeouts the timeouts
     * @return this builder
     */
    public B timeouts(TimeoutOptions timeouts) {
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        return self();
    }

    /**
     * How failed calls are retried. Default {@link RetryOptions#defaults()}; {@link RetryOptions#disabled()} turns
     * retries off.
     *
     * @param retry the retry configuration
     * @return this builder
     */
    public B retries(RetryOptions retry) {
        this.retry = Objects.requireNonNull(retry, "retry");
        return self();
    }

    /**
     * The client-side rate limit per endpoint. Default 100 requests per second, Pendo's documented limit;
     * {@link RateLimitOptions#disabled()} turns it off.
     *
     * @param rateLimit the rate limit
     * @return this builder
     */
    public B rateLimit(RateLimitOptions rateLimit) {
        this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
        return self();
    }

    /**
     * An OkHttp client to share: its connection pool, dispatcher and any interceptors are reused (the SDK derives
     * its own client with {@code newBuilder()}). Closing the Pendo client then leaves them running.
     *
     * @param client the client to share
     * @return this builder
     */
    public B okHttpClient(OkHttpClient client) {
        this.okHttpClient = Objects.requireNonNull(client, "client");
        return self();
    }

    /**
     * Your application's name and version, appended to the {@code User-Agent}, for example {@code billing-sync/2.3}.
     *
     * @param name printable ASCII without line breaks
     * @return this builder
     */
    public B applicationName(String name) {
        Objects.requireNonNull(name, "name");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < ' ' || c >= 0x7f) {
                throw new IllegalArgumentException("applicationName must be printable ASCII, was '" + name + "'");
            }
        }
        this.applicationName = name.isBlank() ? null : name.trim();
        return self();
    }

    /**
     * The clock and sleep used for backoff and rate limiting; tests inject a fake. Default the system clock.
     *
     * @param timeSource the time source
     * @return this builder
     */
    public B timeSource(TimeSource timeSource) {
        this.timeSource = Objects.requireNonNull(timeSource, "timeSource");
        return self();
    }

    /**
     * Receives the events of every call this client makes (attempts, retries, rate-limit waits), for metrics.
     * Default {@link PendoEventListener#NONE}.
     *
     * @param eventListener the listener; it must be thread-safe
     * @return this builder
     */
    public B eventListener(PendoEventListener eventListener) {
        this.eventListener = Objects.requireNonNull(eventListener, "eventListener");
        return self();
    }

    /**
     * Hands the transport these settings describe to a factory, for a client builder's {@code build()}: the base URL
     * (the explicit one, else the region's), the timeouts and binding the client chose, every other setting of this
     * builder, the {@code User-Agent} and how messages name the host. This class declares each transport setting
     * once; the SDK's clients pass the constructor of their internal stack options as the factory, so no signature
     * here names an internal type.
     *
     * @param timeouts the timeouts to use, this builder's or adjusted by the client
     * @param binding how response bodies are bound to records
     * @param factory makes the client's transport options
     * @param <T> the options type
     * @return what the factory made
     * @throws IllegalArgumentException if the base URL is plain http to a host that is not loopback, without
     *     {@link #allowInsecureHttp(boolean)}
     */
    protected final <T> T transport(TimeoutOptions timeouts, Binding binding, TransportFactory<T> factory) {
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(factory, "factory");
        URI resolved = baseUrl != null ? baseUrl : regionBaseUrl(region);
        String text = resolved.toString();
        HttpUrl url = HttpUrl.parse(text.endsWith("/") ? text : text + "/");
        if (url == null) {
            throw new IllegalArgumentException("Not a valid base URL: '" + resolved + "'");
        }
        if (!url.isHttps() && !allowInsecureHttp && !Hosts.isLoopback(url.host())) {
            throw new IllegalArgumentException("Refusing plain http to " + url.host() + ": the credential would"
                    + " travel in clear text. Use https, or call allowInsecureHttp(true) on a trusted network.");
        }
        String hostDescription = url.scheme() + "://" + url.host()
                + (url.port() == HttpUrl.defaultPort(url.scheme()) ? "" : ":" + url.port())
                + (baseUrl == null ? " (region " + region + ")" : "");
        return factory.create(
                url,
                timeouts,
                retry,
                rateLimit,
                okHttpClient,
                userAgent(),
                timeSource,
                hostDescription,
                binding,
                eventListener);
    }

    /**
     * Makes a client's transport options from the settings of a {@link ClientBuilder}; see
     * {@link #transport(TimeoutOptions, Binding, TransportFactory)}.
     *
     * @param <T> the options type
     */
    @FunctionalInterface
    protected interface TransportFactory<T> {

        /**
         * The options.
         *
         * @param baseUrl the base URL requests are resolved against, ending in {@code /}
         * @param timeouts the timeouts of ordinary and of long-running streamed calls
         * @param retry how failed calls are retried
         * @param rateLimit the client-side rate limit
         * @param okHttpClient a client whose pools and dispatcher are shared, or null for the SDK's own
         * @param userAgent the {@code User-Agent} header value
         * @param timeSource the clock and sleep used for backoff and rate limiting
         * @param hostDescription how messages name the host, for example {@code https://app.eu.pendo.io (region EU)}
         * @param binding how response bodies are bound to records
         * @param eventListener receives the events of every call
         * @return the options
         */
        T create(
                HttpUrl baseUrl,
                TimeoutOptions timeouts,
                RetryOptions retry,
                RateLimitOptions rateLimit,
                OkHttpClient okHttpClient,
                String userAgent,
                TimeSource timeSource,
                String hostDescription,
                Binding binding,
                PendoEventListener eventListener);
    }

    /**
     * Copies every setting of another builder into this one, for a client's {@code toBuilder()}.
     *
     * @param other the builder to copy; it is not changed
     */
    protected final void copySettingsFrom(ClientBuilder<?> other) {
        this.region = other.region;
        this.baseUrl = other.baseUrl;
        this.allowInsecureHttp = other.allowInsecureHttp;
        this.timeouts = other.timeouts;
        this.retry = other.retry;
        this.rateLimit = other.rateLimit;
        this.okHttpClient = other.okHttpClient;
        this.applicationName = other.applicationName;
        this.timeSource = other.timeSource;
        this.eventListener = other.eventListener;
    }

    /**
     * The region set on this builder; meaningful only when no base URL is set.
     *
     * @return the region
     */
    protected final Region region() {
        return region;
    }

    /**
     * The timeouts set so far.
     *
     * @return the timeouts
     */
    protected final TimeoutOptions timeouts() {
        return timeouts;
    }

    /**
     * Whether an explicit base URL was set.
     *
     * @return true if {@link #baseUrl(String)} was called
     */
    protected final boolean hasBaseUrl() {
        return baseUrl != null;
    }

    private String userAgent() {
        return "pendo-client-java/" + SdkVersion.VERSION + " (Java " + System.getProperty("java.version") + "; "
                + System.getProperty("os.name") + ")" + (applicationName == null ? "" : " " + applicationName);
    }
}
