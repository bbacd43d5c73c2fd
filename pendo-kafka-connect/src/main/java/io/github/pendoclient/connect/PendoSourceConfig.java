package io.github.pendoclient.connect;

import io.github.pendoclient.Region;
import io.github.pendoclient.connect.internal.ConfigValidators;
import io.github.pendoclient.connect.internal.SettingRules;
import io.github.pendoclient.connect.internal.SettingRules.Problem;
import io.github.pendoclient.sync.CursorKind;
import io.github.pendoclient.sync.MetadataColumns;
import io.github.pendoclient.sync.Table;
import io.github.pendoclient.sync.TableRegistry;
import io.github.pendoclient.sync.internal.Durations;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The connector's settings, validated when Connect creates or updates the connector: each bad value fails with
 * a message naming the setting, what was wrong and what is accepted. Rules between settings (a window too long for
 * the period) are checked both there and when a connector or task starts, by one method. The integration key is a
 * {@link Type#PASSWORD}, which Connect shows as {@code [hidden]} in its logs; to keep it out of the REST API's
 * connector and task configs too, give it through a config provider ({@code ${file:/etc/pendo.properties:key}}).
 */
public final class PendoSourceConfig extends AbstractConfig {

    /** The Pendo integration key (a password: never logged). */
    public static final String INTEGRATION_KEY = "pendo.integration.key";
    /** The subscription's region: us, us1, eu, jpn or au. */
    public static final String REGION = "pendo.region";
    /** A base URL that replaces the region's (a proxy, or a fake in tests). */
    public static final String BASE_URL = "pendo.base.url";
    /** The app ids to read; empty for every app. */
    public static final String APP_IDS = "pendo.app.ids";
    /** The tables to read. */
    public static final String TABLES = "tables";
    /** The first day of events to read. */
    public static final String START_DATE = "start.date";
    /** Event rows per day or per hour. */
    public static final String PERIOD = "period";
    /** Days or hours per event request. */
    public static final String WINDOW = "window";
    /** How far behind now event windows stop, so late data is read once it settled. */
    public static final String LAG = "lag";
    /** How long a table waits after a finished cycle before it reads again. */
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    /** The topic prefix; a table's topic is the prefix followed by the table's name. */
    public static final String TOPIC_PREFIX = "topic.prefix";
    /** The connector's request budget per Pendo endpoint, shared by its tasks. */
    public static final String REQUESTS_PER_SECOND = "pendo.requests.per.second";
    /** Records returned by one poll at most. */
    public static final String BATCH_SIZE = "batch.size";
    /** {@code typed}: a value field per metadata schema field for visitors and accounts; {@code json}: none. */
    public static final String METADATA_COLUMNS = "metadata.columns";

    /** Days per request at most, the API's limit for a daily time series. */
    public static final int MAX_DAY_WINDOW = 30;
    /** Hours per request at most. */
    public static final int MAX_HOUR_WINDOW = 24 * 7;

    private static final ConfigDef DEF = new ConfigDef()
            .define(
                    INTEGRATION_KEY,
                    Type.PASSWORD,
                    ConfigDef.NO_DEFAULT_VALUE,
                    new ConfigValidators.NonEmptyPassword(),
                    Importance.HIGH,
                    "The Pendo integration key (Settings > Integrations). Aggregations need a key"
                            + " with \"Allow Write Access\". Prefer a config provider, for example"
                            + " ${file:/etc/pendo/key.properties:key}, so the key is not stored in Connect's config"
                            + " topic nor shown by its REST API.")
            .define(
                    REGION,
                    Type.STRING,
                    "us",
                    new ConfigValidators.RegionValidator(),
                    Importance.HIGH,
                    "The subscription's region: " + ConfigValidators.REGIONS + ".")
            .define(
                    BASE_URL,
                    Type.STRING,
                    "",
                    new ConfigValidators.BaseUrlValidator(),
                    Importance.LOW,
                    "A base URL replacing the region's, such as a proxy; empty for the region's own. https, or"
                            + " plain http to a loopback host only (the integration key travels with every request).")
            .define(
                    APP_IDS,
                    Type.LIST,
                    List.of(),
                    new ConfigValidators.AppIdsValidator(),
                    Importance.MEDIUM,
                    "The app ids to read, comma-separated; empty for every app of the subscription.")
            .define(
                    TABLES,
                    Type.LIST,
                    defaultTables(),
                    new ConfigValidators.TablesValidator(),
                    Importance.HIGH,
                    "The tables to read, comma-separated; each becomes a source partition and a topic. Known: "
                            + String.join(", ", supportedTables()) + ".")
            .define(
                    START_DATE,
                    Type.STRING,
                    "",
                    new ConfigValidators.StartDateValidator(),
                    Importance.MEDIUM,
                    "The first day of events, YYYY-MM-DD (UTC); empty for 30 days before the connector starts.")
            .define(
                    PERIOD,
                    Type.STRING,
                    "day",
                    ConfigDef.ValidString.in("day", "hour"),
                    Importance.MEDIUM,
                    "Event rows per day or per hour.")
            .define(
                    WINDOW,
                    Type.INT,
                    0,
                    ConfigDef.Range.between(0, MAX_HOUR_WINDOW),
                    Importance.LOW,
                    "Days (1.." + MAX_DAY_WINDOW + ", with period=day) or hours (1.." + MAX_HOUR_WINDOW + ", with"
                            + " period=hour) per event request; 0 for 1 day or 24 hours.")
            .define(
                    LAG,
                    Type.STRING,
                    "",
                    new ConfigValidators.DurationValidator(true),
                    Importance.LOW,
                    "How far behind now event windows stop, for example 8h; empty for 0 with days, 8h with hours.")
            .define(
                    POLL_INTERVAL_MS,
                    Type.LONG,
                    Duration.ofHours(1).toMillis(),
                    ConfigDef.Range.atLeast(1_000),
                    Importance.MEDIUM,
                    "How long a table waits after a finished cycle before it reads what is new.")
            .define(
                    TOPIC_PREFIX,
                    Type.STRING,
                    "pendo.",
                    new ConfigValidators.TopicPrefixValidator(),
                    Importance.MEDIUM,
                    "Prefix of the topics; a table's topic is the prefix and the table's name.")
            .define(
                    REQUESTS_PER_SECOND,
                    Type.DOUBLE,
                    100.0,
                    ConfigDef.Range.between(0.01, 100.0),
                    Importance.LOW,
                    "Requests per second per Pendo endpoint for the whole connector; each task gets this divided"
                            + " by the number of tasks. Pendo allows about 100.")
            .define(
                    BATCH_SIZE,
                    Type.INT,
                    2_000,
                    ConfigDef.Range.between(1, 100_000),
                    Importance.LOW,
                    "Records returned by one poll at most.")
            .define(
                    METADATA_COLUMNS,
                    Type.STRING,
                    "typed",
                    ConfigDef.ValidString.in("typed", "json"),
                    Importance.MEDIUM,
                    "visitors and accounts: typed for an optional value field per field of Pendo's metadata schema"
                            + " (<group>_<field>, added as the schema grows), json for the metadata JSON field only.");

    /**
     * Parses and validates connector or task properties.
     *
     * @param props the properties
     * @throws ConfigException naming the bad setting and what is accepted
     */
    public PendoSourceConfig(Map<String, String> props) {
        super(DEF, props, false);
        SettingRules.failOnFirst(problemsBetweenSettings(values()));
    }

    /**
     * The rules between settings, checked once each setting passed its own validator: by the constructor (which
     * Connect runs when a connector or task starts) and by {@link PendoSourceConnector#validate(Map)} (which it
     * runs when a connector is created, updated or validated), so the two never disagree.
     *
     * @param parsed the parsed value of each setting that is valid on its own; a missing one skips its rules
     * @return the broken rules, empty when none
     */
    static List<Problem> problemsBetweenSettings(Map<String, ?> parsed) {
        List<Problem> problems = new ArrayList<>();
        if (parsed.get(WINDOW) instanceof Integer window && parsed.get(PERIOD) instanceof String period) {
            int max = "hour".equals(period) ? MAX_HOUR_WINDOW : MAX_DAY_WINDOW;
            if (window > max) {
                problems.add(new Problem(
                        WINDOW,
                        new ConfigException(
                                        WINDOW,
                                        window,
                                        "with " + PERIOD + "="
                                                + period + " the window is 1.." + max + " (or 0 for the default); "
                                                + MAX_HOUR_WINDOW
                                                + " is the most with " + PERIOD + "=hour")
                                .getMessage()));
            }
        }
        return problems;
    }

    /**
     * The definition of every setting, for Connect's validation and documentation.
     *
     * @return the definition
     */
    public static ConfigDef configDef() {
        return DEF;
    }

    /**
     * The tables the connector can read: every table of pendo-sync's registry except per-visitor history,
     * which needs a list of visitors and suits the pendo-sync command better.
     *
     * @return table names in registry order
     */
    public static List<String> supportedTables() {
        List<String> names = new ArrayList<>();
        for (Table table : TableRegistry.standard().tables()) {
            if (table.cursorKind() != CursorKind.VISITOR_DAYS) {
                names.add(table.name());
            }
        }
        return names;
    }

    private static List<String> defaultTables() {
        return supportedTables();
    }

    /**
     * The integration key.
     *
     * @return the key, as a password that prints as {@code [hidden]}
     */
    public Password integrationKey() {
        return getPassword(INTEGRATION_KEY);
    }

    /**
     * The region.
     *
     * @return the region
     */
    public Region region() {
        return Region.parse(getString(REGION));
    }

    /**
     * The base URL replacing the region's.
     *
     * @return the URL, or empty to use the region's
     */
    public Optional<URI> baseUrl() {
        String url = getString(BASE_URL).trim();
        return url.isEmpty() ? Optional.empty() : Optional.of(URI.create(url));
    }

    /**
     * The app ids.
     *
     * @return the ids; empty for every app
     */
    public List<Long> appIds() {
        List<Long> ids = new ArrayList<>();
        for (String id : getList(APP_IDS)) {
            ids.add(Long.parseLong(id.trim()));
        }
        return ids;
    }

    /**
     * The configured tables, in the order given.
     *
     * @return table names
     */
    public List<String> tables() {
        List<String> tables = new ArrayList<>();
        for (String table : getList(TABLES)) {
            String name = table.trim();
            if (!tables.contains(name)) {
                tables.add(name);
            }
        }
        return tables;
    }

    /**
     * The first instant of events.
     *
     * @param clock the clock giving today, for the default of 30 days back
     * @return the start of the start date (UTC)
     */
    public Instant start(Clock clock) {
        String text = getString(START_DATE).trim();
        if (text.isEmpty()) {
            return clock.instant()
                    .truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                    .minus(Duration.ofDays(30));
        }
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * Whether event rows are per hour.
     *
     * @return true for {@code period=hour}
     */
    public boolean hourly() {
        return "hour".equals(getString(PERIOD));
    }

    /**
     * Periods per event request.
     *
     * @return days or hours, at least 1
     */
    public int windowSize() {
        int window = getInt(WINDOW);
        return window > 0 ? window : hourly() ? 24 : 1;
    }

    /**
     * How far behind now event windows stop.
     *
     * @return the lag
     */
    public Duration lag() {
        String text = getString(LAG).trim();
        if (text.isEmpty()) {
            return hourly() ? Duration.ofHours(8) : Duration.ZERO;
        }
        return Durations.parse(LAG, text);
    }

    /**
     * The wait between a table's cycles.
     *
     * @return the interval
     */
    public Duration pollInterval() {
        return Duration.ofMillis(getLong(POLL_INTERVAL_MS));
    }

    /**
     * A table's topic.
     *
     * @param table the table name
     * @return the prefix followed by the name
     */
    public String topic(String table) {
        return getString(TOPIC_PREFIX) + table;
    }

    /**
     * The connector's budget per endpoint.
     *
     * @return requests per second
     */
    public double requestsPerSecond() {
        return getDouble(REQUESTS_PER_SECOND);
    }

    /**
     * How visitors and accounts carry the metadata schema's fields.
     *
     * @return typed value fields, or the metadata JSON only
     */
    public MetadataColumns metadataColumns() {
        return MetadataColumns.parse(getString(METADATA_COLUMNS));
    }

    /**
     * Records per poll at most.
     *
     * @return the batch size
     */
    public int batchSize() {
        return getInt(BATCH_SIZE);
    }
}
