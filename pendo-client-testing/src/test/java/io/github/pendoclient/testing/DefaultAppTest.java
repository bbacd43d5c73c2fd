package io.github.pendoclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.internal.json.JsonValues;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A request that names no app covers the default app only, as in Pendo; {@code expandAppIds("*")} covers all. */
class DefaultAppTest {

    static final long OTHER_APP = 5_629_499_534_213_120L;
    static final Instant HOUR = Instant.parse("2026-11-01T10:00:00Z");
    static final Dataset DATASET = Dataset.builder()
            .feature("f-default", Dataset.DEFAULT_APP_ID, "Save")
            .feature("f-other", OTHER_APP, "Tap")
            .page("p-default", Dataset.DEFAULT_APP_ID, "Home")
            .page("p-other", OTHER_APP, "Start")
            .trackType("t-default", Dataset.DEFAULT_APP_ID, "Saved")
            .trackType("t-other", OTHER_APP, "Tapped")
            .guide("g-default", Dataset.DEFAULT_APP_ID, "Tour", "public", 1)
            .guide("g-other", OTHER_APP, "Mobile tour", "public", 1)
            .pageEvents("v-1", "a-1", Dataset.DEFAULT_APP_ID, HOUR, "p-default", 2)
            .pageEvents("v-1", "a-1", OTHER_APP, HOUR, "p-other", 3)
            .row(
                    "guideEvents",
                    Map.of(
                            "visitorId",
                            "v-1",
                            "appId",
                            OTHER_APP,
                            "guideId",
                            "g-other",
                            "browserTime",
                            HOUR.toEpochMilli(),
                            "type",
                            "guideSeen"))
            .row("custom", Map.of("id", "no-app"))
            .build();

    @RegisterExtension
    static final FakePendoExtension EXTENSION =
            FakePendoExtension.create(FakePendo.builder().dataset(DATASET).build());

    static final FakePendo PENDO = EXTENSION.fake();

    static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String ALL = "{\"appId\":\"expandAppIds(\\\"*\\\")\"}";
    static final String SERIES =
            ",\"timeSeries\":{\"period\":\"dayRange\",\"first\":" + HOUR.toEpochMilli() + ",\"count\":1}";

    @Test
    void aCatalogSourceWithANullAppIdReturnsTheDefaultAppOnly() throws Exception {
        for (String source : List.of("features", "pages", "trackTypes", "guides")) {
            assertThat(appIds(aggregate("{\"" + source + "\":null}")))
                    .as(source)
                    .containsOnly(Dataset.DEFAULT_APP_ID);
            assertThat(appIds(aggregate("{\"" + source + "\":{\"appId\":null}}")))
                    .as(source)
                    .containsOnly(Dataset.DEFAULT_APP_ID);
        }
    }

    @Test
    void expandAppIdsStarReturnsEveryApp() throws Exception {
        for (String source : List.of("features", "pages", "trackTypes", "guides")) {
            assertThat(appIds(aggregate("{\"" + source + "\":" + ALL + "}")))
                    .as(source)
                    .containsExactlyInAnyOrder(Dataset.DEFAULT_APP_ID, OTHER_APP);
        }
    }

    @Test
    void anExplicitAppIdReturnsThatAppOnly() throws Exception {
        assertThat(appIds(aggregate("{\"features\":{\"appId\":" + OTHER_APP + "}}")))
                .containsOnly(OTHER_APP);
    }

    @Test
    void eventSourcesWithoutAnAppIdCoverTheDefaultAppOnly() throws Exception {
        assertThat(appIds(aggregate("{\"pageEvents\":null" + SERIES + "}"))).containsOnly(Dataset.DEFAULT_APP_ID);
        assertThat(appIds(aggregate("{\"events\":null" + SERIES + "}"))).containsOnly(Dataset.DEFAULT_APP_ID);
        assertThat(appIds(aggregate("{\"guideEvents\":null" + SERIES + "}"))).isEmpty();
        assertThat(appIds(aggregate("{\"pageEvents\":" + ALL + SERIES + "}")))
                .containsExactlyInAnyOrder(Dataset.DEFAULT_APP_ID, OTHER_APP);
        assertThat(appIds(aggregate("{\"guideEvents\":" + ALL + SERIES + "}"))).containsOnly(OTHER_APP);
    }

    @Test
    void rowsThatBelongToNoAppAreReturnedWithoutAnAppId() throws Exception {
        List<Object> ids = aggregate("{\"custom\":null}").stream()
                .map(row -> (Object) row.get("id"))
                .toList();
        assertThat(ids).containsExactly("no-app");
    }

    @Test
    void aRestCatalogListWithoutExpandReturnsTheDefaultAppOnly() throws Exception {
        assertThat(appIds(get("api/v1/feature"))).containsOnly(Dataset.DEFAULT_APP_ID);
        assertThat(appIds(get("api/v1/guide?id=g-default"))).containsOnly(Dataset.DEFAULT_APP_ID);
        assertThat(appIds(get("api/v1/feature?expand=*"))).containsExactlyInAnyOrder(Dataset.DEFAULT_APP_ID, OTHER_APP);
        assertThat(appIds(get("api/v1/page?appId=" + OTHER_APP))).containsOnly(OTHER_APP);
    }

    private static List<Map<?, ?>> aggregate(String source) throws Exception {
        String body = "{\"response\":{\"mimeType\":\"application/json\"},\"request\":{\"pipeline\":[{\"source\":"
                + source + "}]}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(PENDO.baseUrl() + "api/v1/aggregation"))
                .header("x-pendo-integration-key", PENDO.integrationKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return rows(((Map<?, ?>) JsonValues.parse(response.body())).get("results"));
    }

    private static List<Map<?, ?>> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(PENDO.baseUrl() + path))
                .header("x-pendo-integration-key", PENDO.integrationKey())
                .GET()
                .build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return rows(JsonValues.parse(response.body()));
    }

    private static List<Map<?, ?>> rows(Object parsed) {
        return ((List<?>) parsed)
                .stream().<Map<?, ?>>map(row -> (Map<?, ?>) row).toList();
    }

    private static List<Long> appIds(List<Map<?, ?>> rows) {
        return rows.stream().map(row -> ((Number) row.get("appId")).longValue()).toList();
    }
}
