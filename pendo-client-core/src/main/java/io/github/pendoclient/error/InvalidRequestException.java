package io.github.pendoclient.error;

import java.util.Map;

/**
 * Pendo refused the request as invalid (HTTP 400 or 422): a malformed filter, a missing pipeline, a bad field value.
 * {@link #fieldErrors()} has Pendo's per-field messages when it sent them.
 */
public class InvalidRequestException extends PendoApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do
     * @param error the details of the failed exchange
     */
    public InvalidRequestException(String message, ApiError error) {
        super(message, error);
    }

    /**
     * Pendo's per-field problems, for example {@code pipeline -> Required}; empty when the body had none.
     *
     * @return field name to problem
     */
    public Map<String, Object> fieldErrors() {
        return errorBody().map(PendoErrorBody::fields).orElse(Map.of());
    }
}
