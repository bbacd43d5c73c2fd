package io.github.pendoclient.sync.push;

/**
 * A push was refused before anything was sent: an option is missing or inconsistent, a mapped column is not in the
 * source, a mapped field is not in Pendo's schema (without {@code createFields}), or the state file belongs to
 * another job. The message says what is wrong and what to do.
 */
public class PushConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and what to do
     */
    public PushConfigurationException(String message) {
        super(message);
    }
}
