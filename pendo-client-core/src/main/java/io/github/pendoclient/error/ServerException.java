package io.github.pendoclient.error;

/**
 * Pendo, or a proxy in front of it, failed (HTTP 5xx) and kept failing through every retry. HTML error pages from
 * proxies are reduced to their title in the message.
 */
public class ServerException extends PendoApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do
     * @param error the details of the failed exchange
     */
    public ServerException(String message, ApiError error) {
        super(message, error);
    }
}
