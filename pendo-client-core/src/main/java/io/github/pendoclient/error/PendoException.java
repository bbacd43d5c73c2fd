package io.github.pendoclient.error;

/**
 * The base of every exception this SDK throws on purpose. It is unchecked: catch it (or one of its subtypes) where
 * you can do something about a failure. Messages say what happened and what to do, and never contain the
 * integration key or a shared secret.
 */
public class PendoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what happened and what to do
     */
    public PendoException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what happened and what to do
     * @param cause the underlying failure
     */
    public PendoException(String message, Throwable cause) {
        super(message, cause);
    }
}
