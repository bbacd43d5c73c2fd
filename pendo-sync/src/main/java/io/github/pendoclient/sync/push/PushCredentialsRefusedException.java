package io.github.pendoclient.sync.push;

import io.github.pendoclient.error.PendoException;

/**
 * Pendo refused the credential of a push (HTTP 401 or 403): the integration key for metadata, the track event
 * shared secret for events. The push stopped at the first refusal. Pendo answered, so nothing is of unknown outcome:
 * the refused rows and every row not yet sent stay unsent in the state, and the next run with a credential Pendo
 * accepts sends them once. Rows accepted before the refusal are recorded as such. The message names the credential
 * (never its value) and says what to do.
 */
public class PushCredentialsRefusedException extends PendoException {

    private static final long serialVersionUID = 1L;

    /** Pendo's HTTP status, 401 or 403. */
    private final int statusCode;

    private final transient PushResult result;

    /**
     * Creates the exception.
     *
     * @param message which credential was refused and what to do
     * @param statusCode Pendo's status, 401 or 403
     * @param result the counters of the run up to the refusal
     * @param cause the SDK's exception, or null when the refusal came as an event outcome
     */
    public PushCredentialsRefusedException(String message, int statusCode, PushResult result, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
        this.result = result;
    }

    /**
     * Pendo's HTTP status.
     *
     * @return 401 (the credential is not valid) or 403 (it may not do this)
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * What the run did before it stopped: rows accepted, rejected, and so on; the refused rows are in none of the
     * counters but {@link PushResult#rowsRead()} and {@link PushResult#newObjects()} or
     * {@link PushResult#changedObjects()}.
     *
     * @return the counters up to the refusal
     */
    public PushResult result() {
        return result;
    }
}
