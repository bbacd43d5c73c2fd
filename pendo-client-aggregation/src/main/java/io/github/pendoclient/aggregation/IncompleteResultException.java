package io.github.pendoclient.aggregation;

import io.github.pendoclient.error.PendoException;

/**
 * An aggregation result stopped before its end: the connection dropped, the body was cut short, or a row could
 * not be read. The rows already returned are not the whole result. Run the query again, or resume a pager from its
 * checkpoint; {@link #getCause()} is the typed failure
 * ({@link io.github.pendoclient.error.PendoNetworkException} or
 * {@link io.github.pendoclient.error.UnreadableResponseException}).
 */
public class IncompleteResultException extends PendoException {

    private static final long serialVersionUID = 1L;

    /** How many rows were returned before the failure. */
    private final long rowsRead;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do
     * @param rowsRead how many rows were returned before the failure
     * @param cause the typed failure
     */
    public IncompleteResultException(String message, long rowsRead, PendoException cause) {
        super(message, cause);
        this.rowsRead = rowsRead;
    }

    /**
     * How many rows were returned before the failure.
     *
     * @return the count
     */
    public long rowsRead() {
        return rowsRead;
    }
}
