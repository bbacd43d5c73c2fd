package io.github.pendoclient.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One rolled-up hour of page views, feature clicks or track events, stored compactly so a generated dataset of
 * months of events stays small; rendered as Pendo's row shape when served.
 *
 * @param kind what the row counts
 * @param visitorId the visitor id
 * @param accountId the account id
 * @param appId the app id
 * @param hour the start of the hour, epoch milliseconds
 * @param objectId the page, feature or track type id
 * @param numEvents events in the hour; a whole number, or now and then a fraction as real subscriptions send (API
 *     reference §7.10)
 * @param numMinutes minutes with activity; a whole number or, now and then, a fraction
 * @param firstTime the first event, epoch milliseconds
 * @param lastTime the last event, epoch milliseconds
 * @param remoteIp the client address
 * @param userAgent the user agent
 * @param country the country code
 */
public record HourlyEvents(
        Kind kind,
        String visitorId,
        String accountId,
        long appId,
        long hour,
        String objectId,
        double numEvents,
        double numMinutes,
        long firstTime,
        long lastTime,
        String remoteIp,
        String userAgent,
        String country) {

    /** What a row counts, with the source it belongs to and its id field. */
    public enum Kind {
        /** Page views: {@code pageEvents}, {@code pageId}. */
        PAGE("pageEvents", "pageId"),
        /** Feature clicks: {@code featureEvents}, {@code featureId}. */
        FEATURE("featureEvents", "featureId"),
        /** Track events: {@code trackEvents}, {@code trackTypeId}. */
        TRACK("trackEvents", "trackTypeId");

        private final String source;
        private final String idField;

        Kind(String source, String idField) {
            this.source = source;
            this.idField = idField;
        }

        /**
         * The aggregation source.
         *
         * @return for example {@code pageEvents}
         */
        public String source() {
            return source;
        }

        /**
         * The id field of the rows.
         *
         * @return for example {@code pageId}
         */
        public String idField() {
            return idField;
        }
    }

    /**
     * The row as its source returns it, with {@code hour} set.
     *
     * @return a fresh mutable map
     */
    public Map<String, Object> toRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("visitorId", visitorId);
        row.put("accountId", accountId);
        row.put("appId", appId);
        row.put("hour", hour);
        row.put(kind.idField(), objectId);
        row.put("numEvents", counter(numEvents));
        row.put("numMinutes", counter(numMinutes));
        row.put("firstTime", firstTime);
        row.put("lastTime", lastTime);
        row.put("remoteIp", remoteIp);
        row.put("server", "app.example.com");
        row.put("userAgent", userAgent);
        row.put("country", country);
        row.put("region", "");
        // Real sources send parameters as an object or, in some subscriptions, as JSON text: both appear here.
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("source", kind == Kind.TRACK ? "server" : "web");
        row.put(
                "parameters",
                (firstTime / 60_000L) % 3 == 0 ? "{\"source\":\"" + parameters.get("source") + "\"}" : parameters);
        row.put("properties", new LinkedHashMap<>());
        return row;
    }

    /** A counter as JSON carries it: a whole number as an integer, a fraction as a double. */
    private static Object counter(double value) {
        return value == Math.rint(value) && Math.abs(value) < 0x1p53 ? (Object) (long) value : (Object) value;
    }
}
