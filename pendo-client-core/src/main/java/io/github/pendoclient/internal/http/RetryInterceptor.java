package io.github.pendoclient.internal.http;

import dev.failsafe.Execution;
import dev.failsafe.RetryPolicy;
import io.github.pendoclient.error.PendoApiException;
import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.error.PendoNetworkException;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.http.TimeSource;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one retry loop of the SDK: a Failsafe {@link RetryPolicy} decides what is retried and how long to wait, and
 * this interceptor runs the attempts with a Failsafe standalone {@link Execution}, sleeping through the injectable
 * {@link TimeSource}. Bodies of ordinary responses are read inside the attempt, so a connection reset in the middle
 * of a body is retried too; streamed responses are handed over unread.
 *
 * <p>A request that may not be repeated ({@link RequestTags#isIdempotent}) is retried only when the failure shows it
 * was not processed (a refused connection or a 429, {@link #answerLost}); any other lost answer, a 503 with
 * {@code Retry-After} included, ends the call with {@link OutcomeUnknownIoException}. A {@code Retry-After} above the cap ends the call at once unless the
 * configuration says to wait the cap. Stale pooled connections never reach this loop: OkHttp retries idempotent
 * requests on a fresh connection itself, and a request that may not be repeated never uses a pooled connection
 * ({@link PendoHttp} sends it on a new one).
 */
final class RetryInterceptor implements Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(PendoHttp.class);
    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    private final RetryOptions config;
    private final TimeSource time;
    private final EndpointRateLimiter limiter;
    private final StatsRecorder stats;
    private final Redactor redactor;
    private final RetryPolicy<Response> policy;

    RetryInterceptor(
            RetryOptions config, TimeSource time, EndpointRateLimiter limiter, StatsRecorder stats, Redactor redactor) {
        this.config = config;
        this.time = time;
        this.limiter = limiter;
        this.stats = stats;
        this.redactor = redactor;
        this.policy = RetryPolicy.<Response>builder()
                .handleIf(this::retryable)
                .withMaxAttempts(config.maxAttempts())
                .withDelayFn(context -> delayBefore(context.getAttemptCount() + 1, context.getLastResult()))
                .build();
    }

    /** Whether an attempt's outcome is worth another attempt (idempotency is checked before this). */
    boolean retryable(Response response, Throwable failure) {
        if (failure != null) {
            return failure instanceof IOException io
                    && !(io instanceof OutcomeUnknownIoException)
                    && !(io instanceof ContentDecodingInterceptor.UndecodableBodyException)
                    && isRetryable(io);
        }
        return response != null && RETRYABLE_STATUSES.contains(response.code()) && !waitsTooLong(response);
    }

    /** The retry decision of {@link PendoHttp#retryDelay}, made from a mapped failure. */
    java.util.Optional<Duration> retryDelay(PendoException failure, int attemptsSoFar) {
        Duration retryAfter = null;
        if (failure instanceof PendoApiException api) {
            if (!RETRYABLE_STATUSES.contains(api.statusCode())) {
                return java.util.Optional.empty();
            }
            retryAfter = api.error().retryAfter();
            if (retryAfter != null
                    && retryAfter.compareTo(config.maxRetryAfter()) > 0
                    && config.longRetryAfter() == RetryOptions.LongRetryAfter.FAIL_FAST
                    && (api.statusCode() == 429 || api.statusCode() == 503)) {
                return java.util.Optional.empty();
            }
        } else if (!(failure instanceof PendoNetworkException network
                && network.getCause() instanceof IOException io
                && isRetryable(io))) {
            return java.util.Optional.empty();
        }
        if (retryAfter != null) {
            return java.util.Optional.of(
                    retryAfter.compareTo(config.maxRetryAfter()) > 0 ? config.maxRetryAfter() : retryAfter);
        }
        return java.util.Optional.of(delayBefore(attemptsSoFar + 1, null));
    }

    RetryOptions config() {
        return config;
    }

    /** Logs a retry about to be scheduled, and pauses the endpoint when the server sent {@code Retry-After}. */
    void beforeRetry(Request request, Response response, Throwable failure, Duration delay, int nextAttempt) {
        if (response != null && response.code() == 429 && retryAfter(response) != null) {
            limiter.pause(RequestTags.endpoint(request), delay);
        }
        LOG.warn(
                "Retrying {} {} in {} ms after {} (attempt {} of {})",
                request.method(),
                request.url().encodedPath(),
                delay.toMillis(),
                describe(response, failure instanceof IOException io ? io : null),
                nextAttempt,
                config.maxAttempts());
        stats.retry();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        boolean single = request.tag(RequestTags.SingleAttempt.class) != null;
        boolean idempotent = RequestTags.isIdempotent(request);
        if (!idempotent && request.body() != null) {
            // A one-shot body stops OkHttp from silently sending the write again on a fresh connection.
            request = request.newBuilder()
                    .method(request.method(), new OneShotBody(request.body()))
                    .build();
        }
        boolean streaming = RequestTags.isStreaming(request);
        Execution<Response> execution = Execution.of(policy);
        long start = time.nanoTime();
        int attempt = 0;
        while (true) {
            attempt++;
            stats.attempt();
            Response response = null;
            IOException failure = null;
            try {
                response = chain.proceed(request);
                if (!streaming || !response.isSuccessful()) {
                    response.body().source().request(Long.MAX_VALUE);
                }
            } catch (ContentDecodingInterceptor.UndecodableBodyException e) {
                if (response != null && !response.isSuccessful()) {
                    // An error status stands on its own; only its body, which would go into the message, is lost.
                    response.close();
                    response = response.newBuilder()
                            .body(ResponseBody.create("", null))
                            .build();
                } else {
                    failure = e;
                    closeQuietly(response);
                    response = null;
                }
            } catch (IOException e) {
                failure = e;
                if (response != null) {
                    response.close();
                    response = null;
                }
            }
            if (response != null && response.code() == 429) {
                stats.rateLimitedResponse();
            }
            if (chain.call().isCanceled()) {
                closeQuietly(response);
                throw new AttemptsExhaustedException(
                        attempt, failure != null ? failure : new InterruptedIOException("Canceled"));
            }
            if (!idempotent && answerLost(response, failure)) {
                throw new OutcomeUnknownIoException(
                        attempt,
                        response == null ? null : tagged(response, request, attempt),
                        failure,
                        RequestTags.outcomeCheck(request));
            }
            if (response != null && waitsTooLong(response)) {
                return tagged(response, request, attempt);
            }
            if (single) {
                // The asynchronous path schedules the next attempt itself, on a timer.
                if (failure != null) {
                    throw failure;
                }
                return tagged(response, request, 1);
            }
            execution.record(response, failure);
            if (!execution.isComplete()) {
                Duration delay = execution.getDelay();
                Duration elapsed = Duration.ofNanos(time.nanoTime() - start);
                if (elapsed.plus(delay).compareTo(config.maxElapsed()) <= 0) {
                    beforeRetry(request, response, failure, delay, attempt + 1);
                    closeQuietly(response);
                    sleep(delay);
                    continue;
                }
                LOG.warn(
                        "Not retrying {} {} after {}: the retry budget of {} s would be exceeded",
                        request.method(),
                        request.url().encodedPath(),
                        describe(response, failure),
                        config.maxElapsed().toSeconds());
            }
            if (failure != null) {
                throw new AttemptsExhaustedException(attempt, failure);
            }
            return tagged(response, request, attempt);
        }
    }

    /**
     * The response as callers see it: attached to the request as the caller built it (the credential header is
     * added further down the chain, so it is not there), with the attempt count, and without the network-level
     * responses whose requests carry the credential.
     */
    static Response tagged(Response response, int attempt) {
        return tagged(response, response.request(), attempt);
    }

    static Response tagged(Response response, Request callerRequest, int attempt) {
        Request tagged = withoutSecretHeaders(callerRequest)
                .newBuilder()
                .tag(RequestTags.Attempts.class, new RequestTags.Attempts(attempt))
                .build();
        return response.newBuilder()
                .request(tagged)
                .networkResponse(null)
                .priorResponse(null)
                .cacheResponse(null)
                .build();
    }

    private static Request withoutSecretHeaders(Request request) {
        Request.Builder builder = request.newBuilder();
        for (String name : request.headers().names()) {
            if (Redactor.isSecretHeader(name)) {
                builder.removeHeader(name);
            }
        }
        return builder.build();
    }

    /** Whether the server asked for a longer wait than the client takes, and the client fails fast on that. */
    boolean waitsTooLong(Response response) {
        if (config.longRetryAfter() != RetryOptions.LongRetryAfter.FAIL_FAST
                || response.code() != 429 && response.code() != 503) {
            return false;
        }
        Duration retryAfter = retryAfter(response);
        return retryAfter != null && retryAfter.compareTo(config.maxRetryAfter()) > 0;
    }

    /**
     * The one rule for writes that may not be repeated: whether the server may have received and applied the request
     * although no answer says so. Only two outcomes prove it was not processed, so only they let the write be sent
     * again: a connection that was never made (refused, no route, unknown host) and a 429. A client error (4xx) says
     * it was refused. Anything else (a 408, any 5xx with or without {@code Retry-After}, a redirect that was not
     * followed, a reset, a timeout or a cut body after the request went out) leaves the outcome unknown.
     */
    static boolean answerLost(Response response, IOException failure) {
        if (failure instanceof ContentDecodingInterceptor.UndecodableBodyException) {
            // The answer arrived whole, status included; only its body could not be decoded.
            return false;
        }
        if (failure != null) {
            return !(failure instanceof ConnectException
                    || failure instanceof NoRouteToHostException
                    || failure instanceof UnknownHostException);
        }
        int code = response.code();
        if (code == 429) {
            return false;
        }
        return code == 408 || code >= 500 || RedirectInterceptor.isRedirect(code);
    }

    private String describe(Response response, IOException failure) {
        if (failure != null) {
            return failure.getClass().getSimpleName() + ": " + redactor.redact(failure.getMessage());
        }
        return "HTTP " + response.code();
    }

    private boolean isRetryable(IOException failure) {
        if (failure instanceof UnknownHostException || failure instanceof SSLException) {
            return false;
        }
        // A call timeout or a cancellation surfaces as a plain InterruptedIOException: the budget is spent.
        return !(failure instanceof InterruptedIOException) || failure instanceof SocketTimeoutException;
    }

    /** The wait before attempt {@code nextAttempt}: the server's Retry-After, else exponential backoff. */
    Duration delayBefore(int nextAttempt, Response lastResponse) {
        Duration retryAfter = lastResponse == null ? null : retryAfter(lastResponse);
        if (retryAfter != null) {
            // Longer hints end the call in intercept() unless the configuration says to wait the cap.
            return retryAfter.compareTo(config.maxRetryAfter()) > 0 ? config.maxRetryAfter() : retryAfter;
        }
        int exponent = Math.min(Math.max(nextAttempt - 2, 0), 30);
        long baseNanos = config.initialBackoff().toNanos();
        long capNanos = config.maxBackoff().toNanos();
        long backoff = baseNanos > (capNanos >> exponent) ? capNanos : Math.min(capNanos, baseNanos << exponent);
        double jitter = config.jitter() * ThreadLocalRandom.current().nextDouble();
        return Duration.ofNanos((long) (backoff * (1 - jitter)));
    }

    /** Parses {@code Retry-After} as delta seconds or as an HTTP date; null when absent or unreadable. */
    Duration retryAfter(Response response) {
        String value = response.header("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        try {
            double seconds = Double.parseDouble(trimmed);
            return seconds <= 0 ? Duration.ZERO : Duration.ofMillis((long) (seconds * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime date = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(time.now(), date.toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private void sleep(Duration delay) throws InterruptedIOException {
        try {
            time.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting to retry");
            interrupted.initCause(e);
            throw interrupted;
        }
    }

    private static void closeQuietly(Response response) {
        if (response != null) {
            response.close();
        }
    }
}
