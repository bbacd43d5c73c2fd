package io.github.pendoclient.testing.internal;

/** A request the fake's aggregation engine refuses, with the HTTP status to answer. */
public final class AggregationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status: 400 for a malformed request, 422 for something the fake does not implement. */
    private final int status;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status
     * @param message what is wrong
     */
    public AggregationException(int status, String message) {
        super(message);
        this.status = status;
    }

    /**
     * The HTTP status.
     *
     * @return 400 or 422
     */
    public int status() {
        return status;
    }
}
