/**
 * The HTTP stack shared by every pendo-client module: {@link io.github.pendoclient.http.PendoHttp}, its options,
 * retries ({@link io.github.pendoclient.http.RetryConfig}), the client-side rate limit
 * ({@link io.github.pendoclient.http.RateLimitConfig}) and credentials.
 */
package io.github.pendoclient.http;
