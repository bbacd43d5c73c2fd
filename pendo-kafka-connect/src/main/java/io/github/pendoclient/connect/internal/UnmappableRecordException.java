package io.github.pendoclient.connect.internal;

/**
 * A record the sink cannot turn into a Pendo event or metadata row; the message says which setting or field and
 * what to change. The record goes to the dead letter queue, or fails the task with {@code errors.tolerance=none}.
 */
public final class UnmappableRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message.
     *
     * @param message what is wrong with the record and what to do
     */
    public UnmappableRecordException(String message) {
        super(message);
    }
}
