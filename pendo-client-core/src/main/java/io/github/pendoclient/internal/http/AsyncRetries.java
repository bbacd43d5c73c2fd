package io.github.pendoclient.internal.http;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import dev.failsafe.spi.Scheduler;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.http.TimeSource;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Runs a request asynchronously with Failsafe's async execution: each attempt is one OkHttp call on the dispatcher,
 * and every wait (backoff, {@code Retry-After}, the rate limit) is a task on the {@link TimeSource}'s timer, so no
 * thread and no dispatcher slot is held while a call waits. The decisions (what is retried, how long to wait,
 * writes that may not be repeated) are the {@link RetryInterceptor}'s, so synchronous and asynchronous calls behave
 * alike.
 */
final class AsyncRetries {

    private final Call.Factory calls;
    private final RetryInterceptor rules;
    private final EndpointRateLimiter limiter;
    private final TimeSource time;
    private final Scheduler scheduler;
    private final Duration streamingCallTimeout;

    AsyncRetries(
            Call.Factory calls,
            RetryInterceptor rules,
            EndpointRateLimiter limiter,
            TimeSource time,
            Duration streamingCallTimeout) {
        this.calls = calls;
        this.streamingCallTimeout = streamingCallTimeout;
        this.rules = rules;
        this.limiter = limiter;
        this.time = time;
        this.scheduler = (task, delay, unit) -> time.schedule(task, Duration.ofNanos(unit.toNanos(delay)));
    }

    /**
     * Runs the request until it succeeds, fails for good, or the budget is spent.
     *
     * @return a future of the last response (its body read, tagged with the attempt count), or failed with the last
     *     I/O failure wrapped in {@link AttemptsExhaustedException} or an {@link OutcomeUnknownIoException};
     *     cancelling it cancels the call in flight and any scheduled retry
     */
    CompletableFuture<Response> run(Request request) {
        Request attemptRequest = request.newBuilder()
                .tag(RequestTags.SingleAttempt.class, RequestTags.SingleAttempt.INSTANCE)
                .build();
        RetryOptions config = rules.config();
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<Call> inFlight = new AtomicReference<>();
        RetryPolicy<Response> policy = RetryPolicy.<Response>builder()
                .handleIf(rules::retryable)
                .withMaxAttempts(config.maxAttempts())
                .withMaxDuration(config.maxElapsed())
                .withDelayFn(context -> rules.delayBefore(context.getAttemptCount() + 1, context.getLastResult()))
                .onRetryScheduled(event -> {
                    rules.beforeRetry(
                            request,
                            event.getLastResult(),
                            event.getLastException(),
                            event.getDelay(),
                            event.getAttemptCount() + 1);
                    if (event.getLastResult() != null) {
                        event.getLastResult().close();
                    }
                })
                .build();
        CompletableFuture<Response> result =
                Failsafe.with(policy).with(scheduler).getStageAsync(() -> attempt(attemptRequest, attempts, inFlight));
        CompletableFuture<Response> tagged = new CompletableFuture<>();
        result.whenComplete((response, failure) -> {
            if (failure != null) {
                Throwable cause =
                        failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                                ? failure.getCause()
                                : failure;
                tagged.completeExceptionally(
                        cause instanceof IOException io
                                        && !(cause instanceof OutcomeUnknownIoException)
                                        && !(cause instanceof AttemptsExhaustedException)
                                ? new AttemptsExhaustedException(attempts.get(), io)
                                : cause);
            } else {
                tagged.complete(RetryInterceptor.tagged(response, attempts.get()));
            }
        });
        tagged.whenComplete((response, failure) -> {
            if (tagged.isCancelled()) {
                result.cancel(true);
                Call call = inFlight.get();
                if (call != null) {
                    call.cancel();
                }
            }
        });
        return tagged;
    }

    /**
     * One attempt, its rate-limit wait on the timer; a 429 with {@code Retry-After} pauses the endpoint for every
     * caller. The caller decides about retrying.
     *
     * @return a future of the response (body read) or the I/O failure, as {@link #run} reports them
     */
    CompletableFuture<Response> once(Request request) {
        Request attemptRequest = request.newBuilder()
                .tag(RequestTags.SingleAttempt.class, RequestTags.SingleAttempt.INSTANCE)
                .build();
        AtomicReference<Call> inFlight = new AtomicReference<>();
        CompletableFuture<Response> outcome = attempt(attemptRequest, new AtomicInteger(), inFlight)
                .thenApply(response -> {
                    Duration retryAfter = response.code() == 429 ? rules.retryAfter(response) : null;
                    if (retryAfter != null) {
                        limiter.pause(
                                RequestTags.endpoint(request),
                                retryAfter.compareTo(rules.config().maxRetryAfter()) > 0
                                        ? rules.config().maxRetryAfter()
                                        : retryAfter);
                    }
                    return response;
                });
        CompletableFuture<Response> result = new CompletableFuture<>();
        outcome.whenComplete((response, failure) -> {
            if (failure != null) {
                Throwable cause =
                        failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                                ? failure.getCause()
                                : failure;
                result.completeExceptionally(cause);
            } else {
                result.complete(response);
            }
        });
        result.whenComplete((response, failure) -> {
            if (result.isCancelled() && inFlight.get() != null) {
                inFlight.get().cancel();
            }
        });
        return result;
    }

    private CompletableFuture<Response> attempt(
            Request request, AtomicInteger attempts, AtomicReference<Call> inFlight) {
        CompletableFuture<Response> outcome = new CompletableFuture<>();
        Duration wait = limiter.reserve(RequestTags.endpoint(request));
        Runnable send = () -> {
            attempts.incrementAndGet();
            Call call = calls.newCall(request);
            if (request.tag(RequestTags.StreamingMark.class) != null) {
                call.timeout().timeout(streamingCallTimeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            inFlight.set(call);
            call.enqueue(new Callback() {
                @Override
                public void onResponse(Call done, Response response) {
                    outcome.complete(response);
                }

                @Override
                public void onFailure(Call done, IOException failure) {
                    outcome.completeExceptionally(failure);
                }
            });
        };
        if (wait.isZero()) {
            send.run();
        } else {
            time.schedule(
                    () -> {
                        send.run();
                        return null;
                    },
                    wait);
        }
        return outcome;
    }
}
