package io.github.pendoclient.resource;

import static io.github.pendoclient.resource.ResourceFixture.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What Pendo does not document is the SDK's default, and each can be replaced by the caller. */
class UndocumentedShapesAreOptionsTest {

    private final ResourceFixture fixture = new ResourceFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aGuideStateCanBeSentWithAnotherBody() {
        fixture.respond(200, "");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", "public");
        body.put("stateRevisionId", 7L);

        fixture.client.guides().setState("g1", body);

        RecordedRequest request = fixture.take();
        assertThat(request.getTarget()).isEqualTo("/api/v1/guide/g1/state");
        assertThat(body(request)).isEqualTo("{\"state\":\"public\",\"stateRevisionId\":7}");
    }

    @Test
    void aGuideSegmentCanBeSentWithAnotherBody() {
        fixture.respond(200, "");

        fixture.client.guides().setSegment("g1", Map.of("segment", Map.of("id", "seg1")));

        assertThat(body(fixture.take())).isEqualTo("{\"segment\":{\"id\":\"seg1\"}}");
    }

    @Test
    void aSegmentCanBeCreatedAndReplacedWithAnotherBody() {
        fixture.respond(200, "{\"id\":\"seg1\",\"name\":\"Pro\"}");
        fixture.respond(200, "");

        fixture.client.segments().create(Map.of("name", "Pro", "visitorIds", List.of("v-1")));
        fixture.client.segments().replace("seg1", Map.of("visitorIds", List.of("v-2")));

        assertThat(body(fixture.take())).contains("\"visitorIds\":[\"v-1\"]");
        RecordedRequest replace = fixture.take();
        assertThat(replace.getTarget()).endsWith("/segment/seg1");
        assertThat(body(replace)).isEqualTo("{\"visitorIds\":[\"v-2\"]}");
    }

    @Test
    void historyLooksBackFurtherWhenAskedTo() {
        fixture.respond(200, "[]");
        Instant now = fixture.time.now();
        Instant from = now.minus(Duration.ofDays(300)).truncatedTo(java.time.temporal.ChronoUnit.DAYS);

        List<?> items = fixture.client
                .visitors()
                .history("v-1", from, from.plus(Duration.ofDays(1)), Duration.ofDays(365))
                .toList();

        assertThat(items).isEmpty();
        assertThat(fixture.take().getTarget()).endsWith("starttime=" + from.toEpochMilli());
    }

    @Test
    void historyByDefaultStartsNoEarlierThan179DaysAgo() {
        Instant now = fixture.time.now();
        Instant from = now.minus(Duration.ofDays(300));

        List<?> items = fixture.client
                .visitors()
                .history("v-1", from, now.minus(Duration.ofDays(200)))
                .toList();

        assertThat(items).isEmpty();
        assertThat(fixture.server.getRequestCount()).isZero();
    }

    @Test
    void aLookbackMustBePositive() {
        Instant now = fixture.time.now();

        assertThatThrownBy(() -> fixture.client.visitors().history("v-1", now, now, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lookback");
    }
}
