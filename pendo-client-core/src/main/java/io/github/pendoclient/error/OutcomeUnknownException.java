package io.github.pendoclient.error;

/**
 * A write that may not be repeated reached Pendo, or may have, and its answer was lost: the connection broke after
 * the request was sent, the body was cut short, or Pendo answered 408, 500, 502, 503 (with or without
 * {@code Retry-After}) or 504. Only a refused connection and a 429 prove a write was not processed, so only they are
 * retried. The SDK does not send it again, because a second copy could apply it twice (two segments, two deletion jobs).
 * Check whether it took effect ({@link #whatToCheck()}) before sending it again. {@link #getCause()} is the failure
 * that ended the exchange.
 */
public class OutcomeUnknownException extends PendoRequestException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do
     * @param method the HTTP method
     * @param path the request path
     * @param attempts how many attempts were made
     * @param whatToCheck how to find out whether the write took effect
     * @param cause the failure that ended the exchange
     */
    public OutcomeUnknownException(
            String message, String method, String path, int attempts, String whatToCheck, Throwable cause) {
        super(message, method, path, attempts, whatToCheck, cause);
    }

    /**
     * How to find out whether the write took effect, for example {@code client.segments().list()}.
     *
     * @return a short instruction
     */
    public String whatToCheck() {
        return detail();
    }
}
