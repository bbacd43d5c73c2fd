package io.github.pendoclient.track.internal;

import io.github.pendoclient.error.OutcomeUnknownException;
import io.github.pendoclient.error.PendoApiException;
import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.error.PendoNetworkException;
import io.github.pendoclient.error.PendoRequestException;
import io.github.pendoclient.error.RateLimitedException;
import io.github.pendoclient.track.InvalidTrackEventException;
import io.github.pendoclient.track.TrackSenderClosedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CancellationException;

/** How a sender describes an event it could not deliver: may it have reached Pendo, and what to tell the user. */
final class Failures {

    private static final String WHAT_TO_CHECK = "Pendo has no way to look an event up; count it as possibly"
            + " delivered, and send it again only if a duplicate does less harm than a loss";

    private Failures() {}

    /**
     * Whether an attempt that ended this way may have been recorded by Pendo: anything but a refused connection, a
     * 429, and a 4xx refusal. A 503 does not prove the event was not recorded, with or without {@code Retry-After}.
     */
    static boolean mayHaveReachedPendo(Throwable failure) {
        if (failure instanceof RateLimitedException || failure instanceof InvalidTrackEventException) {
            return false;
        }
        if (failure instanceof OutcomeUnknownException || failure instanceof CancellationException) {
            return true;
        }
        if (failure instanceof PendoApiException api) {
            return api.statusCode() == 408 || api.statusCode() >= 500;
        }
        if (failure instanceof PendoNetworkException network) {
            Throwable cause = network.getCause();
            return !(cause instanceof ConnectException
                    || cause instanceof NoRouteToHostException
                    || cause instanceof UnknownHostException);
        }
        return true;
    }

    /** The failure to report: an {@link OutcomeUnknownException} when an attempt may have reached Pendo. */
    static PendoException failureOf(QueuedEvent item, PendoException last) {
        if (!item.mayHaveReached || last instanceof OutcomeUnknownException) {
            return last;
        }
        String path = last instanceof PendoRequestException request ? request.path() : "/data/track";
        return new OutcomeUnknownException(
                "The track event failed after " + item.attempts + " attempts (" + last.getMessage()
                        + "), and an earlier attempt may have reached Pendo: it may have been delivered, and"
                        + " sending it again may count it twice.",
                "POST",
                path,
                item.attempts,
                WHAT_TO_CHECK,
                last);
    }

    /**
     * Why an event not delivered by the close deadline failed: outcome unknown when its request was in flight or an
     * earlier attempt may have reached Pendo, else not processed.
     */
    static PendoException atClose(QueuedEvent item, boolean inFlight, Duration closeTimeout) {
        if (inFlight || item.mayHaveReached) {
            PendoException last = item.lastFailure;
            String path = last instanceof PendoRequestException request ? request.path() : "/data/track";
            return new OutcomeUnknownException(
                    "The track sender closed (close timeout " + closeTimeout
                            + ") "
                            + (inFlight
                                    ? "while this event's request was in flight"
                                    : "after an attempt of this event" + " whose answer was lost")
                            + ": it may have been delivered, and sending it again may count it"
                            + " twice. Set spoolDirectory to have a later sender deliver it and count it as a possible"
                            + " duplicate.",
                    "POST",
                    path,
                    item.attempts,
                    WHAT_TO_CHECK,
                    last);
        }
        return new TrackSenderClosedException("The track sender closed (close timeout " + closeTimeout
                + ") before this event was delivered; Pendo has not processed it, so sending it again cannot count it"
                + " twice. Send it again, raise closeTimeout, or set spoolDirectory to keep such events.");
    }
}
