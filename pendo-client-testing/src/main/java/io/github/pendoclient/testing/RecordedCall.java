package io.github.pendoclient.testing;

import io.github.pendoclient.internal.Copies;
import java.util.Map;

/**
 * One request a {@link FakePendo} received, and its answer. Secrets are redacted from the headers and the query
 * string: the value of every header and query parameter whose name marks a secret (see {@link FakePendo}) is
 * {@code [redacted]}.
 *
 * @param method the HTTP method
 * @param path the path, for example {@code /api/v1/aggregation}
 * @param query the query string, or empty, with secret parameters' values shown as {@code [redacted]}
 * @param endpoint the endpoint group
 * @param headers header name (lower case) to value, with {@code x-pendo-integration-key}, {@code cookie} and
 *     other secrets shown as {@code [redacted]}
 * @param body the body as text
 * @param status the status answered; 0 when the connection was dropped before an answer
 */
public record RecordedCall(
        String method,
        String path,
        String query,
        Endpoint endpoint,
        Map<String, String> headers,
        String body,
        int status) {

    /**
     * Copies the collections it is given, so that a later change to the caller's lists and maps cannot reach this
     * record; absent stays {@code null}.
     *
     * @param method the HTTP method
     * @param path the path, for example {@code /api/v1/aggregation}
     * @param query the query string, or empty, with secret parameters' values shown as {@code [redacted]}
     * @param endpoint the endpoint group
     * @param headers header name (lower case) to value, with {@code x-pendo-integration-key}, {@code cookie} and
     *     other secrets shown as {@code [redacted]}
     * @param body the body as text
     * @param status the status answered; 0 when the connection was dropped before an answer
     */
    public RecordedCall {
        headers = Copies.map(headers);
    }
}
