package io.github.pendoclient.error;

/**
 * Pendo answered, but the body could not be read as the expected JSON: it was malformed, cut short, or had a value of
 * the wrong type. {@link #jsonPath()} points at the offending value (for example {@code $[3].createdAt}). A short
 * result is never returned in place of this exception.
 */
public class UnreadableResponseException extends PendoException {

    private static final long serialVersionUID = 1L;

    /** The HTTP method of the request. */
    private final String method;
    /** The request path, with its query. */
    private final String path;
    /** The JSON path where reading failed, or null. */
    private final String jsonPath;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do
     * @param method the HTTP method
     * @param path the request path
     * @param jsonPath the JSON path of the value being read when reading failed, or null
     * @param cause the parse or I/O failure
     */
    public UnreadableResponseException(String message, String method, String path, String jsonPath,
                                       Throwable cause) {
        super(message, cause);
        this.method = method;
        this.path = path;
        this.jsonPath = jsonPath;
    }

    /**
     * The HTTP method of the request.
     *
     * @return the method
     */
    public String method() {
        return method;
    }

    /**
     * The request path, with its query.
     *
     * @return the path
     */
    public String path() {
        return path;
    }

    /**
     * The JSON path where reading failed, such as {@code $.results[41].visitorId}, when known.
     *
     * @return the JSON path, or null
     */
    public String jsonPath() {
        return jsonPath;
    }
}
