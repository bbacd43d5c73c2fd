package io.github.pendoclient.resource;

import static io.github.pendoclient.resource.ResourceFixture.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import io.github.pendoclient.error.NotFoundException;
import io.github.pendoclient.error.UnreadableResponseException;
import io.github.pendoclient.internal.json.PendoJson;
import io.github.pendoclient.model.Feature;
import io.github.pendoclient.model.Guide;
import io.github.pendoclient.model.Page;
import io.github.pendoclient.model.TrackType;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CatalogResourceTest {

    private final ResourceFixture fixture = new ResourceFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void featuresListEveryAppWithExpandAndParseTheDocumentedFields() {
        fixture.respond("feature.json");

        List<Feature> features = fixture.client.features().list();

        RecordedRequest request = fixture.take();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/api/v1/feature?expand=*");
        Feature first = features.get(0);
        assertThat(first.id()).isEqualTo("uQZVeRyEAODXLqvQJYvN51Ffsek");
        assertThat(first.appId()).isEqualTo(-323232L);
        assertThat(first.elementPathRules()).containsExactly("#invoice button.pdf");
        assertThat(first.createdAt()).isEqualTo(Instant.ofEpochMilli(1500000000000L));
        assertThat(first.createdByUser().username()).isEqualTo("pendo-user@example.com");
        assertThat(first.unknownFields()).containsKeys("elementSelectionType");
        assertThat(first.eventPropertyConfigurations()).isNotNull();
        assertThat(first.validThrough()).isNotNull();
        assertThat(features.get(1).appId()).isEqualTo(5629499534213120L);
    }

    @Test
    void listForOneApp() {
        fixture.respond(200, "[]");

        fixture.client.pages().list(ListOptions.app(-323232).withParameter("state", "public"));

        assertThat(fixture.take().getTarget()).isEqualTo("/api/v1/page?appId=-323232&state=public");
    }

    @Test
    void pagesCarryTheirRules() {
        fixture.respond("page.json");

        Page page = fixture.client.pages().list().get(0);

        assertThat(fixture.take().getUrl().encodedPath()).isEqualTo("/api/v1/page");
        assertThat(page.rules()).singleElement().satisfies(rule -> {
            assertThat(rule.rule()).isEqualTo("//*/invoices");
            assertThat(rule.parsedRule()).startsWith("^https?://");
        });
        assertThat(page.rulesjson()).isNotNull();
        assertThat(page.suggestedName()).isNotNull();
        assertThat(page.isAutoTagged()).isNotNull();
    }

    @Test
    void guidesCarryStepsAndPolls() {
        fixture.respond("guide.json");

        Guide guide = fixture.client.guides().list().get(0);

        assertThat(fixture.take().getTarget()).isEqualTo("/api/v1/guide?expand=*");
        assertThat(guide.state()).isEqualTo("public");
        assertThat(guide.appIds()).containsExactly(-323232L);
        assertThat(guide.steps()).singleElement().satisfies(step -> {
            assertThat(step.pollIds()).containsExactly("poll1");
            assertThat(step.rank()).isEqualTo(5000000.0);
            assertThat(step.buildingBlocksUrl()).isNotNull();
        });
        assertThat(guide.polls()).singleElement().satisfies(poll -> {
            assertThat(poll.attributes()).containsEntry("type", "NPSRating");
            assertThat(poll.numericResponses()).hasSize(11);
        });
        assertThat(guide.publishedAt()).isEqualTo(Instant.ofEpochMilli(1618322253073L));
    }

    @Test
    void trackTypes() {
        fixture.respond("tracktype.json");

        TrackType trackType = fixture.client.trackTypes().list().get(0);

        assertThat(fixture.take().getTarget()).isEqualTo("/api/v1/tracktype?expand=*");
        assertThat(trackType.eventPropertyNameList()).containsExactly("format", "size");
        assertThat(trackType.trackTypeRules()).isNotNull();
    }

    @Test
    void getFetchesByIdAndFailsClearlyWhenAbsent() {
        fixture.respond("feature.json");
        fixture.respond(200, "[]");

        assertThat(fixture.client.features().get("uQZVeRyEAODXLqvQJYvN51Ffsek").name())
                .isEqualTo("Generate PDF of Invoice");
        assertThat(fixture.take().getTarget()).isEqualTo("/api/v1/feature?expand=*&id=uQZVeRyEAODXLqvQJYvN51Ffsek");
        assertThatThrownBy(() -> fixture.client.features().get("nope"))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("No feature with id 'nope'");
    }

    @Test
    void getAsyncCompletesWithTheObject() throws Exception {
        fixture.respond("guide.json");

        assertThat(fixture.client
                        .guides()
                        .getAsync("Kg92trd4yOzpDb2inI5eTOdcR0U")
                        .get()
                        .name())
                .isEqualTo("Poll 1 - Test");
    }

    @Test
    void getAllNamesTheUnknownIdWhenPendoFailsTheWholeCall() {
        String guide = ResourceFixture.fixture("guide.json");
        // Batch call fails; then one call per id.
        fixture.respond(404, "{\"overall\":\"guide not found\"}");
        fixture.respond(200, guide);
        fixture.respond(404, "{}");

        assertThatThrownBy(() -> fixture.client.guides().getAll(List.of("Kg92trd4yOzpDb2inI5eTOdcR0U", "gone")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("Unknown guide ids: [gone]");
        assertThat(fixture.take().getTarget()).isEqualTo("/api/v1/guide?expand=*&id=Kg92trd4yOzpDb2inI5eTOdcR0U,gone");
        assertThat(fixture.take().getTarget()).endsWith("id=Kg92trd4yOzpDb2inI5eTOdcR0U");
        assertThat(fixture.take().getTarget()).endsWith("id=gone");
    }

    @Test
    void getAllFoundReturnsTheKnownOnes() {
        fixture.respond(400, "{}");
        fixture.respond("guide.json");
        fixture.respond(200, "[]");

        assertThat(fixture.client.guides().getAllFound(List.of("Kg92trd4yOzpDb2inI5eTOdcR0U", "gone")))
                .extracting(Guide::id)
                .containsExactly("Kg92trd4yOzpDb2inI5eTOdcR0U");
    }

    @Test
    void getAllIsOneCallWhenEveryIdIsKnown() {
        fixture.respond("feature.json");

        assertThat(fixture.client
                        .features()
                        .getAll(List.of("uQZVeRyEAODXLqvQJYvN51Ffsek", "xZ2ChLx7n8fV3cG0rYl4pQaBcDe")))
                .hasSize(2);
        assertThat(fixture.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void guideStateSegmentAndResets() {
        for (int i = 0; i < 4; i++) {
            fixture.respond(200, "");
        }

        fixture.client.guides().setState("g/1", "disabled");
        fixture.client.guides().setSegment("g1", "seg1");
        fixture.client.guides().resetForVisitor("g1", "v 1");
        fixture.client.guides().resetAllForVisitor("v#2");

        RecordedRequest state = fixture.take();
        assertThat(state.getMethod()).isEqualTo("PUT");
        assertThat(state.getTarget()).isEqualTo("/api/v1/guide/g%2F1/state");
        assertThat(body(state)).isEqualTo("{\"state\":\"disabled\"}");
        RecordedRequest segment = fixture.take();
        assertThat(segment.getTarget()).isEqualTo("/api/v1/guide/g1/segment");
        assertThat(body(segment)).isEqualTo("{\"segmentId\":\"seg1\"}");
        RecordedRequest reset = fixture.take();
        assertThat(reset.getMethod()).isEqualTo("POST");
        assertThat(reset.getTarget()).isEqualTo("/api/v1/guide/g1/visitor/v%201/reset");
        assertThat(fixture.take().getTarget()).isEqualTo("/api/v1/guide/all/visitor/v%232/reset");
        assertThatThrownBy(() -> fixture.client.guides().setState("g1", "published"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("public");
    }

    @Test
    void unknownFieldsSurviveARoundTripOfEveryFixture() throws IOException {
        JsonAdapter<List<Object>> raw = PendoJson.moshi().adapter(Types.newParameterizedType(List.class, Object.class));
        for (Map.Entry<String, Class<?>> entry : Map.<String, Class<?>>of(
                        "feature.json",
                        Feature.class,
                        "page.json",
                        Page.class,
                        "guide.json",
                        Guide.class,
                        "tracktype.json",
                        TrackType.class,
                        "report.json",
                        io.github.pendoclient.model.Report.class,
                        "segment.json",
                        io.github.pendoclient.model.Segment.class)
                .entrySet()) {
            String json = ResourceFixture.fixture(entry.getKey());
            JsonAdapter<List<Object>> typed =
                    PendoJson.moshi().adapter(Types.newParameterizedType(List.class, entry.getValue()));
            // A declared member that is null reads the same as an absent one; everything else survives exactly.
            List<Object> original = withoutDeclaredNulls(raw.fromJson(json), entry.getValue());
            List<Object> roundTripped = raw.fromJson(typed.toJson(typed.fromJson(json)));
            assertThat(roundTripped).as(entry.getKey()).isEqualTo(original);
        }
    }

    private static List<Object> withoutDeclaredNulls(List<Object> objects, Class<?> type) {
        java.util.Set<String> declared = java.util.Arrays.stream(type.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName)
                .collect(java.util.stream.Collectors.toSet());
        return objects.stream()
                .map(object -> {
                    Map<Object, Object> copy = new java.util.LinkedHashMap<>((Map<?, ?>) object);
                    copy.entrySet().removeIf(member -> member.getValue() == null && declared.contains(member.getKey()));
                    return (Object) copy;
                })
                .toList();
    }

    @Test
    void aValueOfAnotherTypeInOneObjectIsKeptAndDoesNotFailTheList() {
        fixture.respond(200, "[{\"id\":\"a\",\"createdAt\":1},{\"id\":\"b\",\"createdAt\":\"last tuesday\"}]");

        List<Feature> features = fixture.client.features().list();

        assertThat(features).hasSize(2);
        assertThat(features.get(1).createdAt()).isNull();
        assertThat(features.get(1).unknownFields()).containsEntry("createdAt", "last tuesday");
    }

    @Test
    void malformedJsonInOneObjectNamesItsPath() {
        fixture.respond(200, "[{\"id\":\"a\",\"createdAt\":1},{\"id\":\"b\",\"createdAt\":tuesday}]");

        assertThatThrownBy(() -> fixture.client.features().list())
                .isInstanceOfSatisfying(
                        UnreadableResponseException.class,
                        e -> assertThat(e.jsonPath()).isEqualTo("$[1].createdAt"));
    }
}
