package io.github.pendoclient.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class PendoSourceConfigTest {

    private static Map<String, String> valid() {
        Map<String, String> props = new HashMap<>();
        props.put(PendoSourceConfig.INTEGRATION_KEY, "test-integration-key");
        return props;
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> props = valid();
        props.put(key, value);
        return props;
    }

    @Test
    void defaultsReadEveryTableButVisitorHistoryDailyFromThirtyDaysBack() {
        PendoSourceConfig config = new PendoSourceConfig(valid());
        assertThat(config.tables())
                .contains("features", "visitors", "accounts", "page_events")
                .doesNotContain("visitor_history");
        assertThat(config.hourly()).isFalse();
        assertThat(config.windowSize()).isEqualTo(1);
        assertThat(config.lag()).isZero();
        assertThat(config.topic("visitors")).isEqualTo("pendo.visitors");
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
        assertThat(config.start(clock)).isEqualTo(Instant.parse("2026-10-24T00:00:00Z"));
    }

    @Test
    void hourlyPeriodDefaultsToADayPerRequestAndEightHoursLag() {
        PendoSourceConfig config = new PendoSourceConfig(with(PendoSourceConfig.PERIOD, "hour"));
        assertThat(config.windowSize()).isEqualTo(24);
        assertThat(config.lag()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void missingIntegrationKeyIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new PendoSourceConfig(new HashMap<>()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("pendo.integration.key");
    }

    @Test
    void blankIntegrationKeyIsRefusedAndPointsAtConfigProviders() {
        assertThatThrownBy(() -> new PendoSourceConfig(with(PendoSourceConfig.INTEGRATION_KEY, " ")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config provider");
    }

    @Test
    void unknownRegionListsTheValidOnes() {
        assertThatThrownBy(() -> new PendoSourceConfig(with(PendoSourceConfig.REGION, "mars")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("mars")
                .hasMessageContaining("us1");
    }

    @Test
    void unknownTableListsTheKnownOnes() {
        assertThatThrownBy(() -> new PendoSourceConfig(with(PendoSourceConfig.TABLES, "visitors,vistors")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'vistors'")
                .hasMessageContaining("page_events");
    }

    @Test
    void visitorHistoryIsRefusedWithThePlaceToGetIt() {
        assertThatThrownBy(() -> new PendoSourceConfig(with(PendoSourceConfig.TABLES, "visitor_history")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("pendo-sync");
    }

    @Test
    void badStartDateSaysTheFormat() {
        assertThatThrownBy(() -> new PendoSourceConfig(with(PendoSourceConfig.START_DATE, "31/01/2024")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("YYYY-MM-DD");
    }

    @Test
    void dayWindowAboveThirtyIsRefusedWhileHoursAllowAWeek() {
        assertThatThrownBy(() -> new PendoSourceConfig(with(PendoSourceConfig.WINDOW, "45")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("1..30");
        Map<String, String> hours = with(PendoSourceConfig.WINDOW, "45");
        hours.put(PendoSourceConfig.PERIOD, "hour");
        assertThat(new PendoSourceConfig(hours).windowSize()).isEqualTo(45);
    }

    @Test
    void lagAcceptsShortAndIsoDurationsAndRefusesWords() {
        assertThat(new PendoSourceConfig(with(PendoSourceConfig.LAG, "90m")).lag())
                .isEqualTo(Duration.ofMinutes(90));
        assertThat(new PendoSourceConfig(with(PendoSourceConfig.LAG, "PT2H")).lag())
                .isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> new PendoSourceConfig(with(PendoSourceConfig.LAG, "soon")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("8h");
    }

    @Test
    void nonNumericAppIdIsRefused() {
        assertThatThrownBy(() -> new PendoSourceConfig(with(PendoSourceConfig.APP_IDS, "-323232,web")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'web'");
    }

    @Test
    void baseUrlMustBeHttpOrHttps() {
        assertThatThrownBy(() -> new PendoSourceConfig(with(PendoSourceConfig.BASE_URL, "ftp://pendo")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("https URL");
    }

    @Test
    void pollIntervalBelowASecondIsRefused() {
        assertThatThrownBy(() -> new PendoSourceConfig(with(PendoSourceConfig.POLL_INTERVAL_MS, "10")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(PendoSourceConfig.POLL_INTERVAL_MS);
    }

    @Test
    void integrationKeyNeverAppearsInTheConfigsTextOrErrors() {
        PendoSourceConfig config =
                new PendoSourceConfig(with(PendoSourceConfig.INTEGRATION_KEY, "test-integration-key"));
        assertThat(config.integrationKey().toString()).doesNotContain("test-integration-key");
        assertThat(config.toString()).doesNotContain("test-integration-key");
        Map<String, String> bad = with(PendoSourceConfig.INTEGRATION_KEY, "test-integration-key");
        bad.put(PendoSourceConfig.REGION, "mars");
        assertThatThrownBy(() -> new PendoSourceConfig(bad))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("test-integration-key"));
    }
}
