package io.github.pendoclient.connect.internal;

import io.github.pendoclient.Region;
import io.github.pendoclient.connect.PendoSourceConfig;
import io.github.pendoclient.internal.Hosts;
import io.github.pendoclient.sync.TableRegistry;
import io.github.pendoclient.sync.internal.Durations;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The validators of the connector's settings ({@link PendoSourceConfig}), one per kind of value: each fails with a
 * {@link ConfigException} naming the setting, what was wrong and what is accepted.
 */
public final class ConfigValidators {

    /** The regions, for messages. */
    public static final String REGIONS = "us, us1, eu, jpn, au";

    private ConfigValidators() {}

    /** The integration key: present and not blank. */
    public static final class NonEmptyPassword implements ConfigDef.Validator {

        /** A validator. */
        public NonEmptyPassword() {}

        @Override
        public void ensureValid(String name, Object value) {
            if (value == null || ((Password) value).value().isBlank()) {
                throw new ConfigException(name + " is required: the Pendo integration key, or a config provider"
                        + " reference to it such as ${file:/etc/pendo/key.properties:key}");
            }
        }

        @Override
        public String toString() {
            return "a non-empty integration key";
        }
    }

    /** A region Pendo has: us, us1, eu, jpn or au. */
    public static final class RegionValidator implements ConfigDef.Validator {

        /** A validator. */
        public RegionValidator() {}

        @Override
        public void ensureValid(String name, Object value) {
            try {
                Region.parse((String) value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, "a region is one of " + REGIONS);
            }
        }

        @Override
        public String toString() {
            return REGIONS;
        }
    }

    /** A base URL: https, or plain http to a loopback address only (a credential travels with every request). */
    public static final class BaseUrlValidator implements ConfigDef.Validator {

        private final String credentials;

        /** A validator for the source connector, whose requests carry the integration key. */
        public BaseUrlValidator() {
            this("the integration key");
        }

        /**
         * A validator whose refusal names what would travel in clear text.
         *
         * @param credentials the credentials the requests carry, for example {@code "the key or shared secret"}
         */
        public BaseUrlValidator(String credentials) {
            this.credentials = credentials;
        }

        @Override
        public void ensureValid(String name, Object value) {
            String text = ((String) value).trim();
            if (text.isEmpty()) {
                return;
            }
            URI uri;
            try {
                uri = URI.create(text);
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            String scheme = uri == null || uri.getScheme() == null
                    ? ""
                    : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri == null || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                throw new ConfigException(
                        name,
                        value,
                        "an https URL such as https://pendo-proxy.internal:8443," + " or empty for the region's");
            }
            if (scheme.equals("http") && !Hosts.isLoopback(uri.getHost())) {
                throw new ConfigException(
                        name,
                        value,
                        name + " must be https: over http " + credentials + " would travel in clear text to "
                                + uri.getHost() + ". The connector sends plain http only to a loopback address"
                                + " (an IPv4 literal in 127.0.0.0/8, such as 127.0.0.1), for example a proxy on the"
                                + " worker's own machine; give an https URL, or leave " + name
                                + " empty for the region's");
            }
        }

        @Override
        public String toString() {
            return "an https URL (http only to a loopback host), or empty";
        }
    }

    /** App ids: integers. */
    public static final class AppIdsValidator implements ConfigDef.Validator {

        /** A validator. */
        public AppIdsValidator() {}

        @Override
        public void ensureValid(String name, Object value) {
            for (Object id : (List<?>) value) {
                try {
                    Long.parseLong(String.valueOf(id).trim());
                } catch (NumberFormatException e) {
                    throw new ConfigException(
                            name,
                            value,
                            "app ids are integers, such as -323232 or" + " 5629499534213120; '" + id + "' is not");
                }
            }
        }

        @Override
        public String toString() {
            return "comma-separated integers";
        }
    }

    /** Table names the connector can read. */
    public static final class TablesValidator implements ConfigDef.Validator {

        /** A validator. */
        public TablesValidator() {}

        @Override
        public void ensureValid(String name, Object value) {
            List<?> tables = (List<?>) value;
            if (tables.isEmpty()) {
                throw new ConfigException(
                        name, value, "name at least one table: " + PendoSourceConfig.supportedTables());
            }
            for (Object table : tables) {
                String text = String.valueOf(table).trim();
                if (!PendoSourceConfig.supportedTables().contains(text)) {
                    String hint = TableRegistry.standard().find(text).isPresent()
                            ? "; " + text + " reads per-visitor history, which the pendo-sync command does"
                            : "";
                    throw new ConfigException(
                            name,
                            value,
                            "unknown table '" + text + "'" + hint + "; the tables" + " are "
                                    + String.join(", ", PendoSourceConfig.supportedTables()));
                }
            }
        }

        @Override
        public String toString() {
            return String.join(", ", PendoSourceConfig.supportedTables());
        }
    }

    /** A day as YYYY-MM-DD, or empty. */
    public static final class StartDateValidator implements ConfigDef.Validator {

        /** A validator. */
        public StartDateValidator() {}

        @Override
        public void ensureValid(String name, Object value) {
            String text = ((String) value).trim();
            if (text.isEmpty()) {
                return;
            }
            try {
                LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new ConfigException(
                        name, value, "a day as YYYY-MM-DD, such as 2024-01-31, or empty for 30" + " days back");
            }
        }

        @Override
        public String toString() {
            return "YYYY-MM-DD, or empty";
        }
    }

    /** A duration in pendo-sync's one grammar. */
    public static final class DurationValidator implements ConfigDef.Validator {
        private final boolean emptyAllowed;

        /**
         * A validator of durations.
         *
         * @param emptyAllowed whether an empty value passes
         */
        public DurationValidator(boolean emptyAllowed) {
            this.emptyAllowed = emptyAllowed;
        }

        @Override
        public void ensureValid(String name, Object value) {
            String text = ((String) value).trim();
            if (text.isEmpty() && emptyAllowed) {
                return;
            }
            try {
                Durations.parse(name, text);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "a duration such as " + Durations.EXAMPLES;
        }
    }

    /** A topic prefix: letters, digits, '.', '_' and '-'. */
    public static final class TopicPrefixValidator implements ConfigDef.Validator {

        /** A validator. */
        public TopicPrefixValidator() {}

        private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]*");

        @Override
        public void ensureValid(String name, Object value) {
            if (!LEGAL.matcher((String) value).matches()) {
                throw new ConfigException(name, value, "topic names use letters, digits, '.', '_' and '-' only");
            }
        }

        @Override
        public String toString() {
            return "letters, digits, '.', '_', '-'";
        }
    }
}
