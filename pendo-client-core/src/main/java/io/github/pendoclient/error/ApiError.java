package io.github.pendoclient.error;

import java.time.Duration;

/**
 * What is known about a failed HTTP exchange with Pendo: the request line, the final status, how many attempts were
 * made, and the error body.
 *
 * @param method the HTTP method, for example {@code GET}
 * @param path the request path and query, for example {@code /api/v1/feature?expand=*}
 * @param statusCode the HTTP status of the last attempt
 * @param attempts how many attempts were made, retries included
 * @param errorBody Pendo's JSON error body, or null when the body was not JSON in that shape
 * @param rawBody the start of the response body (at most about 1 KB), secrets removed; empty when there was none
 * @param retryAfter the last {@code Retry-After} the server sent, or null
 */
public record ApiError(String method, String path, int statusCode, int attempts, PendoErrorBody errorBody,
                       String rawBody, Duration retryAfter) {
}
