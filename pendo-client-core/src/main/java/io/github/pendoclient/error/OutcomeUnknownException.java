package io.github.pendoclient.error;

/**
 * A write that may not be repeated reached Pendo, or may have, and its answer was lost: the connection broke after
 * the request was sent, the body was cut short, or Pendo answered 500, 502, 503 (without {@code Retry-After}) or 504.
 * The SDK does not send it again, because a second copy could apply it twice (two segments, two deletion jobs).
 * Check whether it took effect ({@link #whatToCheck()}) before sending it again. {@link #getCause()} is the failure
 * that ended the exchange.
 */
public class OutcomeUnknownException extends PendoException {

    private static final long serialVersionUID = 1L;

    /** The HTTP method of the request. */
    private final String method;
    /** The request path, with its query. */
    private final String path;
    /** How to find out whether the write took effect. */
    private final String whatToCheck;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do
     * @param method the HTTP method
     * @param path the request path
     * @param whatToCheck how to find out whether the write took effect
     * @param cause the failure that ended the exchange
     */
    public OutcomeUnknownException(String message, String method, String path, String whatToCheck,
                                   Throwable cause) {
        super(message, cause);
        this.method = method;
        this.path = path;
        this.whatToCheck = whatToCheck;
    }

    /**
     * The HTTP method of the request.
     *
     * @return the method, for example {@code POST}
     */
    public String method() {
        return method;
    }

    /**
     * The request path, with its query.
     *
     * @return the path
     */
    public String path() {
        return path;
    }

    /**
     * How to find out whether the write took effect, for example {@code client.segments().list()}.
     *
     * @return a short instruction
     */
    public String whatToCheck() {
        return whatToCheck;
    }
}
