package io.github.pendoclient.error;

/**
 * The credential is valid but may not do this (HTTP 403). The aggregation endpoint and every write reportedly need an
 * integration key created with "Allow Write Access".
 */
public class PermissionDeniedException extends PendoApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do
     * @param error the details of the failed exchange
     */
    public PermissionDeniedException(String message, ApiError error) {
        super(message, error);
    }
}
