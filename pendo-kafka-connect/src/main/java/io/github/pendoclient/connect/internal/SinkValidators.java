package io.github.pendoclient.connect.internal;

import io.github.pendoclient.Region;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** The sink connector's per-setting validators; each message names the setting, the value and what is accepted. */
public final class SinkValidators {

    /** Pendo's rule for a track property name: letters, digits and _, at most 32, not starting with a digit. */
    public static final Pattern PROPERTY_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,31}");

    private static final String REGIONS = "us, us1, eu, jpn, au";

    private SinkValidators() {}

    /**
     * Accepts a region name.
     *
     * @return the validator
     */
    public static ConfigDef.Validator region() {
        return new Named(REGIONS, (name, value) -> {
            try {
                Region.parse((String) value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, "a region is one of " + REGIONS);
            }
        });
    }

    /**
     * Accepts an https URL, plain http to a loopback host, or empty.
     *
     * @return the validator
     */
    public static ConfigDef.Validator baseUrl() {
        return new ConfigValidators.BaseUrlValidator("the key or shared secret");
    }

    /**
     * Accepts a record field name or dotted path (empty when {@code emptyAllowed}).
     *
     * @param emptyAllowed whether empty means "not used"
     * @return the validator
     */
    public static ConfigDef.Validator fieldPath(boolean emptyAllowed) {
        return new Named(
                emptyAllowed ? "a field name or dotted path, or empty" : "a field name or dotted path",
                (name, value) -> {
                    String text = ((String) value).trim();
                    if (text.isEmpty() && emptyAllowed) {
                        return;
                    }
                    if (text.isEmpty() || text.startsWith(".") || text.endsWith(".") || text.contains("..")) {
                        throw new ConfigException(
                                name,
                                value,
                                "a record field name, or a dotted path into nested fields such as user.id");
                    }
                });
    }

    /**
     * Accepts a track property name.
     *
     * @return the validator
     */
    public static ConfigDef.Validator propertyName() {
        return new Named("letters, digits and _, at most 32, not starting with a digit", (name, value) -> {
            if (!PROPERTY_NAME.matcher((String) value).matches()) {
                throw new ConfigException(
                        name,
                        value,
                        "a track property name is letters, digits and _, at most 32 characters, not starting"
                                + " with a digit");
            }
        });
    }

    /**
     * Accepts a field mapping list: {@code field} or {@code field:target}, targets checked by {@code target}.
     *
     * @param trackProperties whether targets are track property names (else metadata field names)
     * @return the validator
     */
    public static ConfigDef.Validator mapping(boolean trackProperties) {
        return new Named("comma-separated field or field:target entries, or empty for every field", (name, value) -> {
            for (Object entry : (List<?>) value) {
                String text = String.valueOf(entry).trim();
                FieldMapping.Entry parsed;
                try {
                    parsed = FieldMapping.parseEntry(text);
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(name, value, e.getMessage());
                }
                if (trackProperties && !PROPERTY_NAME.matcher(parsed.target()).matches()) {
                    throw new ConfigException(
                            name,
                            value,
                            "'" + parsed.target() + "' is not a valid track property name (letters, digits and _,"
                                    + " at most 32 characters, not starting with a digit); map it to one with"
                                    + " field:property");
                }
            }
        });
    }

    /** A check with a description for Connect's documentation. */
    private interface Check {
        void ensureValid(String name, Object value);
    }

    private record Named(String description, Check check) implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            check.ensureValid(name, value);
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
