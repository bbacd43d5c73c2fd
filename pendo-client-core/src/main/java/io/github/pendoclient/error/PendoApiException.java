package io.github.pendoclient.error;

import java.util.Optional;

/**
 * Pendo answered with an HTTP error status. Subtypes name the common cases; this type itself covers the rest
 * (409, 410, 415, ...). The exception carries the method, path, status, the number of attempts, Pendo's JSON error
 * body when there is one, and the start of the raw body.
 */
public class PendoApiException extends PendoException {

    private static final long serialVersionUID = 1L;

    private final transient ApiError error;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do
     * @param error the details of the failed exchange
     */
    public PendoApiException(String message, ApiError error) {
        super(message);
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
     * The HTTP method of the request.
     *
     * @return the method, for example {@code POST}
     */
    public String method() {
        return error.method();
    }

    /**
     * The request path, with its query.
     *
     * @return the path, for example {@code /api/v1/aggregation}
     */
    public String path() {
        return error.path();
    }

    /**
     * How many attempts were made before giving up; 1 when the status is not retried.
     *
     * @return the attempt count
     */
    public int attempts() {
        return error.attempts();
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
