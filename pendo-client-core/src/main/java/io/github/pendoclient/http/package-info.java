/**
 * How the HTTP stack shared by every pendo-client module behaves: retries
 * ({@link io.github.pendoclient.http.RetryOptions}), the client-side rate limit
 * ({@link io.github.pendoclient.http.RateLimitOptions}), the injectable clock and timer
 * ({@link io.github.pendoclient.http.TimeSource}) and request counters ({@link io.github.pendoclient.http.HttpStats}).
 * The stack itself is internal ({@code io.github.pendoclient.internal.http}).
 */
package io.github.pendoclient.http;
