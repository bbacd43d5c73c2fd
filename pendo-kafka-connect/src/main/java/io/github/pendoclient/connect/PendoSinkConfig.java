package io.github.pendoclient.connect;

import io.github.pendoclient.Region;
import io.github.pendoclient.connect.internal.SettingRules;
import io.github.pendoclient.connect.internal.SettingRules.Problem;
import io.github.pendoclient.connect.internal.SinkValidators;
import java.net.URI;
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
 * The sink connector's settings, validated when Connect creates or updates the connector: each bad value fails with
 * a message naming the setting, what was wrong and what is accepted. Rules between settings (the credential a mode
 * needs, an event id field for {@code track.event.id=field}) are checked both there and when a connector or task
 * starts, by one method. The integration key and the shared secret are {@link Type#PASSWORD}s, shown as
 * {@code [hidden]} in Connect's logs; to keep them out of the REST API too, give them through a config provider
 * ({@code ${file:/etc/pendo.properties:secret}}).
 */
public final class PendoSinkConfig extends AbstractConfig {

    /** {@code track} (a record is one track event) or {@code metadata} (a record updates one visitor or account). */
    public static final String MODE = "pendo.mode";
    /** The Pendo integration key, for {@code metadata} mode (a password: never logged). */
    public static final String INTEGRATION_KEY = "pendo.integration.key";
    /** The app's Track Event shared secret, for {@code track} mode (a password: never logged). */
    public static final String SHARED_SECRET = "pendo.track.shared.secret";
    /** The subscription's region: us, us1, eu, jpn or au. */
    public static final String REGION = "pendo.region";
    /** A base URL that replaces the region's API host (metadata) or data host (track). */
    public static final String BASE_URL = "pendo.base.url";
    /** The connector's request budget per Pendo endpoint, shared by its tasks. */
    public static final String REQUESTS_PER_SECOND = "pendo.requests.per.second";
    /** Requests in flight at once per task. */
    public static final String MAX_IN_FLIGHT = "pendo.max.in.flight";
    /** Records a task holds before Pendo accepted them, at most; then put() backs off. */
    public static final String MAX_BUFFERED_RECORDS = "max.buffered.records";

    /** Track: a fixed event name for every record; empty to read it from a field. */
    public static final String TRACK_EVENT_NAME = "track.event.name";
    /** Track: the field holding the event name. */
    public static final String TRACK_EVENT_NAME_FIELD = "track.event.name.field";
    /** Track: the field holding the visitor id. */
    public static final String TRACK_VISITOR_ID_FIELD = "track.visitor.id.field";
    /** Track: the field holding the account id; a record without it sends no account id. */
    public static final String TRACK_ACCOUNT_ID_FIELD = "track.account.id.field";
    /** Track: the field holding the event time; a record without it uses the record's timestamp. */
    public static final String TRACK_TIMESTAMP_FIELD = "track.timestamp.field";
    /** Track: the fields that become properties; empty for every field not used otherwise. */
    public static final String TRACK_PROPERTIES = "track.properties.fields";
    /** Track: where the unique event id comes from: key, field or none. */
    public static final String TRACK_EVENT_ID = "track.event.id";
    /** Track: the field holding the unique event id, with {@code track.event.id=field}. */
    public static final String TRACK_EVENT_ID_FIELD = "track.event.id.field";
    /** Track: the property that carries the unique event id. */
    public static final String TRACK_EVENT_ID_PROPERTY = "track.event.id.property";
    /** Track: strict (refuse events Pendo would ignore) or lenient (send them with a warning). */
    public static final String TRACK_VALIDATION = "track.validation";

    /** Metadata: visitor or account. */
    public static final String METADATA_KIND = "metadata.kind";
    /** Metadata: the metadata group, normally custom or agent. */
    public static final String METADATA_GROUP = "metadata.group";
    /** Metadata: the field holding the visitor or account id; empty for the record key. */
    public static final String METADATA_ID_FIELD = "metadata.id.field";
    /** Metadata: the fields that become metadata fields; empty for every field but the id. */
    public static final String METADATA_FIELDS = "metadata.fields";
    /** Metadata: whether unknown visitors or accounts are created. */
    public static final String METADATA_CREATE = "metadata.create";
    /** Metadata: rows per bulk request. */
    public static final String METADATA_BATCH_SIZE = "metadata.batch.size";

    /** The value of {@link #MODE} for track events. */
    public static final String TRACK = "track";
    /** The value of {@link #MODE} for metadata updates. */
    public static final String METADATA = "metadata";

    private static final ConfigDef DEF = new ConfigDef()
            .define(
                    MODE,
                    Type.STRING,
                    ConfigDef.NO_DEFAULT_VALUE,
                    ConfigDef.ValidString.in(TRACK, METADATA),
                    Importance.HIGH,
                    "track: each record is one track event. metadata: each record updates one visitor's or"
                            + " account's metadata fields.")
            .define(
                    INTEGRATION_KEY,
                    Type.PASSWORD,
                    null,
                    Importance.HIGH,
                    "The Pendo integration key with write access, for mode=metadata. Prefer a config provider,"
                            + " such as ${file:/etc/pendo/key.properties:key}.")
            .define(
                    SHARED_SECRET,
                    Type.PASSWORD,
                    null,
                    Importance.HIGH,
                    "The app's Track Event shared secret, for mode=track (not the integration key). Prefer a config"
                            + " provider, such as ${file:/etc/pendo/track.properties:secret}.")
            .define(REGION, Type.STRING, "us", SinkValidators.region(), Importance.HIGH, "The region.")
            .define(
                    BASE_URL,
                    Type.STRING,
                    "",
                    SinkValidators.baseUrl(),
                    Importance.LOW,
                    "A base URL replacing the region's API host (metadata) or data host (track), such as a proxy;"
                            + " https, or plain http to a loopback host only.")
            .define(
                    REQUESTS_PER_SECOND,
                    Type.DOUBLE,
                    100.0,
                    ConfigDef.Range.between(0.01, 10_000.0),
                    Importance.LOW,
                    "Requests per second per Pendo endpoint for the whole connector; each task gets this divided"
                            + " by tasks.max. Pendo documents about 100 per endpoint; go higher only towards a proxy"
                            + " or a test server that allows it.")
            .define(
                    MAX_IN_FLIGHT,
                    Type.INT,
                    4,
                    ConfigDef.Range.between(1, 64),
                    Importance.LOW,
                    "Track requests in flight at once per task (metadata sends one bulk request at a time).")
            .define(
                    MAX_BUFFERED_RECORDS,
                    Type.INT,
                    10_000,
                    ConfigDef.Range.between(10, 1_000_000),
                    Importance.LOW,
                    "Records a task holds until Pendo accepted them; beyond this put() waits briefly, then asks"
                            + " Connect to pause and redeliver, so a worker thread is never blocked for long.")
            .define(
                    TRACK_EVENT_NAME,
                    Type.STRING,
                    "",
                    Importance.MEDIUM,
                    "A fixed event name for every record; empty to read it from track.event.name.field.")
            .define(
                    TRACK_EVENT_NAME_FIELD,
                    Type.STRING,
                    "event",
                    SinkValidators.fieldPath(true),
                    Importance.MEDIUM,
                    "The field with the event name.")
            .define(
                    TRACK_VISITOR_ID_FIELD,
                    Type.STRING,
                    "visitorId",
                    SinkValidators.fieldPath(false),
                    Importance.HIGH,
                    "The field with the visitor id (required in every record).")
            .define(
                    TRACK_ACCOUNT_ID_FIELD,
                    Type.STRING,
                    "accountId",
                    SinkValidators.fieldPath(true),
                    Importance.MEDIUM,
                    "The field with the account id; a record without it sends none. Empty for no account id.")
            .define(
                    TRACK_TIMESTAMP_FIELD,
                    Type.STRING,
                    "timestamp",
                    SinkValidators.fieldPath(true),
                    Importance.MEDIUM,
                    "The field with the event time (Timestamp, epoch ms or ISO-8601); a record without it uses the"
                            + " Kafka record's timestamp.")
            .define(
                    TRACK_PROPERTIES,
                    Type.LIST,
                    List.of(),
                    SinkValidators.mapping(true),
                    Importance.MEDIUM,
                    "The fields that become event properties, as field or field:property (dotted paths allowed);"
                            + " empty for every top-level field not used for the name, ids or time.")
            .define(
                    TRACK_EVENT_ID,
                    Type.STRING,
                    "key",
                    ConfigDef.ValidString.in("key", "field", "none"),
                    Importance.MEDIUM,
                    "The unique event id, sent as the property track.event.id.property: the record key, the field"
                            + " track.event.id.field, or none.")
            .define(
                    TRACK_EVENT_ID_FIELD,
                    Type.STRING,
                    "",
                    SinkValidators.fieldPath(true),
                    Importance.LOW,
                    "The field with the unique event id, for track.event.id=field.")
            .define(
                    TRACK_EVENT_ID_PROPERTY,
                    Type.STRING,
                    "event_id",
                    SinkValidators.propertyName(),
                    Importance.LOW,
                    "The property carrying the unique event id.")
            .define(
                    TRACK_VALIDATION,
                    Type.STRING,
                    "strict",
                    ConfigDef.ValidString.in("strict", "lenient"),
                    Importance.LOW,
                    "strict: an event Pendo would ignore (older than 7 days, properties over 512 bytes) goes to the"
                            + " dead letter queue; lenient: it is sent with a warning.")
            .define(
                    METADATA_KIND,
                    Type.STRING,
                    "visitor",
                    ConfigDef.ValidString.in("visitor", "account"),
                    Importance.HIGH,
                    "Whose metadata the records update.")
            .define(
                    METADATA_GROUP,
                    Type.STRING,
                    "custom",
                    SinkValidators.fieldPath(false),
                    Importance.HIGH,
                    "The metadata group, normally custom or agent. Values are typed by the group's schema.")
            .define(
                    METADATA_ID_FIELD,
                    Type.STRING,
                    "",
                    SinkValidators.fieldPath(true),
                    Importance.HIGH,
                    "The field with the visitor or account id; empty for the record key.")
            .define(
                    METADATA_FIELDS,
                    Type.LIST,
                    List.of(),
                    SinkValidators.mapping(false),
                    Importance.MEDIUM,
                    "The fields that become metadata fields, as field or field:pendoField; empty for every"
                            + " top-level field but the id.")
            .define(
                    METADATA_CREATE,
                    Type.BOOLEAN,
                    false,
                    Importance.MEDIUM,
                    "Create visitors or accounts Pendo does not know (create=true); otherwise their records go to"
                            + " the dead letter queue as missing.")
            .define(
                    METADATA_BATCH_SIZE,
                    Type.INT,
                    500,
                    ConfigDef.Range.between(1, 5_000),
                    Importance.LOW,
                    "Rows per bulk metadata request.");

    /**
     * Parses and validates connector or task properties.
     *
     * @param props the properties
     * @throws ConfigException naming the bad setting and what is accepted
     */
    public PendoSinkConfig(Map<String, String> props) {
        super(DEF, props, false);
        SettingRules.failOnFirst(problemsBetweenSettings(values()));
    }

    /**
     * The rules between settings, checked by the constructor and by {@link PendoSinkConnector#validate(Map)}.
     *
     * @param parsed the parsed value of each setting that is valid on its own; a missing one skips its rules
     * @return the broken rules, empty when none
     */
    static List<Problem> problemsBetweenSettings(Map<String, ?> parsed) {
        List<Problem> problems = new ArrayList<>();
        Object mode = parsed.get(MODE);
        if (TRACK.equals(mode) && blank(parsed.get(SHARED_SECRET))) {
            problems.add(new Problem(
                    SHARED_SECRET,
                    SHARED_SECRET + " is required with " + MODE + "=track: the app's Track Event shared secret"
                            + " (Subscription Settings > the app > App Details), or a config provider reference to"
                            + " it such as ${file:/etc/pendo/track.properties:secret}"));
        }
        if (METADATA.equals(mode) && blank(parsed.get(INTEGRATION_KEY))) {
            problems.add(new Problem(
                    INTEGRATION_KEY,
                    INTEGRATION_KEY + " is required with " + MODE + "=metadata: an integration key with write"
                            + " access, or a config provider reference to it such as"
                            + " ${file:/etc/pendo/key.properties:key}"));
        }
        if (TRACK.equals(mode)
                && "".equals(trimmed(parsed.get(TRACK_EVENT_NAME)))
                && "".equals(trimmed(parsed.get(TRACK_EVENT_NAME_FIELD)))) {
            problems.add(new Problem(
                    TRACK_EVENT_NAME_FIELD,
                    "with " + MODE + "=track, set " + TRACK_EVENT_NAME + " (one name for every record) or "
                            + TRACK_EVENT_NAME_FIELD + " (the field with the name)"));
        }
        if ("field".equals(parsed.get(TRACK_EVENT_ID)) && "".equals(trimmed(parsed.get(TRACK_EVENT_ID_FIELD)))) {
            problems.add(new Problem(
                    TRACK_EVENT_ID_FIELD,
                    TRACK_EVENT_ID_FIELD + " is required with " + TRACK_EVENT_ID + "=field: the field with each"
                            + " record's unique event id"));
        }
        return problems;
    }

    private static boolean blank(Object password) {
        return !(password instanceof Password p)
                || p.value() == null
                || p.value().isBlank();
    }

    private static String trimmed(Object text) {
        return text instanceof String s ? s.trim() : null;
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
     * Whether records become track events.
     *
     * @return true for {@code pendo.mode=track}, false for {@code metadata}
     */
    public boolean trackMode() {
        return TRACK.equals(getString(MODE));
    }

    /**
     * The credential of the mode: the shared secret for track, the integration key for metadata.
     *
     * @return the credential, as a password that prints as {@code [hidden]}
     */
    public Password credential() {
        return getPassword(trackMode() ? SHARED_SECRET : INTEGRATION_KEY);
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
     * The connector's budget per endpoint.
     *
     * @return requests per second
     */
    public double requestsPerSecond() {
        return getDouble(REQUESTS_PER_SECOND);
    }

    /**
     * A setting's text, trimmed.
     *
     * @param name the setting
     * @return its value without surrounding spaces; empty when not set
     */
    public String text(String name) {
        String value = getString(name);
        return value == null ? "" : value.trim();
    }
}
