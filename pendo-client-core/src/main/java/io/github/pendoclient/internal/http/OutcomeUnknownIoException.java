package io.github.pendoclient.internal.http;

import java.io.IOException;
import okhttp3.Response;

/**
 * Ends a call whose request may not be repeated and whose answer was lost; mapped to
 * {@link io.github.pendoclient.error.OutcomeUnknownException}. Carries either the failed response (its body read)
 * or the I/O failure.
 */
final class OutcomeUnknownIoException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int attempts;
    private final transient Response response;
    private final String whatToCheck;

    OutcomeUnknownIoException(int attempts, Response response, IOException failure, String whatToCheck) {
        super(failure != null ? failure.getMessage() : "HTTP " + response.code(), failure);
        this.attempts = attempts;
        this.response = response;
        this.whatToCheck = whatToCheck;
    }

    int attempts() {
        return attempts;
    }

    /** The failed response, or null when an I/O failure ended the exchange. */
    Response response() {
        return response;
    }

    String whatToCheck() {
        return whatToCheck;
    }
}
