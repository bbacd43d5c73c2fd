package io.github.pendoclient.error;

/**
 * The object does not exist, or the path is unknown to this Pendo host (HTTP 404).
 */
public class NotFoundException extends PendoApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do
     * @param error the details of the failed exchange
     */
    public NotFoundException(String message, ApiError error) {
        super(message, error);
    }
}
