package io.github.pendoclient.error;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pendo answered with an HTTP error status. Subtypes name the common cases; this type itself covers the rest
 * (409, 410, 415, ...). The exception carries the method, path, status, the number of attempts, the response headers
 * (credentials removed), Pendo's request id when the response names one, Pendo's JSON error body when there is one,
 * and the start of the raw body.
 */
public class PendoApiException extends PendoRequestException {

    private static final long serialVersionUID = 1L;

    /**
     * The response headers that may carry a request id, in the order {@link #requestId()} looks for them. Pendo's API
     * reference names none; these are the ones its front ends and Google Cloud's load balancers are known to send.
     */
    public static final List<String> REQUEST_ID_HEADERS =
            List.of("x-request-id", "x-pendo-request-id", "x-cloud-trace-context");

    private final transient ApiError error;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do
     * @param error the details of the failed exchange
     */
    public PendoApiException(String message, ApiError error) {
        super(message, error.method(), error.path(), error.attempts(), null);
        this.error = error;
    }

    /**
     * The HTTP status of the last attempt.
     *
     * @return the status code
     */
    public int statusCode() {
        return error.statusCode();
    }

    /**
     * The headers of the last response, names in lower case, with the credential headers left out and any
     * credential in a value replaced by {@code [redacted]}.
     *
     * @return the headers, unmodifiable; empty when the exception was not made from a response
     */
    public Map<String, List<String>> headers() {
        return error.headers();
    }

    /**
     * Pendo's id for the request, from the first of {@link #REQUEST_ID_HEADERS} the response has: quote it when you
     * ask Pendo support about a failure.
     *
     * @return the request id, or empty when the response named none
     */
    public Optional<String> requestId() {
        for (String name : REQUEST_ID_HEADERS) {
            List<String> values = error.headers().get(name);
            if (values != null && !values.isEmpty() && !values.get(0).isBlank()) {
                return Optional.of(values.get(0));
            }
        }
        return Optional.empty();
    }

    /**
     * Pendo's JSON error body, {@code {"overall": ..., "fields": ...}}, when the response had one.
     *
     * @return the parsed body
     */
    public Optional<PendoErrorBody> errorBody() {
        return Optional.ofNullable(error.errorBody());
    }

    /**
     * The start of the raw response body, at most about 1 KB, with any secret removed.
     *
     * @return the raw body, or an empty string
     */
    public String rawBody() {
        return error.rawBody();
    }

    /**
     * All details of the failed exchange.
     *
     * @return the details
     */
    public ApiError error() {
        return error;
    }
}
