package io.github.pendoclient.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.aggregation.AggregationClient;
import io.github.pendoclient.aggregation.Queries;
import io.github.pendoclient.http.TimeSource;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.Endpoint;
import io.github.pendoclient.testing.FakePendo;
import io.github.pendoclient.testing.Fault;
import io.github.pendoclient.track.TrackClient;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An application with only {@code pendo.integration-key} and {@code pendo.base-url}, against FakePendo. */
@SpringBootTest(classes = PendoStarterApplicationTest.App.class)
class PendoStarterApplicationTest {

    private static final FakePendo PENDO =
            FakePendo.builder().dataset(Dataset.generated(42, 40)).build().start();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        AdjustableTime healthClock() {
            return new AdjustableTime();
        }
    }

    @DynamicPropertySource
    static void pendo(DynamicPropertyRegistry registry) {
        registry.add("pendo.integration-key", PENDO::integrationKey);
        registry.add("pendo.base-url", () -> PENDO.baseUrl().toString());
    }

    @AfterAll
    static void stop() {
        PENDO.close();
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    PendoClient client;

    @Autowired
    AggregationClient aggregations;

    @Autowired
    PendoHealthIndicator health;

    @Autowired
    AdjustableTime time;

    @Test
    void theClientAndTheAggregationClientWorkAgainstTheConfiguredBaseUrl() {
        assertThat(client.baseUrl().toString()).startsWith(PENDO.baseUrl().toString());
        assertThat(client.verifyKey().valid()).isTrue();
        try (Stream<Map<String, Object>> rows = aggregations.stream(Queries.accounts())) {
            assertThat(rows.count()).isEqualTo(PENDO.dataset().accounts().size());
        }
    }

    @Test
    void withoutASharedSecretThereIsNoTrackClient() {
        assertThat(context.getBeanProvider(TrackClient.class).getIfAvailable()).isNull();
        assertThat(context.getBean(TimeSource.class)).isSameAs(time);
    }

    @Test
    void healthIsUpThenDownOnA401AndPendoIsAskedAtMostOncePerCachePeriod() {
        PENDO.clearRequests();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        PENDO.enqueueFault(Endpoint.TOKEN_VERIFY, Fault.status(401));

        time.advance(Duration.ofSeconds(59));
        assertThat(health.health().getStatus()).as("cached for a minute").isEqualTo(Status.UP);
        assertThat(PENDO.requestCount(Endpoint.TOKEN_VERIFY)).isEqualTo(1);

        time.advance(Duration.ofSeconds(1));
        assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.health().getDetails()).containsEntry("statusCode", 401);
        assertThat(health.health().getDetails().toString()).doesNotContain(PENDO.integrationKey());
        assertThat(PENDO.requestCount(Endpoint.TOKEN_VERIFY)).isEqualTo(2);
    }
}
