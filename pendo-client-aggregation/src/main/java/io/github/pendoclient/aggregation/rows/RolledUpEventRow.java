package io.github.pendoclient.aggregation.rows;

import java.time.Instant;
import java.util.Map;

/**
 * What the rolled-up event sources ({@code events}, {@code pageEvents}, {@code featureEvents},
 * {@code trackEvents}) have in common: one row per visitor, account, app and day or hour, with counts.
 */
public interface RolledUpEventRow {

    /**
     * The visitor id.
     *
     * @return the visitor id
     */
    String visitorId();

    /**
     * The account id.
     *
     * @return the account id, or null
     */
    String accountId();

    /**
     * The app id.
     *
     * @return the app id, or null
     */
    Long appId();

    /**
     * The start of the day bucket, for {@code dayRange} series.
     *
     * @return the day, or null for hourly rows
     */
    Instant day();

    /**
     * The start of the hour bucket, for {@code hourRange} series.
     *
     * @return the hour, or null for daily rows
     */
    Instant hour();

    /**
     * The number of events in the bucket.
     *
     * @return the count, or null when absent or not a whole number (the raw value is then in {@link #unknownFields()})
     */
    Long numEvents();

    /**
     * The number of minutes with activity in the bucket.
     *
     * @return the count, or null when absent or not a whole number (the raw value is then in {@link #unknownFields()})
     */
    Long numMinutes();

    /**
     * Every member this version of the SDK does not declare.
     *
     * @return the other members, kept and written back
     */
    Map<String, Object> unknownFields();

    /**
     * The bucket's start, whichever of {@link #day()} and {@link #hour()} is set.
     *
     * @return the bucket start, or null if the row has neither
     */
    default Instant bucket() {
        return hour() != null ? hour() : day();
    }
}
