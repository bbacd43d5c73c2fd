package io.github.pendoclient.internal.http;

import dev.failsafe.Execution;
import io.github.pendoclient.event.Endpoint;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of the {@link RetryEngine}, from its first attempt to its end: the attempt count, the Failsafe
 * {@link Execution} that applies the {@link RetryRules}, the retry budget, and the call's events. Every entry point
 * of the engine judges each attempt here, so they decide alike. Attempts follow one another, never overlap; the
 * caller publishes each attempt's outcome to the thread that judges it.
 */
final class CallRun {

    private static final Logger LOG = LoggerFactory.getLogger(PendoHttp.class);

    /**
     * What follows an attempt: another one after {@code retryIn}, or the end of the call with a response or a failure.
     * A retry still carries the attempt's response (tagged, body read) or failure; the driver closes the response.
     */
    record Verdict(Response response, IOException failure, Duration retryIn) {
        boolean retry() {
            return retryIn != null;
        }
    }

    private final RetryEngine engine;
    private final Request request;
    private final Endpoint endpoint;
    private final boolean idempotent;
    private final int maxAttempts;
    private final Execution<Response> execution;
    /** The longest a call may take with its waits, or null for none (stepwise calls keep their own limits). */
    private final Duration budget;
    /** Driven one attempt at a time by its caller: responses are tagged as one attempt, as the caller counts. */
    private final boolean stepwise;

    private volatile long startNanos;
    private volatile boolean started;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile int attempts;
    private volatile long attemptStartNanos;
    private volatile int lastStatus;
    private volatile boolean lastTransient;

    CallRun(RetryEngine engine, Request request, int maxAttempts, Duration budget, boolean stepwise) {
        this.engine = engine;
        this.request = request;
        // Only a listener needs the template; without one no call pays for reading the method's annotations.
        this.endpoint = engine.events.enabled() ? engine.events.endpoint(request) : null;
        this.idempotent = RequestTags.isIdempotent(request);
        this.maxAttempts = maxAttempts;
        this.execution = Execution.of(engine.rules.policy(maxAttempts));
        this.budget = budget;
        this.stepwise = stepwise;
    }

    /** Starts the call's clock and reports its start; before the first attempt and its rate-limit wait. */
    CallRun start() {
        startNanos = engine.time.nanoTime();
        started = true;
        engine.events.callStarted(endpoint);
        return this;
    }

    boolean started() {
        return started;
    }

    Request request() {
        return request;
    }

    int attempts() {
        return attempts;
    }

    /** Whether the last attempt failed transiently, whatever the attempts left (the track sender's spool rule). */
    boolean lastTransient() {
        return lastTransient;
    }

    /** Reports a rate-limit wait before the next attempt. */
    void rateLimitWaited(Duration waited) {
        engine.events.rateLimitWaited(endpoint, waited);
    }

    /** Counts an attempt about to go out. */
    void attemptStarting() {
        attempts++;
        attemptStartNanos = engine.time.nanoTime();
    }

    /**
     * Judges an attempt's outcome.
     *
     * @param response the response (body read unless streamed), or null
     * @param failure the I/O failure, or null
     * @param cancelled whether the call was cancelled meanwhile
     * @return a retry, or the end of the call
     */
    Verdict judge(Response response, IOException failure, boolean cancelled) {
        int attempt = attempts;
        lastStatus = response == null ? 0 : response.code();
        engine.events.attemptEnded(
                endpoint, attempt, lastStatus, Duration.ofNanos(engine.time.nanoTime() - attemptStartNanos));
        lastTransient = false;
        int shown = stepwise ? 1 : attempt;
        if (cancelled) {
            closeQuietly(response);
            return end(
                    null,
                    new AttemptsExhaustedException(
                            shown, failure != null ? failure : new InterruptedIOException("Canceled")));
        }
        if (!idempotent && RetryRules.answerLost(response, failure)) {
            return end(
                    null,
                    new OutcomeUnknownIoException(
                            shown,
                            response == null ? null : RetryEngine.tagged(response, request, shown),
                            failure,
                            RequestTags.outcomeCheck(request)));
        }
        if (stepwise && response != null && response.code() == 429) {
            // One attempt at a time: the endpoint pauses for every caller whether or not this one tries again.
            Duration retryAfter = engine.rules.retryAfter(response);
            if (retryAfter != null) {
                engine.limiter.pause(RequestTags.endpoint(request), engine.rules.capped(retryAfter));
            }
        }
        Response tagged = response == null ? null : RetryEngine.tagged(response, request, shown);
        if (response != null && engine.rules.waitsTooLong(response)) {
            return end(tagged, null);
        }
        execution.record(response, failure);
        lastTransient = engine.rules.retryable(response, failure);
        if (!execution.isComplete()) {
            Duration delay = execution.getDelay();
            Duration elapsed = Duration.ofNanos(engine.time.nanoTime() - startNanos);
            if (budget == null || elapsed.plus(delay).compareTo(budget) <= 0) {
                beforeRetry(response, failure, delay, attempt);
                return new Verdict(tagged, failure, delay);
            }
            LOG.warn(
                    "Not retrying {} {} after {}: the retry budget of {} s would be exceeded",
                    request.method(),
                    request.url().encodedPath(),
                    engine.rules.describe(response, failure),
                    budget.toSeconds());
        }
        if (failure != null) {
            return end(null, new AttemptsExhaustedException(shown, failure));
        }
        return end(tagged, null);
    }

    /** Logs a retry about to be scheduled, and pauses the endpoint when the server sent {@code Retry-After}. */
    private void beforeRetry(Response response, IOException failure, Duration delay, int failedAttempt) {
        engine.events.retryScheduled(endpoint, failedAttempt, RetryRules.reason(response, failure), delay);
        if (stepwise) {
            return; // the caller schedules, counts and reports its own retries
        }
        if (response != null && response.code() == 429 && engine.rules.retryAfter(response) != null) {
            engine.limiter.pause(RequestTags.endpoint(request), delay);
        }
        LOG.warn(
                "Retrying {} {} in {} ms after {} (attempt {} of {})",
                request.method(),
                request.url().encodedPath(),
                delay.toMillis(),
                engine.rules.describe(response, failure),
                failedAttempt + 1,
                maxAttempts);
        engine.stats.retry();
    }

    private Verdict end(Response response, IOException failure) {
        finish(response, failure);
        return new Verdict(response, failure, null);
    }

    /**
     * Reports the end of the call, once: the first end counts, later ones (a cancelled attempt's callback, a caller
     * giving up on a call the engine already ended) are ignored, and so is the end of a call that never started.
     *
     * @param response the last response, or null
     * @param failure what the call failed with, or null when it ended with {@code response}
     */
    void finish(Response response, Throwable failure) {
        if (!started || !ended.compareAndSet(false, true) || !engine.events.enabled()) {
            return;
        }
        String errorType = failure == null && response != null && response.isSuccessful()
                ? "none"
                : engine.errors.errorType(request, response, failure);
        engine.events.callEnded(
                endpoint, attempts, lastStatus, Duration.ofNanos(engine.time.nanoTime() - startNanos), errorType);
    }

    static void closeQuietly(Response response) {
        if (response != null) {
            response.close();
        }
    }
}
