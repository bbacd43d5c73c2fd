package io.github.pendoclient.connect.internal;

import io.github.pendoclient.error.AuthenticationException;
import io.github.pendoclient.error.InvalidRequestException;
import io.github.pendoclient.error.NotFoundException;
import io.github.pendoclient.error.PermissionDeniedException;
import io.github.pendoclient.error.RedirectNotFollowedException;
import java.time.Duration;
import org.apache.kafka.connect.errors.ConnectException;

/** How the sink treats a failure of a Pendo call: the record is bad, the task cannot go on, or try again later. */
public final class Failures {

    /** The first wait before a record or batch is sent again after a transient failure; it doubles. */
    public static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    /** The longest wait before sending again. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** What to do about a failure. */
    public enum Kind {
        /** Pendo refused the content: the record goes to the dead letter queue. */
        REJECTED,
        /** The credential or URL is wrong: the task fails. */
        FATAL,
        /** Rate limits, network, 5xx: send again after a backoff; the task never fails for these. */
        TRANSIENT
    }

    private Failures() {}

    /**
     * Classifies a failure.
     *
     * @param failure what a call threw or a sender reported
     * @return what to do
     */
    public static Kind classify(Throwable failure) {
        if (failure instanceof InvalidRequestException) {
            return Kind.REJECTED;
        }
        if (failure instanceof AuthenticationException
                || failure instanceof PermissionDeniedException
                || failure instanceof NotFoundException
                || failure instanceof RedirectNotFollowedException) {
            return Kind.FATAL;
        }
        return Kind.TRANSIENT;
    }

    /**
     * The failure that ends a task, naming the setting to check.
     *
     * @param failure the failure
     * @param setting the credential's setting
     * @return the exception
     */
    public static ConnectException fatal(Throwable failure, String setting) {
        return new ConnectException("Pendo refused the connector's requests (" + failure.getMessage() + "); check "
                + setting + ", pendo.region and pendo.base.url, then restart the task");
    }

    /**
     * The wait before the n-th retry.
     *
     * @param retry 1 for the first
     * @return the backoff, doubling up to {@link #MAX_BACKOFF}
     */
    public static Duration backoff(int retry) {
        long millis = FIRST_BACKOFF.toMillis() << Math.min(Math.max(retry - 1, 0), 10);
        return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
    }
}
