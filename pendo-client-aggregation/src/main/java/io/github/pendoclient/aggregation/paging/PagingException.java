package io.github.pendoclient.aggregation.paging;

import io.github.pendoclient.error.PendoException;

/**
 * Paging stopped because going on would loop, skip or repeat rows: a row without a key value, two rows with the
 * same key, rows out of key order, or a page that did not move the cursor. The message says which and what to change
 * (usually: add a unique tiebreaker field to the keyset). Rows returned before it are correct; the checkpoint points
 * after the last of them.
 */
public class PagingException extends PendoException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do
     */
    public PagingException(String message) {
        super(message);
    }
}
