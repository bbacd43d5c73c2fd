package io.github.pendoclient.error;

import java.io.IOException;

/**
 * The exchange with Pendo failed below HTTP: the connection was refused or reset, a timeout expired, the host name
 * did not resolve. Transient failures were retried before this was thrown; {@link #attempts()} says how often.
 */
public class PendoNetworkException extends PendoException {

    private static final long serialVersionUID = 1L;

    /** The HTTP method of the request. */
    private final String method;
    /** The request path, with its query. */
    private final String path;
    /** How many attempts were made. */
    private final int attempts;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do
     * @param method the HTTP method
     * @param path the request path
     * @param attempts how many attempts were made
     * @param cause the I/O failure of the last attempt
     */
    public PendoNetworkException(String message, String method, String path, int attempts, IOException cause) {
        super(message, cause);
        this.method = method;
        this.path = path;
        this.attempts = attempts;
    }

    /**
     * The HTTP method of the request.
     *
     * @return the method
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
     * How many attempts were made before giving up.
     *
     * @return the attempt count
     */
    public int attempts() {
        return attempts;
    }
}
