package io.github.pendoclient.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.PendoClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every rule {@link PendoSourceConfig} applies when a connector or task starts is also reported by the connector's
 * {@code validate()} (what Connect runs on {@code PUT .../config} and {@code .../config/validate}), on the setting it
 * concerns, in the words of the settings.
 */
class PendoSourceValidationTest {

    private static Map<String, String> valid() {
        Map<String, String> props = new HashMap<>();
        props.put(PendoSourceConfig.INTEGRATION_KEY, "test-integration-key");
        return props;
    }

    /** A setting, its bad value (null: left out), other settings it needs, and what the message must say. */
    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of(PendoSourceConfig.INTEGRATION_KEY, null, Map.of(), "pendo.integration.key"),
                Arguments.of(PendoSourceConfig.INTEGRATION_KEY, " ", Map.of(), "config provider"),
                Arguments.of(PendoSourceConfig.REGION, "mars", Map.of(), "us, us1, eu, jpn, au"),
                Arguments.of(PendoSourceConfig.BASE_URL, "ftp://pendo", Map.of(), "https URL such as"),
                Arguments.of(PendoSourceConfig.BASE_URL, "not a url", Map.of(), "https URL such as"),
                Arguments.of(
                        PendoSourceConfig.BASE_URL, "http://example.com", Map.of(), "pendo.base.url must be https"),
                Arguments.of(
                        PendoSourceConfig.BASE_URL,
                        "http://10.0.0.7:8080",
                        Map.of(),
                        "plain http only to a loopback address"),
                Arguments.of(PendoSourceConfig.APP_IDS, "-323232,web", Map.of(), "'web'"),
                Arguments.of(PendoSourceConfig.TABLES, "", Map.of(), "at least one table"),
                Arguments.of(PendoSourceConfig.TABLES, "visitors,vistors", Map.of(), "'vistors'"),
                Arguments.of(PendoSourceConfig.TABLES, "visitor_history", Map.of(), "pendo-sync"),
                Arguments.of(PendoSourceConfig.START_DATE, "31/01/2024", Map.of(), "YYYY-MM-DD"),
                Arguments.of(PendoSourceConfig.PERIOD, "week", Map.of(), "day, hour"),
                Arguments.of(PendoSourceConfig.WINDOW, "-1", Map.of(), "at least 0"),
                Arguments.of(PendoSourceConfig.WINDOW, "500", Map.of(), "no more than 168"),
                Arguments.of(
                        PendoSourceConfig.WINDOW,
                        "100",
                        Map.of(PendoSourceConfig.PERIOD, "day"),
                        "with period=day the window is 1..30"),
                Arguments.of(PendoSourceConfig.WINDOW, "31", Map.of(), "with period=day the window is 1..30"),
                Arguments.of(PendoSourceConfig.LAG, "soon", Map.of(), "8h"),
                Arguments.of(PendoSourceConfig.LAG, "-PT1H", Map.of(), "not negative"),
                Arguments.of(PendoSourceConfig.POLL_INTERVAL_MS, "10", Map.of(), "at least 1000"),
                Arguments.of(PendoSourceConfig.TOPIC_PREFIX, "pendo events.", Map.of(), "letters, digits"),
                Arguments.of(PendoSourceConfig.REQUESTS_PER_SECOND, "0", Map.of(), "at least 0.01"),
                Arguments.of(PendoSourceConfig.REQUESTS_PER_SECOND, "500", Map.of(), "no more than 100"),
                Arguments.of(PendoSourceConfig.BATCH_SIZE, "0", Map.of(), "at least 1"),
                Arguments.of(PendoSourceConfig.METADATA_COLUMNS, "wide", Map.of(), "typed, json"));
    }

    @ParameterizedTest(name = "{0}={1} {2}")
    @MethodSource("rules")
    void validateReportsEveryRuleThatStartAppliesOnItsSetting(
            String setting, String value, Map<String, String> others, String says) {
        Map<String, String> props = valid();
        props.putAll(others);
        if (value == null) {
            props.remove(setting);
        } else {
            props.put(setting, value);
        }

        Config validated = new PendoSourceConnector().validate(props);
        for (ConfigValue v : validated.configValues()) {
            if (v.name().equals(setting)) {
                assertThat(v.errorMessages())
                        .as("validate() on " + setting)
                        .anySatisfy(m ->
                                assertThat(m).contains(setting).contains(says).doesNotContain("allowInsecureHttp"));
            } else {
                assertThat(v.errorMessages()).as("validate() on " + v.name()).isEmpty();
            }
        }
        assertThatThrownBy(() -> new PendoSourceConfig(props))
                .as("start")
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(setting)
                .hasMessageContaining(says)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("allowInsecureHttp"));
    }

    @Test
    void aValidConfigPassesValidationWithoutAnyMessage() {
        Map<String, String> props = valid();
        props.put(PendoSourceConfig.PERIOD, "hour");
        props.put(PendoSourceConfig.WINDOW, "100");
        props.put(PendoSourceConfig.BASE_URL, "https://pendo-proxy.internal:8443");
        Config validated = new PendoSourceConnector().validate(props);
        assertThat(validated.configValues())
                .allSatisfy(v -> assertThat(v.errorMessages()).as(v.name()).isEmpty());
        assertThat(new PendoSourceConfig(props).windowSize()).isEqualTo(100);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080",
                "http://localhost:9000",
                "http://[::1]:8080",
                "http://pendo.localhost",
                "https://example.com"
            })
    void plainHttpToALoopbackHostIsAcceptedAsTheClientAcceptsIt(String url) {
        Map<String, String> props = valid();
        props.put(PendoSourceConfig.BASE_URL, url);
        assertThat(new PendoSourceConnector().validate(props).configValues())
                .allSatisfy(v -> assertThat(v.errorMessages()).as(v.name()).isEmpty());
        // What validation accepts, the task's client accepts: no failure left for start.
        try (PendoClient client = PendoClient.builder()
                .integrationKey("test-integration-key")
                .baseUrl(new PendoSourceConfig(props).baseUrl().orElseThrow())
                .build()) {
            assertThat(client.baseUrl().getHost()).isNotNull();
        }
    }

    @Test
    void theSettingsOfEveryRuleAreDefinedSettings() {
        assertThat(rules().map(a -> (String) a.get()[0]).distinct().toList())
                .allSatisfy(name ->
                        assertThat(PendoSourceConfig.configDef().names()).contains(name))
                .containsAll(List.copyOf(PendoSourceConfig.configDef().names()));
    }
}
