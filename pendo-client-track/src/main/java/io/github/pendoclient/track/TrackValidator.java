package io.github.pendoclient.track;

import io.github.pendoclient.http.TimeSource;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks the rules of an event that depend on the clock and the mode, before it is sent. */
final class TrackValidator {

    /** Pendo does not process events older than this. */
    static final Duration MAX_AGE = Duration.ofDays(7);
    /** Pendo shows properties JSON larger than this as "too large". */
    static final int MAX_PROPERTIES_BYTES = 512;

    private static final Logger LOG = LoggerFactory.getLogger(TrackClient.class);

    private final ValidationMode mode;
    private final Duration maxFutureSkew;
    private final TimeSource time;

    TrackValidator(ValidationMode mode, Duration maxFutureSkew, TimeSource time) {
        this.mode = mode;
        this.maxFutureSkew = maxFutureSkew;
        this.time = time;
    }

    void check(TrackEvent event) {
        for (String name : event.properties().keySet()) {
            if (!TrackEvent.PROPERTY_NAME.matcher(name).matches()) {
                violation(
                        event,
                        "properties." + name,
                        "must be letters, digits and _, at most 32 characters, not"
                                + " starting with a digit (the SDK's rule; Pendo does not document one)",
                        name.length() > 32 ? name.length() + " characters" : "see the name");
            }
        }
        int bytes = event.propertiesJsonBytes();
        if (bytes > MAX_PROPERTIES_BYTES) {
            violation(
                    event,
                    "properties",
                    "must be at most " + MAX_PROPERTIES_BYTES + " bytes of JSON, or Pendo" + " shows them as too large",
                    bytes + " bytes");
        }
        Instant now = time.now();
        if (event.timestamp().isBefore(now.minus(MAX_AGE))) {
            violation(
                    event,
                    "timestamp",
                    "must be within the last 7 days, or Pendo does not process the event",
                    event.timestamp().toString());
        }
        if (event.timestamp().isAfter(now.plus(maxFutureSkew))) {
            violation(
                    event,
                    "timestamp",
                    "must not be more than " + maxFutureSkew + " in the future",
                    event.timestamp().toString());
        }
    }

    private void violation(TrackEvent event, String field, String rule, String detail) {
        if (mode == ValidationMode.STRICT) {
            throw new InvalidTrackEventException(field, rule, detail);
        }
        LOG.warn("Sending track event '{}' although its {} {} ({})", event.event(), field, rule, detail);
    }
}
