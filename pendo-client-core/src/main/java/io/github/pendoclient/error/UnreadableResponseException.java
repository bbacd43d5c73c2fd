package io.github.pendoclient.error;

/**
 * Pendo answered, but the body could not be read as the expected JSON: it was malformed, cut short, or had a value of
 * the wrong type. {@link #jsonPath()} points at the offending value (for example {@code $[3].createdAt}). A short
 * result is never returned in place of this exception.
 */
public class UnreadableResponseException extends PendoRequestException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do
     * @param method the HTTP method
     * @param path the request path
     * @param attempts how many attempts were made; the last one's body could not be read
     * @param jsonPath the JSON path of the value being read when reading failed, or null
     * @param cause the parse or I/O failure
     */
    public UnreadableResponseException(
            String message, String method, String path, int attempts, String jsonPath, Throwable cause) {
        super(message, method, path, attempts, jsonPath, cause);
    }

    /**
     * The JSON path where reading failed, such as {@code $.results[41].visitorId}, when known.
     *
     * @return the JSON path, or null
     */
    public String jsonPath() {
        return detail();
    }
}
