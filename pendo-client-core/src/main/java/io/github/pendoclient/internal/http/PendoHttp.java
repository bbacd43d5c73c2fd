package io.github.pendoclient.internal.http;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import io.github.pendoclient.Credential;
import io.github.pendoclient.error.ApiError;
import io.github.pendoclient.error.InvalidRequestException;
import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.http.HttpStats;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Invocation;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The HTTP stack every pendo-client module shares: one {@link OkHttpClient} with the credential and
 * {@code User-Agent} headers, a per-endpoint rate limit, one retry engine ({@link RetryEngine}: backoff and
 * {@code Retry-After}, synchronous, asynchronous and one attempt at a time), events for the client's
 * {@link io.github.pendoclient.event.PendoEventListener}, redacted SLF4J logging; one {@link Moshi}; one {@link Retrofit}. Failures come out as the typed exceptions of
 * {@code io.github.pendoclient.error}. Redirects are followed only within the API host (scheme, host and port), so
 * the credential never leaves it; a write that may not be repeated goes out on a new connection, never on a pooled
 * one the server may have closed.
 *
 * <p>Application code normally uses {@code PendoClient} and never sees this type; it is public so that the
 * aggregation and track modules, and users' own Retrofit interfaces, run on the same stack. Thread-safe.
 */
public final class PendoHttp implements AutoCloseable {

    private final HttpOptions options;
    private final OkHttpClient okHttp;
    /** Chooses the client of a request: {@link #okHttp}, or a fresh connection for a write that may not be repeated. */
    private final Call.Factory calls;

    private final boolean ownsOkHttp;
    private final Retrofit retrofit;
    private final ErrorMapper errors;
    private final StatsRecorder stats;
    private final RetryEngine engine;

    private PendoHttp(HttpOptions options, Credential credential, String credentialName) {
        this.options = options;
        this.stats = new StatsRecorder();
        Redactor redactor = new Redactor(credential);
        EndpointRateLimiter limiter = new EndpointRateLimiter(options.rateLimit(), options.timeSource(), stats);
        RetryRules rules = new RetryRules(options.retry(), options.timeSource(), redactor);
        this.errors = new ErrorMapper(redactor, credentialName, options.hostDescription(), rules);
        this.engine = new RetryEngine(
                rules,
                limiter,
                stats,
                new CallEvents(options.eventListener(), options.baseUrl()),
                errors,
                options.timeSource(),
                options.timeouts().streamingCall());
        this.ownsOkHttp = options.okHttpClient() == null;
        OkHttpClient.Builder builder =
                ownsOkHttp ? new OkHttpClient.Builder() : options.okHttpClient().newBuilder();
        builder.connectTimeout(options.timeouts().connect())
                .readTimeout(options.timeouts().read())
                .writeTimeout(options.timeouts().write())
                .callTimeout(options.timeouts().call())
                .retryOnConnectionFailure(true)
                // OkHttp would send the credential header to whatever host a redirect names.
                .followRedirects(false)
                .followSslRedirects(false)
                .addInterceptor(engine)
                .addInterceptor(new RedirectInterceptor())
                .addInterceptor(new HeaderInterceptor(credential, options.userAgent()))
                .addInterceptor(new PathEncodingInterceptor())
                .addInterceptor(streamingReadTimeout(options.timeouts().streamingRead()))
                .addInterceptor(new LoggingInterceptor(redactor))
                .addNetworkInterceptor(new ContentDecodingInterceptor());
        this.okHttp = builder.build();
        // Writes that may not be repeated get a connection of their own, never a pooled one the server may have
        // closed: on a stale connection such a write fails with an unknown outcome although nothing was received.
        // Same dispatcher, interceptors and timeouts; no idle connection is kept.
        OkHttpClient freshConnections = okHttp.newBuilder()
                .connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS))
                .build();
        this.calls = request -> (RequestTags.isIdempotent(request) ? okHttp : freshConnections).newCall(request);
        this.retrofit = new Retrofit.Builder()
                .baseUrl(options.baseUrl())
                .callFactory(calls)
                .addConverterFactory(new JsonBodyConverters(options.binding().moshi()))
                .addConverterFactory(
                        MoshiConverterFactory.create(options.binding().moshi()))
                .addCallAdapterFactory(new PendoCallAdapters(this))
                .build();
    }

    /**
     * Builds a stack.
     *
     * @param options the transport options
     * @param credential the credential sent in {@code x-pendo-integration-key}
     * @param credentialName how messages name the credential, for example "integration key"
     * @return the stack
     */
    public static PendoHttp create(HttpOptions options, Credential credential, String credentialName) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(credentialName, "credentialName");
        return new PendoHttp(options, credential, credentialName);
    }

    private static Interceptor streamingReadTimeout(Duration timeout) {
        return chain -> RequestTags.isStreaming(chain.request())
                ? chain.withReadTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()), TimeUnit.MILLISECONDS)
                        .proceed(chain.request())
                : chain.proceed(chain.request());
    }

    /**
     * The base URL requests are resolved against.
     *
     * @return the base URL, ending with a slash
     */
    public HttpUrl baseUrl() {
        return options.baseUrl();
    }

    /**
     * Resolves a path against the base URL.
     *
     * @param relativePath a path without a leading slash, for example {@code api/v1/aggregation}
     * @return the absolute URL
     */
    public HttpUrl url(String relativePath) {
        HttpUrl url = options.baseUrl().resolve(relativePath);
        if (url == null) {
            throw new IllegalArgumentException("Cannot resolve '" + relativePath + "' against " + options.baseUrl());
        }
        return url;
    }

    /**
     * The options this stack was built with.
     *
     * @return the options
     */
    public HttpOptions options() {
        return options;
    }

    /**
     * The shared Moshi.
     *
     * @return the Moshi of the client's {@link io.github.pendoclient.json.Binding}
     */
    public Moshi moshi() {
        return options.binding().moshi();
    }

    /**
     * Creates an implementation of a Retrofit interface on this stack: its calls get the credential, retries, the
     * rate limit and logging. Methods may return {@code Call<T>} (run it with {@link #execute(retrofit2.Call)} or
     * {@link #executeAsync(retrofit2.Call)} to get typed exceptions), the body type itself (run at once, typed
     * exceptions thrown), or {@code CompletableFuture<T>} (non-blocking retries, typed exceptions in the future).
     *
     * @param api the Retrofit interface
     * @param <S> the interface type
     * @return the implementation
     */
    public <S> S create(Class<S> api) {
        return retrofit.create(api);
    }

    /**
     * Counters since this stack was built.
     *
     * @return a snapshot
     */
    public HttpStats stats() {
        return stats.snapshot();
    }

    /**
     * Runs a Retrofit call and returns its body.
     *
     * @param call the call
     * @param <T> the body type
     * @return the body; null only for {@code Void} calls and for a JSON {@code null} where the body type is
     *     {@code Object}
     * @throws PendoException typed by what went wrong
     */
    public <T> T execute(retrofit2.Call<T> call) {
        Request request = requestOf(call);
        retrofit2.Response<T> response;
        try {
            response = call.execute();
        } catch (IOException | JsonDataException e) {
            throw translate(request, e);
        }
        return bodyOf(response);
    }

    /** The call's request, built now so that an argument Retrofit refuses becomes a typed exception. */
    private static Request requestOf(retrofit2.Call<?> call) {
        try {
            return call.request();
        } catch (IllegalArgumentException refused) {
            throw new InvalidRequestException(
                    "The request was not sent: " + refused.getMessage()
                            + ". Check the arguments; path ids may not be '.' or '..'.",
                    new ApiError("", "", 0, 0, null, "", null));
        }
    }

    /**
     * Runs a Retrofit call without blocking: each attempt runs on OkHttp's dispatcher, and each wait before a retry
     * (backoff, {@code Retry-After}, the rate limit) is a timer task, so no thread or dispatcher slot is held while
     * the call waits. Cancelling the future cancels the call and any scheduled retry.
     *
     * @param call the call; it is not executed itself, its request is
     * @param <T> the body type
     * @return a future completed with the body, or with a {@link PendoException}
     */
    public <T> CompletableFuture<T> executeAsync(retrofit2.Call<T> call) {
        return executeAsync(call, request -> engine.runAsync(calls, request));
    }

    /**
     * Prepares a Retrofit call whose attempts the caller starts one at a time, for callers that schedule their own
     * retries (the track sender): the request is built once, and the retry engine judges each attempt.
     *
     * @param call the call; it is not executed itself, its request is
     * @param maxAttempts how many attempts the call may make, at least 1
     * @return the call
     * @throws PendoException if the call's arguments are refused; nothing is sent
     */
    public StepwiseCall stepwise(retrofit2.Call<?> call, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        return new StepwiseCall(engine, calls, requestOf(call), maxAttempts, this);
    }

    /** Sends a Retrofit call's request through {@code attempts} (with retries or once) and converts the body. */
    private <T> CompletableFuture<T> executeAsync(
            retrofit2.Call<T> call, Function<Request, CompletableFuture<Response>> attempts) {
        Request request;
        Converter<ResponseBody, T> converter;
        try {
            request = requestOf(call);
            converter = converterFor(request);
        } catch (PendoException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        return complete(request, attempts.apply(request), converter);
    }

    private <T> CompletableFuture<T> complete(
            Request request, CompletableFuture<Response> responses, Converter<ResponseBody, T> converter) {
        CompletableFuture<T> future = new CompletableFuture<>();
        responses.whenComplete((response, failure) -> {
            if (failure != null) {
                future.completeExceptionally(translate(request, failure));
                return;
            }
            try (response) {
                future.complete(convert(response, converter));
            } catch (IOException | RuntimeException e) {
                future.completeExceptionally(e instanceof PendoException ? e : translate(response.request(), e));
            }
        });
        future.whenComplete((value, failure) -> {
            if (future.isCancelled()) {
                responses.cancel(true);
            }
        });
        return future;
    }

    @SuppressWarnings("unchecked")
    private <T> Converter<ResponseBody, T> converterFor(Request request) {
        Invocation invocation = request.tag(Invocation.class);
        if (invocation == null) {
            throw new PendoException("Not a Retrofit call of this stack: " + request.method() + " "
                    + request.url().encodedPath());
        }
        java.lang.reflect.Type bodyType =
                PendoCallAdapters.bodyType(invocation.method().getGenericReturnType());
        return (Converter<ResponseBody, T>)
                retrofit.responseBodyConverter(bodyType, invocation.method().getAnnotations());
    }

    /** What Retrofit does with a response: the converted body of a success, else a typed exception. */
    private <T> T convert(Response response, Converter<ResponseBody, T> converter) throws IOException {
        if (!response.isSuccessful()) {
            throw errors.fromResponse(response);
        }
        int code = response.code();
        if (code == 204 || code == 205) {
            if (RequestTags.expectsBody(response.request())) {
                throw errors.unreadable(response.request(), new JsonBodyConverters.EmptyBodyException());
            }
            return null;
        }
        return converter.convert(response.body());
    }

    private <T> T bodyOf(retrofit2.Response<T> response) {
        if (response.isSuccessful()) {
            T body = response.body();
            if (body == null
                    && (response.code() == 204 || response.code() == 205)
                    && RequestTags.expectsBody(response.raw().request())) {
                throw errors.unreadable(response.raw().request(), new JsonBodyConverters.EmptyBodyException());
            }
            return body;
        }
        try (Response raw = rawErrorResponse(response)) {
            throw errors.fromResponse(raw);
        }
    }

    private static Response rawErrorResponse(retrofit2.Response<?> response) {
        return response.raw().newBuilder().body(response.errorBody()).build();
    }

    /**
     * Marks a plain request as safe to send twice (a read sent as {@code POST}, a write that sets values), so that it
     * is retried after any transient failure. Retrofit methods use {@link io.github.pendoclient.api.Idempotent}.
     *
     * @param request the request
     * @return a copy marked idempotent
     */
    public static Request idempotent(Request request) {
        return request.newBuilder()
                .tag(RequestTags.Repeatable.class, RequestTags.Repeatable.YES)
                .build();
    }

    /**
     * Names the endpoint of a plain request for the event listener, which never sees the request's own path (it may
     * hold ids). Retrofit calls carry their method's template and need no name.
     *
     * @param request the request
     * @param template the path template, relative to the base URL like a Retrofit annotation (for example
     *     {@code api/v1/aggregation}) or from the host's root when it starts with {@code /}
     * @return a copy carrying the template
     */
    public static Request withEndpointTemplate(Request request, String template) {
        return request.newBuilder()
                .tag(RequestTags.EndpointTemplate.class, new RequestTags.EndpointTemplate(template))
                .build();
    }

    /**
     * How many attempts a response of this stack took, retries included.
     *
     * @param response a response returned by this stack
     * @return the attempts, at least 1
     */
    public static int attemptsOf(Response response) {
        return RequestTags.attempts(response.request());
    }

    /**
     * Runs a plain OkHttp request with a buffered body; the caller closes the response.
     *
     * @param request a request relative to {@link #baseUrl()} or absolute
     * @return a successful response
     * @throws PendoException typed by what went wrong
     */
    public Response execute(Request request) {
        return run(request, false);
    }

    /**
     * Runs a long-running request whose body the caller reads as a stream (aggregations): nothing is buffered,
     * the streaming timeouts apply, and retries cover everything up to the response headers. The caller must close
     * the response; an I/O failure while reading the body is the caller's to report.
     *
     * @param request the request
     * @return a successful response with an unread body
     * @throws PendoException typed by what went wrong before the body
     */
    public Response executeStreaming(Request request) {
        return run(
                request.newBuilder()
                        .tag(RequestTags.StreamingMark.class, RequestTags.StreamingMark.INSTANCE)
                        .build(),
                true);
    }

    /**
     * {@link #execute(Request)} without blocking: each retry waits on the timer, holding no thread.
     *
     * @param request a request relative to {@link #baseUrl()} or absolute
     * @return a future of a successful response, which the caller closes, or failed with a {@link PendoException}
     */
    public CompletableFuture<Response> executeAsync(Request request) {
        return runAsync(request);
    }

    /**
     * {@link #executeStreaming(Request)} without blocking: the future completes once the response headers arrive;
     * retries cover everything up to them and wait on the timer, holding no thread.
     *
     * @param request the request
     * @return a future of a successful response with an unread body, which the caller closes
     */
    public CompletableFuture<Response> executeStreamingAsync(Request request) {
        return runAsync(request.newBuilder()
                .tag(RequestTags.StreamingMark.class, RequestTags.StreamingMark.INSTANCE)
                .build());
    }

    private CompletableFuture<Response> runAsync(Request request) {
        CompletableFuture<Response> responses = engine.runAsync(calls, request);
        CompletableFuture<Response> future = new CompletableFuture<>();
        responses.whenComplete((response, failure) -> {
            if (failure != null) {
                future.completeExceptionally(translate(request, failure));
            } else if (!response.isSuccessful()) {
                try (response) {
                    future.completeExceptionally(errors.fromResponse(response));
                } catch (RuntimeException e) {
                    future.completeExceptionally(translate(request, e));
                }
            } else if (!future.complete(response)) {
                response.close();
            }
        });
        future.whenComplete((value, failure) -> {
            if (future.isCancelled()) {
                responses.cancel(true);
            }
        });
        return future;
    }

    private Response run(Request request, boolean streaming) {
        Call call = calls.newCall(request);
        if (streaming) {
            call.timeout().timeout(options.timeouts().streamingCall().toMillis(), TimeUnit.MILLISECONDS);
        }
        Response response;
        try {
            response = call.execute();
        } catch (IOException e) {
            throw errors.fromIoFailure(request, e);
        }
        if (!response.isSuccessful()) {
            try (response) {
                throw errors.fromResponse(response);
            }
        }
        return response;
    }

    /**
     * Translates a failure while reading a response into a typed exception: malformed or truncated JSON becomes
     * {@link io.github.pendoclient.error.UnreadableResponseException}, other I/O failures
     * {@link io.github.pendoclient.error.PendoNetworkException}.
     *
     * @param request the request whose response failed
     * @param failure the failure
     * @return the typed exception
     */
    public PendoException translate(Request request, Throwable failure) {
        if (failure instanceof PendoException pendo) {
            return pendo;
        }
        if (failure instanceof AttemptsExhaustedException exhausted) {
            return errors.fromIoFailure(request, exhausted);
        }
        if (failure instanceof JsonDataException
                || failure instanceof JsonEncodingException
                || failure instanceof EOFException
                || failure instanceof JsonBodyConverters.EmptyBodyException) {
            return errors.unreadable(request, failure);
        }
        if (failure instanceof IOException io) {
            return errors.fromIoFailure(request, io);
        }
        return new PendoException(
                "Unexpected failure of " + request.method() + " "
                        + request.url().encodedPath() + ": " + failure,
                failure);
    }

    /**
     * Releases the connection pool and dispatcher threads, unless the caller supplied the {@link OkHttpClient}, in
     * which case they stay the caller's to manage. Idempotent.
     */
    @Override
    public void close() {
        if (ownsOkHttp) {
            okHttp.dispatcher().executorService().shutdown();
            okHttp.connectionPool().evictAll();
        }
    }
}
