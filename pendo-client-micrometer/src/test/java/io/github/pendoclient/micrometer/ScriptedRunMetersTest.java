package io.github.pendoclient.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.aggregation.AggregationClient;
import io.github.pendoclient.aggregation.Queries;
import io.github.pendoclient.error.NotFoundException;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.Endpoint;
import io.github.pendoclient.testing.FakePendo;
import io.github.pendoclient.testing.Fault;
import io.github.pendoclient.track.TrackClient;
import io.github.pendoclient.track.TrackEvent;
import io.github.pendoclient.track.TrackSender;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The meters after a scripted run against FakePendo: names, tags and counts. */
class ScriptedRunMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PendoMeterBinder metrics = PendoMeterBinder.create(registry);
    private FakePendo pendo;
    private PendoClient client;

    @BeforeEach
    void start() {
        pendo = FakePendo.builder().dataset(Dataset.generated(7, 30)).build().start();
        client = pendo.clientBuilder().eventListener(metrics).build();
    }

    @AfterEach
    void stop() {
        client.close();
        pendo.close();
    }

    @Test
    void aCallRetriedThroughA503AndA429IsOneTimedCallOfThreeAttemptsAndTwoRetries() {
        pendo.enqueueFault(Endpoint.FEATURES, Fault.status(503));
        pendo.enqueueFault(Endpoint.FEATURES, Fault.status(429).retryAfterSeconds(0));

        client.features().list();

        var call = registry.get(PendoMeterNames.REQUESTS)
                .tags("method", "GET", "endpoint", "/api/v1/feature")
                .tags("status", "2xx", "outcome", "SUCCESS", "error", "none")
                .timer();
        assertThat(call.count()).isEqualTo(1);
        assertThat(registry.get(PendoMeterNames.ATTEMPTS)
                        .tag("endpoint", "/api/v1/feature")
                        .timers())
                .extracting(timer -> timer.getId().getTag("status") + "=" + timer.count())
                .containsExactlyInAnyOrder("5xx=1", "4xx=1", "2xx=1");
        assertThat(registry.get(PendoMeterNames.RETRIES)
                        .tag("reason", "server_error")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.get(PendoMeterNames.RETRIES)
                        .tag("reason", "rate_limited")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.get(PendoMeterNames.RATE_LIMITED)
                        .tag("endpoint", "/api/v1/feature")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void aCallForAnIdIsTaggedWithTheTemplateNeverTheId() {
        assertThatThrownBy(() -> client.visitors().get("visitor-that-does-not-exist"))
                .isInstanceOf(NotFoundException.class);

        assertThat(registry.get(PendoMeterNames.REQUESTS)
                        .tags("endpoint", "/api/v1/visitor/{visitorId}", "status", "4xx", "outcome", "CLIENT_ERROR")
                        .tag("error", "NotFoundException")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(tagValues()).noneMatch(value -> value.contains("visitor-that-does-not-exist"));
    }

    @Test
    void anAggregationIsOneSampleOfItsRows() {
        try (Stream<?> rows = AggregationClient.create(client).stream(Queries.accounts())) {
            rows.count();
        }

        var rows = registry.get(PendoMeterNames.AGGREGATION_ROWS)
                .tags("source", "accounts", "outcome", "SUCCESS")
                .summary();
        assertThat(rows.count()).isEqualTo(1);
        assertThat(rows.totalAmount()).isEqualTo(pendo.dataset().accounts().size());
        assertThat(registry.get(PendoMeterNames.REQUESTS)
                        .tags("method", "POST", "endpoint", "/api/v1/aggregation")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aSendersEventsAreCountedAndItsGaugesReadZeroOnceFlushed() throws Exception {
        try (TrackClient track =
                        pendo.trackClientBuilder().eventListener(metrics).build();
                TrackSender sender = track.sender()) {
            metrics.bindSender(sender, "default");
            for (int i = 0; i < 25; i++) {
                sender.track(TrackEvent.builder()
                        .event("test-event")
                        .visitorId("visitor-" + i)
                        .build());
            }
            sender.flush().get(30, TimeUnit.SECONDS);

            assertThat(registry.get(PendoMeterNames.SENDER_EVENTS)
                            .tag("kind", "queued")
                            .counter()
                            .count())
                    .isEqualTo(25.0);
            assertThat(registry.get(PendoMeterNames.SENDER_EVENTS)
                            .tag("kind", "delivered")
                            .counter()
                            .count())
                    .isEqualTo(25.0);
            assertThat(registry.get(PendoMeterNames.SENDER_QUEUE_DEPTH).gauge().value())
                    .isZero();
            assertThat(registry.get(PendoMeterNames.SENDER_IN_FLIGHT).gauge().value())
                    .isZero();
        }
    }

    @Test
    void noTagValueHoldsTheKeyOrTheSharedSecret() throws Exception {
        client.features().list();
        try (TrackClient track =
                        pendo.trackClientBuilder().eventListener(metrics).build();
                TrackSender sender = track.sender()) {
            sender.track(TrackEvent.builder().event("e").visitorId("v").build());
            sender.flush().get(30, TimeUnit.SECONDS);
        }

        assertThat(tagValues())
                .isNotEmpty()
                .noneMatch(value -> value.contains(pendo.integrationKey()) || value.contains(pendo.sharedSecret()));
    }

    private Stream<String> tagValuesStream() {
        return registry.getMeters().stream()
                .map(Meter::getId)
                .flatMap(id -> id.getTags().stream())
                .map(Tag::getValue);
    }

    private java.util.List<String> tagValues() {
        return tagValuesStream().toList();
    }
}
