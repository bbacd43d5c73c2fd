package io.github.pendoclient.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.resource.BulkUpdateReport;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.FakePendo;
import io.github.pendoclient.testing.FakePendoExtension;
import io.github.pendoclient.testing.HourlyEvents;
import io.github.pendoclient.track.TrackEvent;
import io.github.pendoclient.track.webhook.WebhookEvent;
import io.github.pendoclient.track.webhook.WebhookSecret;
import io.github.pendoclient.track.webhook.WebhookVerifier;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExamplesTest {

    static final Dataset DATASET = Dataset.generated(5, 400);

    @RegisterExtension
    static final FakePendoExtension EXTENSION =
            FakePendoExtension.create(FakePendo.builder().dataset(DATASET).build());

    static final FakePendo PENDO = EXTENSION.fake();

    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text, true);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void listCatalogCountsEveryKind() {
        ListCatalog.run(PENDO.client(), out);

        assertThat(text.toString())
                .startsWith(
                        DATASET.pages().size() + " pages, " + DATASET.features().size()
                                + " features, " + DATASET.trackTypes().size() + " track types, "
                                + DATASET.guides().size()
                                + " guides")
                .contains("page     Dashboard");
    }

    @Test
    void topPagesReportAddsUpViewsPerPage() {
        List<Map<String, Object>> rows = TopPagesReport.run(PENDO.client(), out, 3);

        Map<String, Double> views = DATASET.hourRows().stream()
                .filter(r -> r.kind() == HourlyEvents.Kind.PAGE)
                .collect(Collectors.groupingBy(
                        HourlyEvents::objectId, Collectors.summingDouble(HourlyEvents::numEvents)));
        double best =
                views.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(rows).hasSize(3);
        assertThat(((Number) rows.get(0).get("views")).doubleValue()).isEqualTo(best);
        assertThat(((Number) rows.get(0).get("views")).doubleValue())
                .isGreaterThanOrEqualTo(((Number) rows.get(1).get("views")).doubleValue());
        assertThat(text.toString()).contains("views").contains("1    ");
    }

    @Test
    void topPagesPrintsWholeViewsAndEachPageWithItsApp() {
        TopPagesReport.run(PENDO.client(), out, 50);

        List<String> rows = text.toString().lines().skip(1).toList();
        assertThat(rows)
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line)
                        .as("a page, its app, whole views and visitors")
                        .matches("\\d+ +.+ \\(app -?\\d+\\) +[\\d,]+ +[\\d,]+"));
    }

    @Test
    void metadataImportReportsMissingAndFailedRows() throws Exception {
        String known = DATASET.visitors().get(0).id();
        String csv = "visitorId,plan_tier,seats\n" + known + ",enterprise,250\nv-nobody,team,3\n"
                + DATASET.visitors().get(1).id() + ",team,lots\n";

        BulkUpdateReport report = MetadataCsvImport.run(PENDO.client(), new StringReader(csv), out);

        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.missing()).containsExactly("v-nobody");
        assertThat(report.failed()).isEqualTo(1);
        assertThat(PENDO.client().visitors().get(known).group("custom")).containsEntry("seats", 250L);
        assertThat(text.toString()).contains("missing visitor: v-nobody").contains("failed:");
    }

    @Test
    void theWebAppDeliversEveryTrackedEventBeforeItStops() throws Exception {
        int before = PENDO.trackEvents().size();
        try (TrackInWebApp app = new TrackInWebApp(PENDO.trackClient())) {
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + app.port() + "/export?visitor=v-" + i + "&format=csv"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
            }
            assertThat(app.failures()).isZero();
        }
        assertThat(PENDO.trackEvents().subList(before, PENDO.trackEvents().size()))
                .hasSize(20)
                .extracting(TrackEvent::event)
                .containsOnly("Report Exported");
    }

    @Test
    void theWebhookReceiverVerifiesParsesAndDeduplicates() throws Exception {
        WebhookSecret secret = WebhookSecret.of("fake-webhook-secret");
        String body = "{\"event\": \"guideDisplayed\", \"visitorId\": \"v-1\", \"timestamp\": 1626803876,"
                + " \"uniqueId\": \"f9610795860d89fe29491846fe297bcc922e460b\","
                + " \"properties\": {\"guideId\": \"g-1\", \"guideStepId\": \"s-1\"}}";
        String signature = WebhookVerifier.hmacSha256(secret).signatureFor(body.getBytes(StandardCharsets.UTF_8));
        try (WebhookReceiver receiver = new WebhookReceiver(secret)) {
            assertThat(post(receiver, body, signature)).isEqualTo(200);
            assertThat(post(receiver, body, signature)).isEqualTo(200);
            assertThat(post(receiver, body, "sha256=" + "0".repeat(64))).isEqualTo(401);
            assertThat(post(receiver, body.replace("v-1", "v-2"), signature)).isEqualTo(401);
            String notJson = "not json";
            assertThat(post(
                            receiver,
                            notJson,
                            WebhookVerifier.hmacSha256(secret).signatureFor(notJson.getBytes(StandardCharsets.UTF_8))))
                    .isEqualTo(400);

            assertThat(receiver.handled())
                    .hasSize(1)
                    .first()
                    .isInstanceOfSatisfying(
                            WebhookEvent.GuideDisplayed.class,
                            guide -> assertThat(guide.guideId()).isEqualTo("g-1"));
        }
    }

    private int post(WebhookReceiver receiver, String body, String signature) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(receiver.url()))
                                .header("X-Pendo-Signature", signature)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
