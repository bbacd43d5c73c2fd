package io.github.pendoclient.track;

import io.github.pendoclient.error.PendoException;

/**
 * The sender's queue is full and its overflow policy is {@link TrackSender.OverflowPolicy#THROW}: the event was not
 * accepted and is the caller's to keep or drop. Raise the queue capacity or the concurrency, or check whether Pendo is
 * answering.
 */
public class TrackQueueFullException extends PendoException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param capacity the queue capacity
     */
    public TrackQueueFullException(int capacity) {
        super("The track sender's queue is full (" + capacity + " events); the event was not accepted. Raise"
                + " queueCapacity or concurrency, or check that Pendo is answering.");
    }
}
