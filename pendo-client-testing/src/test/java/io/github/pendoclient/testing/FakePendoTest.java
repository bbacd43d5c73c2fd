package io.github.pendoclient.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.KeyVerification;
import io.github.pendoclient.PendoClient;
import io.github.pendoclient.error.AuthenticationException;
import io.github.pendoclient.error.NotFoundException;
import io.github.pendoclient.error.PendoNetworkException;
import io.github.pendoclient.error.RateLimitedException;
import io.github.pendoclient.error.ServerException;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.model.Account;
import io.github.pendoclient.model.Feature;
import io.github.pendoclient.model.Guide;
import io.github.pendoclient.model.MetadataSchema;
import io.github.pendoclient.model.Page;
import io.github.pendoclient.model.Report;
import io.github.pendoclient.model.Segment;
import io.github.pendoclient.model.TrackType;
import io.github.pendoclient.model.Visitor;
import io.github.pendoclient.model.VisitorHistoryItem;
import io.github.pendoclient.resource.BulkUpdateOptions;
import io.github.pendoclient.resource.BulkUpdateReport;
import io.github.pendoclient.resource.ListOptions;
import io.github.pendoclient.resource.MetadataKind;
import io.github.pendoclient.resource.MetadataRow;
import io.github.pendoclient.track.TrackClient;
import io.github.pendoclient.track.TrackEvent;
import io.github.pendoclient.track.TrackSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FakePendoTest {

    static final Instant END = Instant.parse("2026-11-01T00:00:00Z");
    static final Dataset DATASET =
            Dataset.generator(7).visitors(500).days(10).endingAt(END).build();

    @RegisterExtension
    static final FakePendoExtension EXTENSION = FakePendoExtension.create(FakePendo.builder()
            .dataset(DATASET)
            .keyForOtherRegion("fake-eu-key")
            .build());

    static final FakePendo PENDO = EXTENSION.fake();

    private final PendoClient client = PENDO.client();

    @BeforeEach
    void clear() {
        PENDO.clearRequests();
        PENDO.clearFaults();
    }

    @Test
    void theGeneratedDatasetIsRealisticAndDeterministic() {
        Dataset again =
                Dataset.generator(7).visitors(500).days(10).endingAt(END).build();

        assertThat(DATASET.visitors()).hasSize(500);
        assertThat(DATASET.accounts()).hasSize(50);
        assertThat(again.visitors().get(123)).isEqualTo(DATASET.visitors().get(123));
        assertThat(again.hourRows()).isEqualTo(DATASET.hourRows());
        assertThat(again.rows("guideEvents")).isEqualTo(DATASET.rows("guideEvents"));
        assertThat(DATASET.visitors())
                .filteredOn(v -> v.id().startsWith("_PENDO_T_"))
                .hasSize(50);
        assertThat(DATASET.visitors())
                .extracting(VisitorRow::id)
                .anyMatch(id -> id.contains("\""))
                .anyMatch(id -> id.contains("\\"));
        assertThat(DATASET.hourRows()).isNotEmpty();
        EventRange range = DATASET.eventRange().orElseThrow();
        assertThat(range.to()).isBeforeOrEqualTo(END);
        assertThat(range.from()).isAfterOrEqualTo(END.minus(Duration.ofDays(10)));
        assertThat(DATASET.rows("guideEvents")).isNotEmpty();
        assertThat(DATASET.rows("pollEvents")).isNotEmpty();
        assertThat(Dataset.generated(7, 500).visitors().get(5).id())
                .isEqualTo(DATASET.visitors().get(5).id());
    }

    @Test
    void servesTheCatalogWithIdsAppsAndUnknownIds() {
        List<Feature> features = client.features().list();
        assertThat(features).hasSize(DATASET.features().size());
        assertThat(features.get(0).unknownFields()).containsEntry("elementSelectionType", "css");
        assertThat(client.pages().list(ListOptions.app(DatasetGenerator.WEB_APP)))
                .hasSize(8)
                .extracting(Page::appId)
                .containsOnly(DatasetGenerator.WEB_APP);
        List<TrackType> trackTypes = client.trackTypes().list();
        assertThat(trackTypes).extracting(TrackType::name).contains("Report Exported");

        Guide guide = client.guides().get(DATASET.guides().get(0).id());
        assertThat(guide.steps()).hasSize(1);
        assertThat(guide.polls()).hasSize(1);

        String first = features.get(0).id();
        String second = features.get(1).id();
        assertThat(client.features().getAll(List.of(first, second)))
                .extracting(Feature::id)
                .containsExactly(first, second);
        assertThatThrownBy(() -> client.features().get("no-such-feature")).isInstanceOf(NotFoundException.class);
        assertThat(client.features().getAllFound(List.of(first, "no-such-feature")))
                .extracting(Feature::id)
                .containsExactly(first);
    }

    @Test
    void servesVisitorsAccountsAndHistory() {
        VisitorRow stored = DATASET.visitors().get(3);
        Visitor visitor = client.visitors().get(stored.id());
        assertThat(visitor.metadata()).isEqualTo(stored.metadata());

        VisitorRow quoted = DATASET.visitors().get(5);
        assertThat(client.visitors().get(quoted.id()).visitorId()).contains("\"");

        Account account = client.accounts().get("acct-00007");
        assertThat(account.group("agent")).containsEntry("name", "Company 7");
        assertThatThrownBy(() -> client.accounts().get("acct-missing")).isInstanceOf(NotFoundException.class);

        HourlyEvents someone = DATASET.hourRows().stream()
                .filter(r -> r.kind() != HourlyEvents.Kind.TRACK)
                .findFirst()
                .orElseThrow();
        Instant day = Instant.ofEpochMilli(someone.hour()).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        List<VisitorHistoryItem> history = client.visitors()
                .history(someone.visitorId(), day, day.plus(Duration.ofDays(1)))
                .toList();
        assertThat(history).isNotEmpty();
        assertThat(history).extracting(VisitorHistoryItem::visitorId).containsOnly(someone.visitorId());
    }

    @Test
    void metadataSchemaValuesAndBulkUpdates() {
        MetadataSchema schema = client.metadata().schema(MetadataKind.VISITOR);
        assertThat(schema.field("custom", "seats"))
                .hasValueSatisfying(f -> assertThat(f.type()).isEqualTo("integer"));

        String id = DATASET.visitors().get(0).id();
        client.metadata().set(MetadataKind.VISITOR, "custom", id, "seats", 77L);
        assertThat(client.metadata().get(MetadataKind.VISITOR, "custom", id, "seats"))
                .isEqualTo(77L);
        assertThat(client.visitors().get(id).group("custom")).containsEntry("seats", 77L);

        BulkUpdateReport report = client.metadata()
                .bulkUpdate(
                        MetadataKind.VISITOR,
                        "custom",
                        List.of(
                                new MetadataRow(id, Map.of("plan_tier", "enterprise")),
                                new MetadataRow("v-unknown", Map.of("plan_tier", "team")),
                                new MetadataRow(DATASET.visitors().get(1).id(), Map.of("seats", "many"))));
        assertThat(report.total()).isEqualTo(3);
        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.missing()).containsExactly("v-unknown");

        BulkUpdateReport created = client.metadata()
                .bulkUpdate(
                        MetadataKind.VISITOR,
                        "custom",
                        List.of(new MetadataRow("v-new", Map.of("plan_tier", "team"))),
                        BulkUpdateOptions.defaults().toBuilder().create(true).build());
        assertThat(created.updated()).isEqualTo(1);
        assertThat(client.visitors().get("v-new").group("custom")).containsEntry("plan_tier", "team");
    }

    @Test
    void segmentsReportsGuidesAndBulkDelete() {
        assertThat(client.segments().list()).extracting(Segment::id).contains("seg-admins");
        Segment created = client.segments().create("Churn risk", List.of("v-000001"));
        assertThat(client.segments().get(created.id())).isNotNull();
        client.segments().delete(created.id());
        assertThatThrownBy(() -> client.segments().get(created.id())).isInstanceOf(NotFoundException.class);

        assertThat(client.reports().list()).extracting(Report::id).containsExactly("rep-active", "rep-pages");
        assertThat(client.reports().results("rep-active")).hasSize(2);

        String guideId = DATASET.guides().get(1).id();
        client.guides().setState(guideId, "disabled");
        assertThat(client.guides().get(guideId).state()).isEqualTo("disabled");

        String doomed = DATASET.visitors().get(2).id();
        assertThat(client.bulkDelete().visitors(List.of(doomed))).hasSize(1);
        assertThatThrownBy(() -> client.visitors().get(doomed)).isInstanceOf(NotFoundException.class);
        assertThat(client.bulkDelete().status()).isNotEmpty();
    }

    @Test
    void checksKeysLikePendo() {
        assertThat(client.verifyKey().valid()).isTrue();
        try (PendoClient wrong = PendoClient.builder()
                        .integrationKey("fake-wrong-key")
                        .baseUrl(PENDO.baseUrl())
                        .build();
                PendoClient otherRegion = PendoClient.builder()
                        .integrationKey("fake-eu-key")
                        .baseUrl(PENDO.baseUrl())
                        .build()) {
            assertThatThrownBy(() -> wrong.features().list()).isInstanceOf(AuthenticationException.class);
            assertThatThrownBy(() -> otherRegion.features().list())
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("another region");
            KeyVerification verification = wrong.verifyKey();
            assertThat(verification.valid()).isFalse();
        }
        assertThat(PENDO.requests())
                .allSatisfy(call -> assertThat(call.headers().get("x-pendo-integration-key"))
                        .isEqualTo("[redacted]"));
    }

    @Test
    void playsFaultsInOrderThenAnswersNormally() {
        PENDO.enqueueFault(
                        Endpoint.FEATURES,
                        Fault.status(429).retryAfterSeconds(0).times(2))
                .enqueueFault(Endpoint.FEATURES, Fault.html503());

        assertThat(client.features().list()).isNotEmpty();
        assertThat(PENDO.requests(Endpoint.FEATURES))
                .extracting(RecordedCall::status)
                .containsExactly(429, 429, 503, 200);
        assertThat(PENDO.pendingFaults()).isZero();

        try (PendoClient impatient = PENDO.clientBuilder()
                .retries(RetryOptions.builder().maxAttempts(1).build())
                .build()) {
            PENDO.enqueueFault(Endpoint.PAGES, Fault.html503());
            assertThatThrownBy(() -> impatient.pages().list())
                    .isInstanceOf(ServerException.class)
                    .hasMessageContaining("503 Service Temporarily Unavailable");
            PENDO.enqueueFault(Endpoint.PAGES, Fault.status(429).retryAfterSeconds(1));
            assertThatThrownBy(() -> impatient.pages().list()).isInstanceOf(RateLimitedException.class);
        }
    }

    @Test
    void aDelayFaultHoldsTheAnswerPastAClientsReadTimeout() {
        PENDO.enqueueFault(Endpoint.REPORTS, Fault.delay(Duration.ofSeconds(1)));
        try (PendoClient impatient = PENDO.clientBuilder()
                .readTimeout(Duration.ofMillis(100))
                .retries(RetryOptions.builder().maxAttempts(1).build())
                .build()) {
            assertThatThrownBy(() -> impatient.reports().list())
                    .isInstanceOf(PendoNetworkException.class)
                    .hasMessageContaining("timeout");
        }
        assertThat(PENDO.pendingFaults()).isZero();
        assertThat(client.reports().list()).isNotEmpty();
    }

    @Test
    void theRateLimitRefusesCallsAboveItsRateWithinOneSecondOfTheFakesClock() {
        SteppedClock clock = new SteppedClock(END);
        try (FakePendo limited = FakePendo.builder()
                        .dataset(DATASET)
                        .rateLimit(2)
                        .clock(clock)
                        .build()
                        .start();
                PendoClient impatient = limited.clientBuilder()
                        .retries(RetryOptions.builder().maxAttempts(1).build())
                        .build()) {
            impatient.reports().list();
            impatient.reports().list();
            assertThatThrownBy(() -> impatient.reports().list())
                    .isInstanceOfSatisfying(
                            RateLimitedException.class,
                            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(1)));
            impatient.pages().list();

            clock.advance(Duration.ofMillis(500));
            impatient.reports().list();
            assertThatThrownBy(() -> impatient.reports().list()).isInstanceOf(RateLimitedException.class);

            clock.advance(Duration.ofSeconds(1));
            impatient.reports().list();
            impatient.reports().list();
        }
    }

    /** A clock that moves only when told to. */
    private static final class SteppedClock extends Clock {

        private final AtomicLong millis;

        SteppedClock(Instant start) {
            millis = new AtomicLong(start.toEpochMilli());
        }

        void advance(Duration duration) {
            millis.addAndGet(duration.toMillis());
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("The test clock stays in UTC");
        }
    }

    @Test
    void recordsTrackEventsSentWithTheSharedSecret() throws Exception {
        TrackClient track = PENDO.trackClient();
        TrackEvent event = TrackEvent.builder()
                .event("Report Exported")
                .visitorId("v-42")
                .accountId("acme")
                .property("format", "pdf")
                .build();
        track.send(event);
        try (TrackSender sender = track.sender()) {
            sender.track(event.toBuilder().event("Invoice Paid").build());
            sender.flush().get(5, TimeUnit.SECONDS);
        }

        assertThat(PENDO.trackEvents()).extracting(TrackEvent::event).contains("Report Exported", "Invoice Paid");
        assertThat(PENDO.trackEvents())
                .filteredOn(e -> e.event().equals("Report Exported"))
                .allSatisfy(e -> assertThat(e.properties()).containsEntry("format", "pdf"));

        try (TrackClient wrong = TrackClient.builder()
                .sharedSecret("fake-wrong-secret")
                .baseUrl(PENDO.baseUrl())
                .build()) {
            assertThatThrownBy(() -> wrong.send(event)).isInstanceOf(AuthenticationException.class);
        }
        assertThat(PENDO.requests(Endpoint.TRACK))
                .allSatisfy(call -> assertThat(call.body()).doesNotContain(PENDO.sharedSecret()));
    }

    @Test
    void aDatasetRoundTripsThroughJson() {
        Dataset small = Dataset.builder()
                .visitor("v-1", Map.of("auto", Map.of("lastupdated", 5L)))
                .account("a-1", Map.of("agent", Map.of("name", "Acme")))
                .page("p-1", 1, "Home")
                .feature("f-1", 1, "Save")
                .trackType("t-1", 1, "Saved")
                .guide("g-1", 1, "Tour", "public", 2)
                .segment("s-1", "All")
                .report("r-1", "Report", List.of(Map.of("n", 1L)))
                .metadataField("visitor", "custom", "seats", "integer")
                .pageEvents("v-1", "a-1", 1, END, "p-1", 3)
                .row("guideEvents", Map.of("visitorId", "v-1", "browserTime", 1L, "type", "guideSeen"))
                .build();

        Dataset loaded = Dataset.fromJson(small.toJson());

        assertThat(loaded.toJson()).isEqualTo(small.toJson());
        assertThat(loaded.hourRows()).isEqualTo(small.hourRows());
        assertThat(loaded.reportResults("r-1")).containsExactly(Map.of("n", 1L));
        assertThatThrownBy(() -> Dataset.fromJson("{\"visitors\": 3}")).hasMessageContaining("visitors");
    }

    @Test
    void assertjHelpersCheckWhatTheFakeReceived() {
        client.features().list();
        client.features().list();
        PENDO.trackClient()
                .send(TrackEvent.builder()
                        .event("Invoice Paid")
                        .visitorId("v-1")
                        .build());

        FakePendoAssert.assertThat(PENDO)
                .receivedRequests(Endpoint.FEATURES, 2)
                .receivedTrackEvent("Invoice Paid")
                .playedAllFaults()
                .sentTheIntegrationKeyEverywhere();
        assertThatThrownBy(() -> FakePendoAssert.assertThat(PENDO).receivedRequests(Endpoint.PAGES, 1))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected 1 requests to PAGES");
        assertThatThrownBy(() -> FakePendoAssert.assertThat(PENDO).receivedTrackEvent("Nope"))
                .hasMessageContaining("Invoice Paid");
    }
}
