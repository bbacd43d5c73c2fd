package io.github.pendoclient.model;

import java.time.Instant;
import java.util.Map;

/**
 * A visitor or an account: an id and metadata groups ({@code agent}, {@code auto}, {@code auto__<appId>},
 * {@code custom}, {@code pendo}, {@code salesforce}, ...), whose field names Pendo writes in lower case.
 */
public interface MetadataHolder extends PendoObject {

    /**
     * The metadata groups.
     *
     * @return group name to field name to value; empty when absent
     */
    Map<String, Map<String, Object>> metadata();

    /**
     * One metadata group.
     *
     * @param group the group name, for example {@code agent}
     * @return field name to value; empty when absent
     */
    default Map<String, Object> group(String group) {
        Map<String, Map<String, Object>> metadata = metadata();
        if (metadata == null) {
            return Map.of();
        }
        Map<String, Object> fields = metadata.get(group);
        return fields == null ? Map.of() : fields;
    }

    /**
     * The per-app automatic group. Pendo writes it without the sign of the app id (the default app {@code -323232}
     * has {@code auto__323232}); this looks that spelling up first, then {@code auto__<appId>} with the sign.
     *
     * @param appId the app id
     * @return field name to value; empty when absent under both spellings
     */
    default Map<String, Object> autoForApp(long appId) {
        String unsigned = Long.toString(appId).replace("-", "");
        Map<String, Object> fields = group("auto__" + unsigned);
        return fields.isEmpty() && appId < 0 ? group("auto__" + appId) : fields;
    }

    /**
     * {@code metadata.auto.lastupdated}, the cursor sync jobs use.
     *
     * @return the time, or null when absent or 0 (Pendo's "never")
     */
    default Instant lastUpdated() {
        Object value = group("auto").get("lastupdated");
        return value instanceof Number number && number.longValue() != 0
                ? Instant.ofEpochMilli(number.longValue())
                : null;
    }
}
