package io.github.pendoclient.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule {@link PendoSinkConfig} applies when a connector or task starts is also reported by the sink
 * connector's {@code validate()}, on the setting it concerns, and a config that validates also starts.
 */
class PendoSinkValidationTest {

    private static Map<String, String> track() {
        Map<String, String> props = new HashMap<>();
        props.put(PendoSinkConfig.MODE, "track");
        props.put(PendoSinkConfig.SHARED_SECRET, "test-shared-secret");
        props.put("topics", "events");
        return props;
    }

    private static Map<String, String> metadata() {
        Map<String, String> props = new HashMap<>();
        props.put(PendoSinkConfig.MODE, "metadata");
        props.put(PendoSinkConfig.INTEGRATION_KEY, "test-integration-key");
        props.put("topics", "profiles");
        return props;
    }

    /** Base settings, the setting under test and its bad value (null: left out), and what the message says. */
    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of(track(), PendoSinkConfig.MODE, null, "pendo.mode"),
                Arguments.of(track(), PendoSinkConfig.MODE, "events", "one of: track, metadata"),
                Arguments.of(track(), PendoSinkConfig.SHARED_SECRET, null, "required with pendo.mode=track"),
                Arguments.of(track(), PendoSinkConfig.SHARED_SECRET, " ", "Track Event shared secret"),
                Arguments.of(metadata(), PendoSinkConfig.INTEGRATION_KEY, null, "required with pendo.mode=metadata"),
                Arguments.of(track(), PendoSinkConfig.REGION, "mars", "us, us1, eu, jpn, au"),
                Arguments.of(track(), PendoSinkConfig.BASE_URL, "ftp://pendo", "https URL such as"),
                Arguments.of(track(), PendoSinkConfig.BASE_URL, "http://example.com", "must be https"),
                Arguments.of(track(), PendoSinkConfig.REQUESTS_PER_SECOND, "0", "at least 0.01"),
                Arguments.of(track(), PendoSinkConfig.MAX_IN_FLIGHT, "0", "at least 1"),
                Arguments.of(track(), PendoSinkConfig.MAX_BUFFERED_RECORDS, "5", "at least 10"),
                Arguments.of(track(), PendoSinkConfig.TRACK_VISITOR_ID_FIELD, "", "a record field name"),
                Arguments.of(track(), PendoSinkConfig.TRACK_TIMESTAMP_FIELD, "user..time", "dotted path"),
                Arguments.of(track(), PendoSinkConfig.TRACK_EVENT_NAME_FIELD, "", "set track.event.name"),
                Arguments.of(track(), PendoSinkConfig.TRACK_PROPERTIES, "plan:a:b", "write field or field:target"),
                Arguments.of(track(), PendoSinkConfig.TRACK_PROPERTIES, "plan:plan-tier", "track property name"),
                Arguments.of(track(), PendoSinkConfig.TRACK_EVENT_ID, "offset", "one of: key, field, none"),
                Arguments.of(track(), PendoSinkConfig.TRACK_EVENT_ID_FIELD, "", "required with track.event.id=field"),
                Arguments.of(track(), PendoSinkConfig.TRACK_EVENT_ID_PROPERTY, "1st", "track property name"),
                Arguments.of(track(), PendoSinkConfig.TRACK_VALIDATION, "loose", "one of: strict, lenient"),
                Arguments.of(metadata(), PendoSinkConfig.METADATA_KIND, "user", "one of: visitor, account"),
                Arguments.of(metadata(), PendoSinkConfig.METADATA_GROUP, "", "a record field name"),
                Arguments.of(metadata(), PendoSinkConfig.METADATA_FIELDS, ":plan", "write field or field:target"),
                Arguments.of(metadata(), PendoSinkConfig.METADATA_BATCH_SIZE, "0", "at least 1"),
                Arguments.of(metadata(), PendoSinkConfig.METADATA_BATCH_SIZE, "6000", "no more than 5000"));
    }

    @ParameterizedTest(name = "{1}={2}")
    @MethodSource("rules")
    void aBrokenRuleIsReportedByValidateOnItsSettingAndRefusedAtStart(
            Map<String, String> base, String setting, String value, String expected) {
        Map<String, String> props = new HashMap<>(base);
        if (value == null) {
            props.remove(setting);
        } else {
            props.put(setting, value);
        }
        if (setting.equals(PendoSinkConfig.TRACK_EVENT_NAME_FIELD)) {
            props.put(PendoSinkConfig.TRACK_EVENT_NAME, "");
        }
        if (setting.equals(PendoSinkConfig.TRACK_EVENT_ID_FIELD)) {
            props.put(PendoSinkConfig.TRACK_EVENT_ID, "field");
        }
        Config config = new PendoSinkConnector().validate(props);
        ConfigValue reported = config.configValues().stream()
                .filter(v -> v.name().equals(setting))
                .findFirst()
                .orElseThrow();
        assertThat(reported.errorMessages())
                .as(setting)
                .anySatisfy(m -> assertThat(m).contains(expected));
        assertThatThrownBy(() -> new PendoSinkConfig(props))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void aValidConfigOfEitherModeValidatesWithoutErrorsAndStarts() {
        for (Map<String, String> props : List.of(track(), metadata())) {
            Config config = new PendoSinkConnector().validate(props);
            assertThat(config.configValues())
                    .allSatisfy(v -> assertThat(v.errorMessages()).as(v.name()).isEmpty());
            new PendoSinkConnector().start(props);
        }
    }

    @Test
    void theCredentialsArePasswordsThatNeitherValidateNorTheConfigPrints() {
        ConfigDef def = PendoSinkConfig.configDef();
        assertThat(def.configKeys().get(PendoSinkConfig.SHARED_SECRET).type).isEqualTo(ConfigDef.Type.PASSWORD);
        assertThat(def.configKeys().get(PendoSinkConfig.INTEGRATION_KEY).type).isEqualTo(ConfigDef.Type.PASSWORD);
        PendoSinkConfig config = new PendoSinkConfig(track());
        assertThat(config.credential().value()).isEqualTo("test-shared-secret");
        assertThat(config.credential().toString()).doesNotContain("test-shared-secret");
        assertThat(config.toString()).doesNotContain("test-shared-secret");
        Config validated = new PendoSinkConnector().validate(track());
        assertThat(validated.configValues().toString()).doesNotContain("test-shared-secret");
    }

    @Test
    void eachTaskGetsTheConnectorsSettingsAndTheTaskCountButTheSecretOnlyAsGiven() {
        Map<String, String> props = track();
        props.put(PendoSinkConfig.SHARED_SECRET, "${file:/etc/pendo/track.properties:secret}");
        PendoSinkConnector connector = new PendoSinkConnector();
        connector.start(props);
        List<Map<String, String>> tasks = connector.taskConfigs(3);
        assertThat(tasks).hasSize(3).allSatisfy(task -> {
            assertThat(task.get(PendoSinkTask.TASK_COUNT)).isEqualTo("3");
            assertThat(task.get(PendoSinkConfig.SHARED_SECRET)).isEqualTo("${file:/etc/pendo/track.properties:secret}");
        });
    }
}
