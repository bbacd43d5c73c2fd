package io.github.pendoclient.testing.internal;

/**
 * A request the fake's aggregation engine refuses, with the HTTP status to answer and, when known, the part of the
 * request at fault (for example {@code pipeline[2].filter}), which becomes the {@code fields} member of Pendo's
 * error body.
 */
public final class AggregationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The HTTP status: 400 for a malformed request, 422 for something the fake does not implement. */
    private final int status;
    /** The part of the request at fault, or null. */
    private final String field;

    /**
     * Creates the exception.
     *
     * @param status the HTTP status
     * @param message what is wrong
     */
    public AggregationException(int status, String message) {
        this(status, null, message);
    }

    /**
     * Creates the exception, naming the part of the request at fault.
     *
     * @param status the HTTP status
     * @param field the part at fault, for example {@code pipeline[2].filter}, or null
     * @param message what is wrong
     */
    public AggregationException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    /**
     * The HTTP status.
     *
     * @return 400 or 422
     */
    public int status() {
        return status;
    }

    /**
     * The part of the request at fault.
     *
     * @return for example {@code pipeline[2].filter}, or null when the request as a whole is at fault
     */
    public String field() {
        return field;
    }

    /**
     * The same error, attributed to a part of the request unless it already names one.
     *
     * @param at the part of the request
     * @return an exception naming it
     */
    AggregationException at(String at) {
        return field != null ? this : new AggregationException(status, at, getMessage());
    }
}
