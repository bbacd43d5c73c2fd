package io.github.pendoclient.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.event.AggregationEnded;
import io.github.pendoclient.event.AttemptEnded;
import io.github.pendoclient.event.CallEnded;
import io.github.pendoclient.event.Endpoint;
import io.github.pendoclient.event.RateLimitWaited;
import io.github.pendoclient.event.RetryReason;
import io.github.pendoclient.event.RetryScheduled;
import io.github.pendoclient.event.SyncTableEnded;
import io.github.pendoclient.event.TrackSenderEvent;
import io.github.pendoclient.track.TrackSender;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The binder's meters, fed events directly. */
class PendoMeterBinderTest {

    private static final Endpoint VISITOR = new Endpoint("GET", "/api/v1/visitor/{visitorId}");

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final PendoMeterBinder binder = PendoMeterBinder.create(registry);

    @Test
    void aCallIsTimedByMethodEndpointStatusClassAndOutcome() {
        binder.callEnded(new CallEnded(VISITOR, 1, 200, Duration.ofMillis(30), "none"));
        binder.callEnded(new CallEnded(VISITOR, 3, 404, Duration.ofMillis(10), "NotFoundException"));
        binder.callEnded(new CallEnded(VISITOR, 4, 0, Duration.ofMillis(10), "PendoNetworkException"));

        assertThat(registry.get(PendoMeterNames.REQUESTS)
                        .tags("method", "GET", "endpoint", "/api/v1/visitor/{visitorId}")
                        .tags("status", "2xx", "outcome", "SUCCESS", "error", "none")
                        .timer()
                        .totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(30.0);
        assertThat(registry.get(PendoMeterNames.REQUESTS)
                        .tags("status", "4xx", "outcome", "CLIENT_ERROR", "error", "NotFoundException")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get(PendoMeterNames.REQUESTS)
                        .tags("status", "none", "outcome", "UNKNOWN")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void a429AttemptIsCountedAsRateLimitedAndEveryAttemptIsTimed() {
        binder.attemptEnded(new AttemptEnded(VISITOR, 1, 429, Duration.ofMillis(5)));
        binder.attemptEnded(new AttemptEnded(VISITOR, 2, 503, Duration.ofMillis(5)));
        binder.attemptEnded(new AttemptEnded(VISITOR, 3, 200, Duration.ofMillis(5)));

        assertThat(registry.get(PendoMeterNames.RATE_LIMITED)
                        .tags("method", "GET", "endpoint", "/api/v1/visitor/{visitorId}")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.get(PendoMeterNames.ATTEMPTS).timers())
                .extracting(timer -> timer.getId().getTag("status"))
                .containsExactlyInAnyOrder("4xx", "5xx", "2xx");
    }

    @Test
    void retriesAreCountedByReasonAndRateLimitWaitsTimed() {
        binder.retryScheduled(new RetryScheduled(VISITOR, 1, RetryReason.RATE_LIMITED, Duration.ofSeconds(2)));
        binder.retryScheduled(new RetryScheduled(VISITOR, 2, RetryReason.SERVER_ERROR, Duration.ofSeconds(1)));
        binder.retryScheduled(new RetryScheduled(VISITOR, 3, RetryReason.SERVER_ERROR, Duration.ofSeconds(1)));
        binder.rateLimitWaited(new RateLimitWaited(VISITOR, Duration.ofMillis(250)));

        assertThat(registry.get(PendoMeterNames.RETRIES)
                        .tag("reason", "server_error")
                        .counter()
                        .count())
                .isEqualTo(2.0);
        assertThat(registry.get(PendoMeterNames.RETRIES)
                        .tag("reason", "rate_limited")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.get(PendoMeterNames.RATE_LIMIT_WAIT).timer().totalTime(TimeUnit.MILLISECONDS))
                .isEqualTo(250.0);
    }

    @Test
    void senderEventsAreCountedByKindAndReasonWithTheirCount() {
        binder.trackSender(new TrackSenderEvent(TrackSenderEvent.Kind.QUEUED, 5, "none"));
        binder.trackSender(new TrackSenderEvent(TrackSenderEvent.Kind.DELIVERED, 3, "none"));
        binder.trackSender(new TrackSenderEvent(TrackSenderEvent.Kind.DROPPED, 2, "queue_full"));

        assertThat(registry.get(PendoMeterNames.SENDER_EVENTS)
                        .tag("kind", "queued")
                        .counter()
                        .count())
                .isEqualTo(5.0);
        assertThat(registry.get(PendoMeterNames.SENDER_EVENTS)
                        .tag("kind", "delivered")
                        .counter()
                        .count())
                .isEqualTo(3.0);
        assertThat(registry.get(PendoMeterNames.SENDER_EVENTS)
                        .tags("kind", "dropped", "reason", "queue_full")
                        .counter()
                        .count())
                .isEqualTo(2.0);
    }

    @Test
    void rowsPerAggregationAreADistributionBySource() {
        binder.aggregationEnded(new AggregationEnded("visitors", 120, Duration.ofMillis(40), true));
        binder.aggregationEnded(new AggregationEnded("visitors", 80, Duration.ofMillis(20), true));
        binder.aggregationEnded(new AggregationEnded("pageEvents", 3, Duration.ofMillis(20), false));

        var visitors = registry.get(PendoMeterNames.AGGREGATION_ROWS)
                .tags("source", "visitors", "outcome", "SUCCESS")
                .summary();
        assertThat(visitors.count()).isEqualTo(2);
        assertThat(visitors.totalAmount()).isEqualTo(200.0);
        assertThat(registry.get(PendoMeterNames.AGGREGATION_ROWS)
                        .tags("source", "pageEvents", "outcome", "FAILURE")
                        .summary()
                        .totalAmount())
                .isEqualTo(3.0);
    }

    @Test
    void aSyncedTableIsTimedCountsItsRowsAndSetsItsLastSuccessTime() {
        clock.add(Duration.ofSeconds(1_800_000_000L).minusMillis(clock.wallTime()));
        Instant through = Instant.parse("2026-11-01T00:00:00Z");

        binder.syncTableEnded(new SyncTableEnded("visitors", 40, Duration.ofSeconds(3), Optional.of(through), true));
        binder.syncTableEnded(new SyncTableEnded("accounts", 7, Duration.ofSeconds(1), Optional.empty(), false));

        assertThat(registry.get(PendoMeterNames.SYNC_TABLE_ROWS)
                        .tag("table", "visitors")
                        .counter()
                        .count())
                .isEqualTo(40.0);
        assertThat(registry.get(PendoMeterNames.SYNC_TABLE_DURATION)
                        .tags("table", "accounts", "outcome", "FAILURE")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get(PendoMeterNames.SYNC_TABLE_LAST_SUCCESS)
                        .tag("table", "visitors")
                        .gauge()
                        .value())
                .isEqualTo(1_800_000_000.0);
        assertThat(registry.find(PendoMeterNames.SYNC_TABLE_LAST_SUCCESS)
                        .tag("table", "accounts")
                        .gauge())
                .as("a failed table has no success to report")
                .isNull();
        assertThat(registry.get(PendoMeterNames.SYNC_TABLE_DATA_THROUGH)
                        .tag("table", "visitors")
                        .gauge()
                        .value())
                .isEqualTo(through.getEpochSecond());
    }

    @Test
    void aBoundSenderReportsItsQueueDepthAndInFlightCount() {
        try (var fixture = SenderFixture.withStalledExecutor()) {
            TrackSender sender = fixture.sender();
            binder.bindSender(sender, "default");
            fixture.trackEvents(3);

            assertThat(registry.get(PendoMeterNames.SENDER_QUEUE_DEPTH)
                            .tag("sender", "default")
                            .gauge()
                            .value())
                    .isEqualTo(sender.stats().queueDepth())
                    .isGreaterThan(0);
            assertThat(registry.get(PendoMeterNames.SENDER_IN_FLIGHT)
                            .tag("sender", "default")
                            .gauge()
                            .value())
                    .isEqualTo(sender.stats().inFlight());
        }
    }

    @Test
    void aBlankSenderNameIsRefused() {
        try (var fixture = SenderFixture.withStalledExecutor()) {
            assertThatThrownBy(() -> binder.bindSender(fixture.sender(), " "))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("default");
        }
    }
}
