package io.github.pendoclient.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Takes a rate-limit permit for the request's endpoint before every attempt, retries included. */
final class RateLimitInterceptor implements Interceptor {

    private final EndpointRateLimiter limiter;

    RateLimitInterceptor(EndpointRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        limiter.acquire(RequestTags.endpoint(chain.request()));
        return chain.proceed(chain.request());
    }
}
