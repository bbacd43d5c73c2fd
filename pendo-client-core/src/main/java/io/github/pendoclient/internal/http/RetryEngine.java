package io.github.pendoclient.internal.http;

import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.http.TimeSource;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The one retry engine of the SDK, with three entry points that judge every attempt alike ({@link CallRun} applies
 * the {@link RetryRules}) and report it to the event listener ({@link CallEvents}):
 *
 * <ul>
 *   <li>synchronous: as the first interceptor of the stack's OkHttp client it runs a call's attempts in the chain,
 *       sleeping through the injectable {@link TimeSource} for the rate limit and between attempts;
 *   <li>asynchronous ({@link #runAsync}): each attempt is one OkHttp call on the dispatcher, and every wait (the rate
 *       limit, backoff, {@code Retry-After}) is a task on the {@link TimeSource}'s timer, so no thread and no
 *       dispatcher slot is held while a call waits;
 *   <li>one attempt at a time ({@link StepwiseCall}): the caller (the track sender) starts each attempt and schedules
 *       the next itself after the wait the engine names.
 * </ul>
 *
 * <p>Bodies of ordinary responses are read inside the attempt, so a connection reset in the middle of a body is
 * retried too; streamed responses are handed over unread. A request that may not be repeated
 * ({@link RequestTags#isIdempotent}) is retried only when the failure shows it was not processed (a refused connection
 * or a 429, {@link RetryRules#answerLost}); any other lost answer, a 503 with {@code Retry-After} included, ends the
 * call with {@link OutcomeUnknownIoException}. A {@code Retry-After} above the cap ends the call at once unless the
 * configuration says to wait the cap. Stale pooled connections never reach this engine: OkHttp retries idempotent
 * requests on a fresh connection itself, and a request that may not be repeated never uses a pooled connection
 * ({@link PendoHttp} sends it on a new one).
 */
final class RetryEngine implements Interceptor {

    final RetryRules rules;
    final EndpointRateLimiter limiter;
    final StatsRecorder stats;
    final CallEvents events;
    final ErrorMapper errors;
    final TimeSource time;
    private final Duration streamingCallTimeout;

    RetryEngine(
            RetryRules rules,
            EndpointRateLimiter limiter,
            StatsRecorder stats,
            CallEvents events,
            ErrorMapper errors,
            TimeSource time,
            Duration streamingCallTimeout) {
        this.rules = rules;
        this.limiter = limiter;
        this.stats = stats;
        this.events = events;
        this.errors = errors;
        this.time = time;
        this.streamingCallTimeout = streamingCallTimeout;
    }

    /** The synchronous entry point, or one attempt of a call driven from outside the chain. */
    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (request.tag(RequestTags.SingleAttempt.class) != null) {
            return attempt(chain, request); // runAsync or a StepwiseCall judges it
        }
        RetryOptions config = rules.config();
        CallRun run = new CallRun(this, request, config.maxAttempts(), config.maxElapsed(), false).start();
        while (true) {
            try {
                run.rateLimitWaited(limiter.acquire(RequestTags.endpoint(request)));
            } catch (InterruptedIOException interrupted) {
                run.finish(null, interrupted);
                throw interrupted;
            }
            run.attemptStarting();
            Response response = null;
            IOException failure = null;
            try {
                response = attempt(chain, request);
            } catch (IOException e) {
                failure = e;
            }
            CallRun.Verdict verdict = run.judge(response, failure, chain.call().isCanceled());
            if (!verdict.retry()) {
                if (verdict.failure() != null) {
                    throw verdict.failure();
                }
                return verdict.response();
            }
            CallRun.closeQuietly(verdict.response());
            try {
                time.sleep(verdict.retryIn());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting to retry");
                interrupted.initCause(e);
                run.finish(null, interrupted);
                throw interrupted;
            }
        }
    }

    /**
     * One attempt through the rest of OkHttp's chain. A request that may not be repeated gets a one-shot body, which
     * stops OkHttp from silently sending the write again on a fresh connection.
     */
    private Response attempt(Chain chain, Request request) throws IOException {
        if (!RequestTags.isIdempotent(request) && request.body() != null) {
            request = request.newBuilder()
                    .method(request.method(), new OneShotBody(request.body()))
                    .build();
        }
        stats.attempt();
        Response response = null;
        try {
            response = chain.proceed(request);
            if (!RequestTags.isStreaming(request) || !response.isSuccessful()) {
                response.body().source().request(Long.MAX_VALUE);
            }
        } catch (ContentDecodingInterceptor.UndecodableBodyException e) {
            if (response == null || response.isSuccessful()) {
                CallRun.closeQuietly(response);
                throw e;
            }
            // An error status stands on its own; only its body, which would go into the message, is lost.
            response.close();
            response = response.newBuilder().body(ResponseBody.create("", null)).build();
        } catch (IOException e) {
            CallRun.closeQuietly(response);
            throw e;
        }
        if (response.code() == 429) {
            stats.rateLimitedResponse();
        }
        return response;
    }

    /**
     * The asynchronous entry point: runs the request until it succeeds, fails for good, or the budget is spent.
     *
     * @return a future of the last response (its body read unless streamed, tagged with the attempt count), or failed
     *     with the last I/O failure wrapped in {@link AttemptsExhaustedException} or an
     *     {@link OutcomeUnknownIoException}; cancelling it cancels the call in flight and any scheduled retry
     */
    CompletableFuture<Response> runAsync(Call.Factory calls, Request request) {
        RetryOptions config = rules.config();
        CallRun run = new CallRun(this, request, config.maxAttempts(), config.maxElapsed(), false).start();
        CompletableFuture<Response> result = new CompletableFuture<>();
        Pending pending = new Pending();
        result.whenComplete((response, failure) -> {
            if (result.isCancelled()) {
                pending.cancel();
                run.finish(null, new CancellationException());
            }
        });
        next(calls, run, result, pending);
        return result;
    }

    private void next(Call.Factory calls, CallRun run, CompletableFuture<Response> result, Pending pending) {
        attemptAsync(calls, run, pending).whenComplete((response, failure) -> {
            CallRun.Verdict verdict;
            try {
                verdict = run.judge(response, asIo(failure), result.isDone());
            } catch (RuntimeException e) {
                CallRun.closeQuietly(response);
                run.finish(null, e);
                result.completeExceptionally(e);
                return;
            }
            if (verdict.retry()) {
                CallRun.closeQuietly(verdict.response());
                pending.timer = time.schedule(
                        () -> {
                            next(calls, run, result, pending);
                            return null;
                        },
                        verdict.retryIn());
                if (result.isDone()) {
                    pending.cancel();
                }
            } else if (verdict.failure() != null) {
                result.completeExceptionally(verdict.failure());
            } else if (!result.complete(verdict.response())) {
                verdict.response().close();
            }
        });
    }

    /**
     * One attempt of an asynchronous or stepwise call, after its rate-limit wait on the timer. The future completes
     * with the response or the I/O failure; it never fails with anything else.
     */
    CompletableFuture<Response> attemptAsync(Call.Factory calls, CallRun run, Pending pending) {
        CompletableFuture<Response> outcome = new CompletableFuture<>();
        Request request = run.request()
                .newBuilder()
                .tag(RequestTags.SingleAttempt.class, RequestTags.SingleAttempt.INSTANCE)
                .build();
        Duration wait = limiter.reserve(RequestTags.endpoint(request));
        run.rateLimitWaited(wait);
        Runnable send = () -> {
            run.attemptStarting();
            Call call;
            try {
                call = calls.newCall(request);
            } catch (RuntimeException e) {
                outcome.completeExceptionally(new IOException("The call could not be started: " + e, e));
                return;
            }
            if (RequestTags.isStreaming(request)) {
                call.timeout().timeout(streamingCallTimeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            pending.call = call;
            if (pending.cancelled) {
                call.cancel();
            }
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
            pending.timer = time.schedule(
                    () -> {
                        send.run();
                        return null;
                    },
                    wait);
        }
        return outcome;
    }

    private static IOException asIo(Throwable failure) {
        if (failure == null) {
            return null;
        }
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        return cause instanceof IOException io ? io : new IOException("The attempt failed: " + cause, cause);
    }

    /**
     * The response as callers see it: attached to the request as the caller built it (the credential header is
     * added further down the chain, so it is not there), with the attempt count, and without the network-level
     * responses whose requests carry the credential.
     */
    static Response tagged(Response response, Request callerRequest, int attempt) {
        Request.Builder request = callerRequest.newBuilder();
        for (String name : callerRequest.headers().names()) {
            if (Redactor.isSecretHeader(name)) {
                request.removeHeader(name);
            }
        }
        request.tag(RequestTags.Attempts.class, new RequestTags.Attempts(attempt));
        return response.newBuilder()
                .request(request.build())
                .networkResponse(null)
                .priorResponse(null)
                .cacheResponse(null)
                .build();
    }

    /** What a call waits on, to cancel: the attempt in flight or the timer of the next one. */
    static final class Pending {
        volatile Call call;
        volatile ScheduledFuture<?> timer;
        volatile boolean cancelled;

        void cancel() {
            cancelled = true;
            ScheduledFuture<?> waiting = timer;
            if (waiting != null) {
                waiting.cancel(false);
            }
            Call inFlight = call;
            if (inFlight != null) {
                inFlight.cancel();
            }
        }
    }
}
