package io.github.pendoclient.internal.http;

import static io.github.pendoclient.internal.http.StackFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.error.AuthenticationException;
import io.github.pendoclient.error.InvalidRequestException;
import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.error.PermissionDeniedException;
import io.github.pendoclient.error.ServerException;
import io.github.pendoclient.error.UnreadableResponseException;
import io.github.pendoclient.internal.CoreAccess;
import io.github.pendoclient.testsupport.CapturedLogs;
import java.util.Map;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {

    private final StackFixture fixture = new StackFixture();

    @BeforeEach
    void clearLogs() {
        CapturedLogs.clear();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void unauthorizedSuggestsCheckingTheRegion() {
        fixture.enqueue(json(401, "{\"overall\":\"invalid key\"}"));

        assertThatThrownBy(
                        () -> CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.features()))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("GET /api/v1/feature")
                .hasMessageContaining("one region only")
                .hasMessageContaining("invalid key");
    }

    @Test
    void forbiddenMentionsWriteAccessForAggregations() {
        fixture.enqueue(json(403, ""));

        assertThatThrownBy(
                        () -> CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.aggregate(Map.of())))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("Allow Write Access");
    }

    @Test
    void unprocessableCarriesPendosFieldErrors() {
        fixture.enqueue(json(422, "{\"overall\":{},\"fields\":{\"pipeline\":\"Required\"}}"));

        assertThatThrownBy(
                        () -> CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.aggregate(Map.of())))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.fieldErrors()).containsEntry("pipeline", "Required");
                    assertThat(e.rawBody()).contains("\"pipeline\"");
                    assertThat(e.method()).isEqualTo("POST");
                    assertThat(e.path()).isEqualTo("/api/v1/aggregation");
                })
                .hasMessageContaining("pipeline: Required")
                .hasMessageContaining("HTTP 422");
    }

    @Test
    void anHtmlErrorPageGivesAReadableMessage() {
        String page = "<html><head><title>503 Service Temporarily Unavailable</title></head><body><center>"
                + "<h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>";
        for (int i = 0; i < 4; i++) {
            fixture.enqueue(new MockResponse.Builder()
                    .code(503)
                    .addHeader("Content-Type", "text/html")
                    .body(page)
                    .build());
        }

        assertThatThrownBy(
                        () -> CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.features()))
                .isInstanceOf(ServerException.class)
                .hasMessageContaining("HTML page titled '503 Service Temporarily Unavailable'")
                .hasMessageContaining("proxy")
                .hasMessageNotContaining("<center>");
    }

    @Test
    void rawBodyIsTruncatedToAboutOneKilobyte() {
        fixture.enqueue(json(400, "x".repeat(50_000)));

        assertThatThrownBy(
                        () -> CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.features()))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.rawBody()).hasSizeLessThan(1100));
    }

    @Test
    void truncatedJsonIsReportedWithItsPath() {
        fixture.enqueue(json(200, "[{\"id\":\"f1\"},{\"id\":\"f2\",\"name\":"));

        assertThatThrownBy(
                        () -> CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.features()))
                .isInstanceOfSatisfying(UnreadableResponseException.class, e -> {
                    assertThat(e.jsonPath()).startsWith("$[1]");
                    assertThat(e.path()).isEqualTo("/api/v1/feature");
                })
                .hasMessageContaining("cut short");
    }

    @Test
    void malformedJsonIsReportedWithItsPath() {
        fixture.enqueue(json(200, "[{\"id\":\"f1\"}, {\"id\" \"f2\"}]"));

        assertThatThrownBy(
                        () -> CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.features()))
                .isInstanceOfSatisfying(
                        UnreadableResponseException.class,
                        e -> assertThat(e.jsonPath()).startsWith("$[1]"))
                .hasMessageContaining("GET /api/v1/feature");
    }

    @Test
    void aWrongShapeIsReportedWithItsPath() {
        fixture.enqueue(json(200, "{\"id\":\"not-a-list\"}"));

        assertThatThrownBy(
                        () -> CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.features()))
                .isInstanceOfSatisfying(
                        UnreadableResponseException.class,
                        e -> assertThat(e.jsonPath()).isEqualTo("$"));
    }

    @Test
    void theKeyNeverAppearsInMessagesBodiesOrLogs() {
        String echo = "{\"overall\":\"bad key " + StackFixture.KEY + "\"}";
        fixture.enqueue(json(401, echo));
        for (int i = 0; i < 4; i++) {
            fixture.enqueue(json(500, echo));
        }

        PendoException unauthorized = catchPendo(
                () -> CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.features()));
        PendoException server = catchPendo(
                () -> CoreAccess.view(fixture.client, PendoHttp.class).execute(fixture.api.visitor("v1")));

        for (PendoException e : new PendoException[] {unauthorized, server}) {
            assertThat(e.getMessage()).doesNotContain(StackFixture.KEY).contains("[redacted]");
            assertThat(e.toString()).doesNotContain(StackFixture.KEY);
            assertThat(((io.github.pendoclient.error.PendoApiException) e).rawBody())
                    .doesNotContain(StackFixture.KEY);
        }
        assertThat(CapturedLogs.lines())
                .isNotEmpty()
                .anySatisfy(line -> assertThat(line).contains("x-pendo-integration-key=[redacted]"))
                .anySatisfy(line -> assertThat(line).contains("Retrying GET /api/v1/visitor/v1"))
                .noneSatisfy(line -> assertThat(line).contains(StackFixture.KEY));
    }

    private static PendoException catchPendo(Runnable action) {
        try {
            action.run();
        } catch (PendoException e) {
            return e;
        }
        throw new AssertionError("expected a PendoException");
    }
}
