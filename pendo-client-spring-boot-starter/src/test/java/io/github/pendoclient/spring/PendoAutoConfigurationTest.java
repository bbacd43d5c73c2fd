package io.github.pendoclient.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.aggregation.AggregationClient;
import io.github.pendoclient.aggregation.Queries;
import io.github.pendoclient.micrometer.PendoMeterBinder;
import io.github.pendoclient.micrometer.PendoMeterNames;
import io.github.pendoclient.testing.FakePendo;
import io.github.pendoclient.track.TrackEvent;
import io.github.pendoclient.track.TrackSender;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which beans the auto-configuration makes, replaces and closes. */
class PendoAutoConfigurationTest {

    private final FakePendo pendo = FakePendo.create().start();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    PendoAutoConfiguration.class,
                    PendoClientsAutoConfiguration.class,
                    PendoHealthAutoConfiguration.class,
                    PendoMetricsAutoConfiguration.class,
                    PendoSecretsAutoConfiguration.class))
            .withPropertyValues(
                    "pendo.integration-key=" + pendo.integrationKey(),
                    "pendo.base-url=" + pendo.baseUrl(),
                    "pendo.retries.initial-backoff=10ms",
                    "pendo.rate-limit.enabled=false");

    @AfterEach
    void stop() {
        pendo.close();
    }

    private ApplicationContextRunner withTrack() {
        return runner.withPropertyValues(
                "pendo.track.shared-secret=" + pendo.sharedSecret(),
                "pendo.track.base-url=" + pendo.baseUrl(),
                "pendo.track.sender.close-timeout=20s");
    }

    @Test
    void theSenderDeliversEverythingQueuedBeforeTheContextCloses() {
        int[] queued = {0};
        withTrack().run(context -> {
            TrackSender sender = context.getBean(TrackSender.class);
            for (int i = 0; i < 50; i++) {
                sender.track(TrackEvent.builder()
                        .event("test-event")
                        .visitorId("visitor-" + i)
                        .build());
                queued[0]++;
            }
        });

        assertThat(queued[0]).isEqualTo(50);
        assertThat(pendo.trackEvents()).hasSize(50);
    }

    @Test
    void anApplicationsOwnClientReplacesTheAutoConfiguredOneAndTheAggregationClientUsesIt() {
        runner.withBean(FakePendo.class, () -> pendo)
                .withUserConfiguration(OwnClient.class)
                .run(context -> {
                    assertThat(context).hasSingleBean(PendoClient.class);
                    assertThat(context.getBean(PendoClient.class)).isSameAs(context.getBean("ownClient"));
                    pendo.clearRequests();
                    try (Stream<?> rows = context.getBean(AggregationClient.class).stream(Queries.accounts())) {
                        rows.count();
                    }
                    assertThat(pendo.requests())
                            .singleElement()
                            .satisfies(call ->
                                    assertThat(call.headers().toString()).contains("own-application"));
                });
    }

    @Test
    void anApplicationsOwnSenderReplacesTheAutoConfiguredOne() {
        withTrack()
                .withBean(FakePendo.class, () -> pendo)
                .withUserConfiguration(OwnSender.class)
                .run(context -> {
                    assertThat(context).hasSingleBean(TrackSender.class);
                    assertThat(context.getBean(TrackSender.class)).isSameAs(context.getBean("ownSender"));
                });
    }

    @Test
    void withoutAKeyThereIsNoClientNoAggregationClientAndNoHealthIndicator() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        PendoAutoConfiguration.class,
                        PendoClientsAutoConfiguration.class,
                        PendoHealthAutoConfiguration.class))
                .run(context -> {
                    assertThat(context).doesNotHaveBean(PendoClient.class);
                    assertThat(context).doesNotHaveBean(AggregationClient.class);
                    assertThat(context).doesNotHaveBean(PendoHealthIndicator.class);
                    assertThat(context).doesNotHaveBean(TrackSender.class);
                });
    }

    @Test
    void aHealthCacheShorterThanAMinuteIsRefusedWithTheSettingsName() {
        runner.withPropertyValues("pendo.health.cache-for=10s")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("pendo.health.cache-for")
                        .hasMessageContaining("1m"));
    }

    @Test
    void withAMeterRegistryTheClientsRecordMetersAndTheSenderHasGauges() {
        withTrack().withUserConfiguration(Registry.class).run(context -> {
            assertThat(context).hasSingleBean(PendoMeterBinder.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            try (Stream<?> rows = context.getBean(AggregationClient.class).stream(Queries.accounts())) {
                rows.count();
            }
            assertThat(registry.get(PendoMeterNames.AGGREGATION_ROWS)
                            .tags("source", "accounts", "outcome", "SUCCESS")
                            .summary()
                            .count())
                    .isEqualTo(1);
            assertThat(registry.get(PendoMeterNames.SENDER_QUEUE_DEPTH)
                            .tag("sender", "pendoTrackSender")
                            .gauge()
                            .value())
                    .isZero();
        });
    }

    @Test
    void metricsCanBeTurnedOff() {
        runner.withUserConfiguration(Registry.class)
                .withPropertyValues("pendo.metrics.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(PendoMeterBinder.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class Registry {
        @Bean
        SimpleMeterRegistry registry() {
            return new SimpleMeterRegistry();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {
        @Bean(destroyMethod = "close")
        PendoClient ownClient(FakePendo pendo) {
            return pendo.clientBuilder().applicationName("own-application").build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnSender {
        @Bean(destroyMethod = "close")
        TrackSender ownSender(FakePendo pendo) {
            return pendo.trackClient().sender();
        }
    }
}
