package io.github.pendoclient.error;

/**
 * A call to Pendo that failed: the request line and how many attempts were made. The subtypes say how it failed:
 * {@link PendoApiException} (an error status), {@link PendoNetworkException} (no response),
 * {@link UnreadableResponseException} (a response that could not be read) and {@link OutcomeUnknownException} (a
 * write that may or may not have been applied).
 */
public abstract class PendoRequestException extends PendoException {

    private static final long serialVersionUID = 1L;

    /** The HTTP method of the request. */
    private final String method;
    /** The request path, with its query. */
    private final String path;
    /** How many attempts were made. */
    private final int attempts;
    /** The one fact a subtype adds about the failure (a JSON path, what to check), or null. */
    private final String detail;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do
     * @param method the HTTP method
     * @param path the request path, with its query
     * @param attempts how many attempts were made, retries included
     * @param cause the underlying failure, or null
     */
    protected PendoRequestException(String message, String method, String path, int attempts, Throwable cause) {
        this(message, method, path, attempts, null, cause);
    }

    /**
     * Creates the exception with the one fact a subtype adds about the failure, which the subtype exposes under its
     * own name (for example {@link UnreadableResponseException#jsonPath()}).
     *
     * @param message what happened and what to do
     * @param method the HTTP method
     * @param path the request path, with its query
     * @param attempts how many attempts were made, retries included
     * @param detail the subtype's fact, or null
     * @param cause the underlying failure, or null
     */
    protected PendoRequestException(
            String message, String method, String path, int attempts, String detail, Throwable cause) {
        super(message, cause);
        this.method = method;
        this.path = path;
        this.attempts = attempts;
        this.detail = detail;
    }

    /**
     * The HTTP method of the request.
     *
     * @return the method, for example {@code GET}
     */
    public String method() {
        return method;
    }

    /**
     * The request path, with its query.
     *
     * @return the path, for example {@code /api/v1/feature?expand=*}
     */
    public String path() {
        return path;
    }

    /**
     * How many attempts were made, retries included.
     *
     * @return the attempts, at least 1
     */
    public int attempts() {
        return attempts;
    }

    /**
     * The one fact the subtype adds, for the subtype's own named accessor.
     *
     * @return the fact given at construction, or null
     */
    protected final String detail() {
        return detail;
    }
}
