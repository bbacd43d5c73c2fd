package io.github.pendoclient.track.webhook;

import io.github.pendoclient.error.PendoException;

/** A webhook request's signature is missing, malformed or wrong: do not trust the body; answer 401. */
public class WebhookSignatureException extends PendoException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong; never contains the secret or the expected signature
     */
    public WebhookSignatureException(String message) {
        super(message);
    }
}
