package io.github.pendoclient.error;

import java.io.IOException;

/**
 * The exchange with Pendo failed below HTTP: the connection was refused or reset, a timeout expired, the host name
 * did not resolve. Transient failures were retried before this was thrown; {@link #attempts()} says how often.
 */
public class PendoNetworkException extends PendoRequestException {

    private static final long serialVersionUID = 1L;

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
        super(message, method, path, attempts, cause);
    }
}
