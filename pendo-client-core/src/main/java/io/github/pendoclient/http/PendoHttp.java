package io.github.pendoclient.http;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.internal.json.PendoJson;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import retrofit2.Callback;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The HTTP stack every pendo-client module shares: one {@link OkHttpClient} with the credential and
 * {@code User-Agent} headers, a per-endpoint rate limit, Failsafe retries with backoff and {@code Retry-After},
 * redacted SLF4J logging; one {@link Moshi}; one {@link Retrofit}. Failures come out as the typed exceptions of
 * {@code io.github.pendoclient.error}.
 *
 * <p>Application code normally uses {@code PendoClient} and never sees this type; it is public so that the
 * aggregation and track modules, and users' own Retrofit interfaces, run on the same stack. Thread-safe.
 */
public final class PendoHttp implements AutoCloseable {

    private final HttpOptions options;
    private final OkHttpClient okHttp;
    private final boolean ownsOkHttp;
    private final Retrofit retrofit;
    private final ErrorMapper errors;
    private final StatsRecorder stats;

    private PendoHttp(HttpOptions options, Credential credential, String credentialName) {
        this.options = options;
        this.stats = new StatsRecorder();
        Redactor redactor = new Redactor(credential);
        EndpointRateLimiter limiter = new EndpointRateLimiter(options.rateLimit(), options.timeSource(), stats);
        RetryInterceptor retry = new RetryInterceptor(options.retry(), options.timeSource(), limiter, stats,
                redactor);
        this.errors = new ErrorMapper(redactor, credentialName, options.hostDescription(), retry);
        this.ownsOkHttp = options.okHttpClient() == null;
        OkHttpClient.Builder builder = ownsOkHttp ? new OkHttpClient.Builder() : options.okHttpClient().newBuilder();
        builder.connectTimeout(options.connectTimeout())
                .readTimeout(options.readTimeout())
                .writeTimeout(options.writeTimeout())
                .callTimeout(options.callTimeout())
                .retryOnConnectionFailure(false)
                .addInterceptor(retry)
                .addInterceptor(new RateLimitInterceptor(limiter))
                .addInterceptor(new HeaderInterceptor(credential, options.userAgent()))
                .addInterceptor(streamingReadTimeout(options.streamingReadTimeout()))
                .addInterceptor(new LoggingInterceptor(redactor));
        this.okHttp = builder.build();
        this.retrofit = new Retrofit.Builder()
                .baseUrl(options.baseUrl())
                .client(okHttp)
                .addConverterFactory(new JsonBodyConverters(PendoJson.moshi()))
                .addConverterFactory(MoshiConverterFactory.create(PendoJson.moshi()))
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
     * @return {@link PendoJson#moshi()}
     */
    public Moshi moshi() {
        return PendoJson.moshi();
    }

    /**
     * Creates an implementation of a Retrofit interface on this stack: its calls get the credential, retries, the
     * rate limit and logging. Execute its calls with {@link #execute(retrofit2.Call)} to get typed exceptions.
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
     * @return the body; null only for empty bodies of {@code Void} or nullable calls
     * @throws PendoException typed by what went wrong
     */
    public <T> T execute(retrofit2.Call<T> call) {
        retrofit2.Response<T> response;
        try {
            response = call.execute();
        } catch (IOException | JsonDataException e) {
            throw translate(call.request(), e);
        }
        return bodyOf(response);
    }

    /**
     * Runs a Retrofit call on OkHttp's dispatcher. Cancelling the future cancels the call.
     *
     * @param call the call
     * @param <T> the body type
     * @return a future completed with the body, or with a {@link PendoException}
     */
    public <T> CompletableFuture<T> executeAsync(retrofit2.Call<T> call) {
        CompletableFuture<T> future = new CompletableFuture<>();
        future.whenComplete((value, failure) -> {
            if (future.isCancelled()) {
                call.cancel();
            }
        });
        call.enqueue(new Callback<>() {
            @Override
            public void onResponse(retrofit2.Call<T> done, retrofit2.Response<T> response) {
                try {
                    future.complete(bodyOf(response));
                } catch (RuntimeException e) {
                    future.completeExceptionally(e);
                }
            }

            @Override
            public void onFailure(retrofit2.Call<T> done, Throwable failure) {
                future.completeExceptionally(failure instanceof IOException || failure instanceof JsonDataException
                        ? translate(done.request(), failure) : failure);
            }
        });
        return future;
    }

    private <T> T bodyOf(retrofit2.Response<T> response) {
        if (response.isSuccessful()) {
            return response.body();
        }
        try (Response raw = rawErrorResponse(response)) {
            throw errors.fromResponse(raw);
        }
    }

    private static Response rawErrorResponse(retrofit2.Response<?> response) {
        return response.raw().newBuilder().body(response.errorBody()).build();
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
        return run(request.newBuilder().tag(RequestTags.StreamingMark.class, RequestTags.StreamingMark.INSTANCE)
                .build(), true);
    }

    private Response run(Request request, boolean streaming) {
        Call call = okHttp.newCall(request);
        if (streaming) {
            call.timeout().timeout(options.streamingCallTimeout().toMillis(), TimeUnit.MILLISECONDS);
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
        if (failure instanceof JsonDataException || failure instanceof JsonEncodingException
                || failure instanceof EOFException) {
            return ErrorMapper.unreadable(request, failure);
        }
        if (failure instanceof IOException io) {
            return errors.fromIoFailure(request, io);
        }
        return new PendoException("Unexpected failure of " + request.method() + " " + request.url().encodedPath()
                + ": " + failure, failure);
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
