package io.github.pendoclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.model.Guide;
import io.github.pendoclient.model.MetadataSchema;
import io.github.pendoclient.model.TrackType;
import io.github.pendoclient.model.Visitor;
import io.github.pendoclient.model.VisitorHistoryItem;
import io.github.pendoclient.resource.MetadataKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fake serves what real Pendo sends (API reference §7.10), variance included, the same for every seed run. */
class FakeServesRealShapesTest {

    static final Instant END = Instant.parse("2026-11-01T00:00:00Z");
    static final Dataset DATASET =
            Dataset.generator(11).visitors(300).days(5).endingAt(END).build();

    @RegisterExtension
    static final FakePendoExtension EXTENSION =
            FakePendoExtension.create(FakePendo.builder().dataset(DATASET).build());

    static final FakePendo PENDO = EXTENSION.fake();

    private final PendoClient client = PENDO.client();

    @Test
    void theRestVisitorBodyCarriesIdAndDisplayNameNotVisitorId() {
        Visitor visitor = client.visitors().get("v-000001");

        assertThat(visitor.visitorId()).isEqualTo("v-000001");
        assertThat(visitor.displayName()).isEqualTo("User 1");
        assertThat(visitor.unknownFields()).doesNotContainKey("visitorId");
        assertThat(client.accounts().get("acct-00001").accountId()).isEqualTo("acct-00001");
    }

    @Test
    void theDefaultAppsAutoGroupIsWrittenWithoutTheSign() {
        Visitor visitor = client.visitors().get("v-000001");

        assertThat(visitor.metadata()).containsKey("auto__323232").doesNotContainKey("auto__-323232");
        assertThat(visitor.autoForApp(DatasetGenerator.WEB_APP)).containsKey("lastvisit");
    }

    @Test
    void customMetadataNumbersSometimesArriveAsStringsOrFractions() {
        Set<Class<?>> seatTypes = DATASET.visitors().stream()
                .map(v -> v.metadata().get("custom"))
                .filter(custom -> custom != null && custom.get("seats") != null)
                .map(custom -> custom.get("seats").getClass())
                .collect(Collectors.toSet());

        assertThat(seatTypes).contains(Long.class, String.class, Double.class);
    }

    @Test
    void eventParametersArriveAsObjectsAndAsJsonText() {
        Set<Class<?>> kinds = DATASET.hourRows().stream()
                .map(row -> row.toRow().get("parameters").getClass())
                .collect(Collectors.toSet());

        assertThat(kinds).anyMatch(Map.class::isAssignableFrom).contains(String.class);
    }

    @Test
    void eventCountersAreFractionalOnAMinorityOfRowsAndWholeNumbersStayJsonIntegers() {
        List<Map<String, Object>> rows =
                DATASET.hourRows().stream().map(HourlyEvents::toRow).toList();

        long fractional = rows.stream()
                .filter(row -> row.get("numEvents") instanceof Double || row.get("numMinutes") instanceof Double)
                .count();
        assertThat(fractional).isPositive().isLessThan(rows.size() / 5);
        assertThat(rows.stream().flatMap(row -> Stream.of(row.get("numEvents"), row.get("numMinutes"))))
                .allMatch(value -> value instanceof Long || value instanceof Double d && d % 1 != 0);
        assertThat(rows)
                .anyMatch(row -> row.get("numEvents") instanceof Double)
                .anyMatch(row -> row.get("numMinutes") instanceof Double);
    }

    @Test
    void guideAndPollLoadTimesAreFractionalOnAMinorityOfRows() {
        Dataset larger =
                Dataset.generator(11).visitors(5_000).days(10).endingAt(END).build();
        for (String source : List.of("guideEvents", "pollEvents")) {
            List<Object> loadTimes =
                    larger.rows(source).stream().map(row -> row.get("loadTime")).toList();

            long fractional =
                    loadTimes.stream().filter(Double.class::isInstance).count();
            assertThat(fractional).as(source).isPositive().isLessThan(loadTimes.size() / 4);
            assertThat(loadTimes).as(source).allMatch(value -> value instanceof Long || value instanceof Double);
        }
    }

    @Test
    void historyHasItemsOfEveryType() {
        Set<String> types = new java.util.TreeSet<>();
        for (int i = 0; i < 300 && types.size() < 5; i++) {
            String visitorId = String.format("v-%06d", i);
            if (i % 10 == 9
                    || DATASET.hourRows().stream().noneMatch(r -> r.visitorId().equals(visitorId))) {
                continue;
            }
            client.visitors()
                    .history(visitorId, END.minus(Duration.ofDays(5)), END, Duration.ofDays(3650))
                    .map(VisitorHistoryItem::type)
                    .forEach(types::add);
        }

        assertThat(types).contains("page", "feature", "trackType", "guide", "untagged");
    }

    @Test
    void catalogsCarryTheFieldsRealBodiesCarryAndTheirTypeVariance() {
        List<Guide> guides = client.guides().list();
        List<TrackType> trackTypes = client.trackTypes().list();

        assertThat(guides).allSatisfy(guide -> {
            assertThat(guide.editorType()).isNotNull();
            assertThat(guide.resetAt()).isNull();
            assertThat(guide.steps())
                    .allSatisfy(step -> assertThat(step.domUrl()).isNotNull());
        });
        assertThat(guides.stream().flatMap(g -> g.steps().stream()).map(s -> s.rank()))
                .anyMatch(rank -> rank % 1 != 0);
        assertThat(trackTypes)
                .anyMatch(t -> Boolean.TRUE.equals(t.unknownFields().get("trackTypeName")));
        assertThat(client.features().list())
                .allSatisfy(f -> assertThat(f.validThrough()).isNotNull());
    }

    @Test
    void metadataSchemasCarryASampleOnSomeFieldsAsRealSchemasDo() {
        MetadataSchema visitors = client.metadata().schema(MetadataKind.VISITOR);
        MetadataSchema accounts = client.metadata().schema(MetadataKind.ACCOUNT);

        assertThat(visitors.field("agent", "email").orElseThrow().sample()).isEqualTo("user0@example.com");
        assertThat(visitors.field("custom", "plan_tier").orElseThrow().sample()).isEqualTo("team");
        assertThat(accounts.field("agent", "plan").orElseThrow().sample()).isEqualTo("business");
        assertThat(visitors.field("auto", "lastvisit").orElseThrow().sample()).isNull();
    }

    @Test
    void theDatasetIsTheSameJsonForTheSameSeed() {
        Dataset again =
                Dataset.generator(11).visitors(300).days(5).endingAt(END).build();

        assertThat(again.toJson()).isEqualTo(DATASET.toJson());
    }
}
