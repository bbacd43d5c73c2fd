package io.github.pendoclient.internal.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Takes a rate-limit permit for the request's endpoint before every attempt, retries included. Asynchronous attempts
 * took theirs before they were scheduled ({@link AsyncRetries}), so they pass.
 */
final class RateLimitInterceptor implements Interceptor {

    private final EndpointRateLimiter limiter;

    RateLimitInterceptor(EndpointRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        if (chain.request().tag(RequestTags.SingleAttempt.class) == null) {
            limiter.acquire(RequestTags.endpoint(chain.request()));
        }
        return chain.proceed(chain.request());
    }
}
