package io.github.pendoclient.internal.http;

import io.github.pendoclient.error.PendoException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Request;
import okhttp3.Response;

/**
 * A call of the stack's retry engine whose attempts the caller starts one at a time, for callers that schedule
 * their own retries (the track sender keeps an event's turn in its queue while it waits). The engine judges every
 * attempt as it judges its own retries, pauses the endpoint on a 429 with {@code Retry-After}, and reports the call
 * to the client's event listener. Get one from {@link PendoHttp#stepwise}; the request is built once and sent as it
 * is by every attempt. Attempts must not overlap.
 */
public final class StepwiseCall {

    private final RetryEngine engine;
    private final Call.Factory calls;
    private final CallRun run;
    private final PendoHttp http;
    private volatile CallRun.Verdict last;

    StepwiseCall(RetryEngine engine, Call.Factory calls, Request request, int maxAttempts, PendoHttp http) {
        this.engine = engine;
        this.calls = calls;
        this.http = http;
        this.run = new CallRun(engine, request, maxAttempts, null, true);
    }

    /**
     * Sends the next attempt without blocking; its rate-limit wait is a timer task. The first attempt starts the call
     * for the event listener.
     *
     * @return a future that completes when Pendo accepted the request, or exceptionally with the typed
     *     {@link PendoException} of this attempt; cancelling it cancels the request in flight
     */
    public CompletableFuture<Void> attempt() {
        if (!run.started()) {
            run.start();
        }
        RetryEngine.Pending pending = new RetryEngine.Pending();
        CompletableFuture<Void> result = new CompletableFuture<>();
        result.whenComplete((ignored, failure) -> {
            if (result.isCancelled()) {
                pending.cancel();
            }
        });
        engine.attemptAsync(calls, run, pending).whenComplete((response, failure) -> {
            CallRun.Verdict verdict;
            try {
                verdict = run.judge(response, failure == null ? null : asIo(failure), result.isDone());
            } catch (RuntimeException e) {
                CallRun.closeQuietly(response);
                run.finish(null, e);
                result.completeExceptionally(e);
                return;
            }
            last = verdict;
            Response answer = verdict.response();
            if (verdict.failure() != null) {
                result.completeExceptionally(http.translate(run.request(), verdict.failure()));
            } else if (answer.isSuccessful()) {
                answer.close();
                result.complete(null);
            } else {
                try (answer) {
                    result.completeExceptionally(engine.errors.fromResponse(answer));
                } catch (RuntimeException e) {
                    result.completeExceptionally(http.translate(run.request(), e));
                }
            }
        });
        return result;
    }

    private static java.io.IOException asIo(Throwable failure) {
        return failure instanceof java.io.IOException io
                ? io
                : new java.io.IOException("The attempt failed: " + failure, failure);
    }

    /**
     * After an attempt failed: how long to wait before the next one ({@code Retry-After} or backoff), or empty when
     * the call is over (a permanent failure, an unknown outcome, or no attempt left).
     *
     * @return the wait, or empty
     */
    public Optional<Duration> nextDelay() {
        CallRun.Verdict verdict = last;
        return verdict == null ? Optional.empty() : Optional.ofNullable(verdict.retryIn());
    }

    /**
     * Whether the last attempt failed in a way that another attempt could fix, whether or not one is left.
     *
     * @return true for a transient failure
     */
    public boolean lastFailureTransient() {
        return run.lastTransient();
    }

    /**
     * How many attempts were sent.
     *
     * @return the attempts so far
     */
    public int attempts() {
        return run.attempts();
    }

    /**
     * Ends a call the caller gives up on before the engine ended it (a sender closing), so that the event listener
     * hears of its end once; does nothing when the call already ended.
     *
     * @param failure what the caller reports the call failed with, or null to report a cancellation
     */
    public void abandon(Throwable failure) {
        run.finish(null, failure == null ? new CancellationException() : failure);
    }
}
