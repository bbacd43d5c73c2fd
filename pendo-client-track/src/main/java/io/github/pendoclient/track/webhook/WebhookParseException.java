package io.github.pendoclient.track.webhook;

import io.github.pendoclient.error.PendoException;

/** A webhook body is not a JSON object, so it cannot be a Pendo payload. Answer it with 400. */
public class WebhookParseException extends PendoException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong
     * @param cause the parse failure, or null
     */
    public WebhookParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
