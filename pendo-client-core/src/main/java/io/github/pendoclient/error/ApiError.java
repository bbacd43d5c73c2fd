package io.github.pendoclient.error;

import io.github.pendoclient.internal.Copies;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
 * @param headers the response headers, names in lower case, credentials removed; empty when there was no response
 */
public record ApiError(
        String method,
        String path,
        int statusCode,
        int attempts,
        PendoErrorBody errorBody,
        String rawBody,
        Duration retryAfter,
        Map<String, List<String>> headers) {

    /**
     * Copies the headers, so that a later change to the caller's map cannot reach the error.
     *
     * @param method the HTTP method, for example {@code GET}
     * @param path the request path and query, for example {@code /api/v1/feature?expand=*}
     * @param statusCode the HTTP status of the last attempt
     * @param attempts how many attempts were made, retries included
     * @param errorBody Pendo's JSON error body, or null when the body was not JSON in that shape
     * @param rawBody the start of the response body (at most about 1 KB), secrets removed; empty when there was none
     * @param retryAfter the last {@code Retry-After} the server sent, or null
     * @param headers the response headers, names in lower case, credentials removed; empty when there was no response
     */
    public ApiError {
        headers = headers == null ? Map.of() : Copies.map(headers);
    }

    /**
     * Details of an exchange that has no response headers (a request refused before it was sent).
     *
     * @param method the HTTP method
     * @param path the request path and query
     * @param statusCode the HTTP status
     * @param attempts how many attempts were made
     * @param errorBody Pendo's JSON error body, or null
     * @param rawBody the start of the response body
     * @param retryAfter the last {@code Retry-After}, or null
     */
    public ApiError(
            String method,
            String path,
            int statusCode,
            int attempts,
            PendoErrorBody errorBody,
            String rawBody,
            Duration retryAfter) {
        this(method, path, statusCode, attempts, errorBody, rawBody, retryAfter, Map.of());
    }
}
