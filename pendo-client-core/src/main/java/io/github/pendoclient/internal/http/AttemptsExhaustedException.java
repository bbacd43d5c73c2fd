package io.github.pendoclient.internal.http;

import java.io.IOException;

/** The I/O failure of the last attempt, with the number of attempts made; unwrapped into a typed exception. */
final class AttemptsExhaustedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int attempts;

    AttemptsExhaustedException(int attempts, IOException lastFailure) {
        super(lastFailure.getMessage(), lastFailure);
        this.attempts = attempts;
    }

    int attempts() {
        return attempts;
    }

    IOException lastFailure() {
        return (IOException) getCause();
    }
}
