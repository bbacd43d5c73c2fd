package io.github.pendoclient.error;

/**
 * Pendo rejected the credential (HTTP 401). Integration keys are valid in one region only, so check the region (or base URL)
 * as well as the key itself.
 */
public class AuthenticationException extends PendoApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do
     * @param error the details of the failed exchange
     */
    public AuthenticationException(String message, ApiError error) {
        super(message, error);
    }
}
