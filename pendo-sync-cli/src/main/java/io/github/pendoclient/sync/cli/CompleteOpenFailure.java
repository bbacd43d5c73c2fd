package io.github.pendoclient.sync.cli;

import java.io.IOException;

/** A destination that cannot be opened, with a message that already says what to do: nothing is appended to it. */
final class CompleteOpenFailure extends IOException {

    private static final long serialVersionUID = 1L;

    CompleteOpenFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
