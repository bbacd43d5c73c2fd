package io.github.pendoclient.internal.http;

import dev.failsafe.RetryPolicy;
import io.github.pendoclient.event.RetryReason;
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
import okhttp3.Response;

/**
 * The retry decisions of the {@link RetryEngine}, made from an attempt's raw outcome (a response or an I/O failure):
 * what is worth another attempt, how long to wait ({@code Retry-After} or exponential backoff with jitter), which
 * lost answers forbid sending a write again, and why a retry happens. Every entry point of the engine (synchronous,
 * asynchronous, one attempt at a time) asks these rules, through one Failsafe {@link RetryPolicy}.
 */
final class RetryRules {

    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    private final RetryOptions config;
    private final TimeSource time;
    private final Redactor redactor;

    RetryRules(RetryOptions config, TimeSource time, Redactor redactor) {
        this.config = config;
        this.time = time;
        this.redactor = redactor;
    }

    RetryOptions config() {
        return config;
    }

    /**
     * The Failsafe policy of a call that may make {@code maxAttempts} attempts: these rules decide what is retried
     * and how long to wait.
     */
    RetryPolicy<Response> policy(int maxAttempts) {
        return RetryPolicy.<Response>builder()
                .handleIf(this::retryable)
                .withMaxAttempts(maxAttempts)
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

    /** Why an attempt that ended this way is sent again, for the event listener. */
    static RetryReason reason(Response response, IOException failure) {
        if (response != null) {
            if (response.code() == 429) {
                return RetryReason.RATE_LIMITED;
            }
            return response.code() == 408 ? RetryReason.TIMEOUT : RetryReason.SERVER_ERROR;
        }
        return failure instanceof SocketTimeoutException ? RetryReason.TIMEOUT : RetryReason.NETWORK;
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

    /** An attempt's outcome for the log, without secrets. */
    String describe(Response response, IOException failure) {
        if (failure != null) {
            return failure.getClass().getSimpleName() + ": " + redactor.redact(failure.getMessage());
        }
        return "HTTP " + response.code();
    }

    private static boolean isRetryable(IOException failure) {
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
            // Longer hints end the call (waitsTooLong) unless the configuration says to wait the cap.
            return capped(retryAfter);
        }
        int exponent = Math.min(Math.max(nextAttempt - 2, 0), 30);
        long baseNanos = config.initialBackoff().toNanos();
        long capNanos = config.maxBackoff().toNanos();
        long backoff = baseNanos > (capNanos >> exponent) ? capNanos : Math.min(capNanos, baseNanos << exponent);
        double jitter = config.jitter() * ThreadLocalRandom.current().nextDouble();
        return Duration.ofNanos((long) (backoff * (1 - jitter)));
    }

    /** A server's wait, at most the configured cap. */
    Duration capped(Duration retryAfter) {
        return retryAfter.compareTo(config.maxRetryAfter()) > 0 ? config.maxRetryAfter() : retryAfter;
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
}
