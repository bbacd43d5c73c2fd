package io.github.pendoclient.track;

import io.github.pendoclient.error.PendoException;

/**
 * A {@link TrackSender} closed before it could deliver an event, and Pendo has not processed it: it was never sent,
 * or every attempt was refused before Pendo processed it (a refused connection, a 429). Sending it again cannot count
 * it twice. An event that may have reached Pendo is reported with
 * {@link io.github.pendoclient.error.OutcomeUnknownException} instead.
 */
public class TrackSenderClosedException extends PendoException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do
     */
    public TrackSenderClosedException(String message) {
        super(message);
    }
}
