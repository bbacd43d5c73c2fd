package io.github.pendoclient.resource;

import static io.github.pendoclient.resource.ResourceFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.model.BulkDeleteJob;
import io.github.pendoclient.model.Report;
import io.github.pendoclient.model.Segment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OtherResourcesTest {

    private final ResourceFixture fixture = new ResourceFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void segmentsListGetCreateReplaceDeleteAndMembership() {
        String list = ResourceFixture.fixture("segment.json");
        String one = list.substring(1, list.length() - 2);
        fixture.respond(200, list);
        fixture.respond(200, one);
        fixture.respond(200, one);
        for (int i = 0; i < 4; i++) {
            fixture.respond(200, "");
        }

        List<Segment> segments = fixture.client.segments().list();
        Segment segment = fixture.client.segments().get("seg-Pr0Users");
        Segment created = fixture.client.segments().create("Pro users", List.of("v-1", "v-2"));
        fixture.client.segments().replace("seg-Pr0Users", "Pro users", List.of("v-3"));
        fixture.client.segments().delete("seg-Pr0Users");
        fixture.client.segments().addVisitor("seg-Pr0Users", "v/4");
        fixture.client.segments().removeVisitor("seg-Pr0Users", "v/4");

        assertThat(segments).extracting(Segment::name).containsExactly("Pro users");
        assertThat(segment.unknownFields()).containsKeys("definition", "shared");
        assertThat(created.id()).isEqualTo("seg-Pr0Users");
        assertThat(fixture.take().getTarget()).isEqualTo("/api/v1/segment");
        assertThat(fixture.take().getTarget()).isEqualTo("/api/v1/segment/seg-Pr0Users");
        RecordedRequest create = fixture.take();
        assertThat(create.getMethod()).isEqualTo("POST");
        assertThat(create.getTarget()).isEqualTo("/api/v1/segment/upload");
        assertThat(body(create)).isEqualTo("{\"name\":\"Pro users\",\"visitors\":[\"v-1\",\"v-2\"]}");
        RecordedRequest replace = fixture.take();
        assertThat(replace.getMethod()).isEqualTo("PUT");
        assertThat(body(replace)).isEqualTo("{\"name\":\"Pro users\",\"visitors\":[\"v-3\"]}");
        assertThat(fixture.take().getMethod()).isEqualTo("DELETE");
        RecordedRequest add = fixture.take();
        assertThat(add.getMethod()).isEqualTo("PUT");
        assertThat(add.getTarget()).isEqualTo("/api/v1/segment/seg-Pr0Users/visitor/v%2F4");
        assertThat(fixture.take().getMethod()).isEqualTo("DELETE");
    }

    @Test
    void reportsAndTheirResults() {
        fixture.respond("report.json");
        fixture.respond("report-results.json");

        Report report = fixture.client.reports().list().get(0);
        List<java.util.Map<String, Object>> rows = fixture.client.reports().results("rep-Q1");

        assertThat(fixture.take().getTarget()).isEqualTo("/api/v1/report");
        assertThat(fixture.take().getTarget()).isEqualTo("/api/v1/report/rep-Q1/results.json");
        assertThat(report.aggregation()).containsKey("pipeline");
        assertThat(report.lastSuccessRunAt()).isNotNull();
        assertThat(report.unknownFields()).containsKey("lastSuccessRunObj");
        assertThat(rows).extracting(row -> row.get("numEvents")).containsExactly(42L, 7L);
    }

    @Test
    void bulkDeleteSendsAtMost500IdsPerRequestAndOneRequestPerSecond() {
        for (int i = 0; i < 3; i++) {
            fixture.respond("bulkdelete.json");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            ids.add("visitor-" + i);
        }
        ids.add("visitor-0");

        List<BulkDeleteJob> jobs = fixture.client.bulkDelete().visitors(ids);

        assertThat(jobs).hasSize(3).allSatisfy(job -> assertThat(job.id()).isEqualTo("bd-7f3a"));
        RecordedRequest first = fixture.take();
        assertThat(first.getMethod()).isEqualTo("POST");
        assertThat(first.getTarget()).isEqualTo("/api/v1/bulkdelete/visitor");
        assertThat(body(first)).startsWith("{\"visitors\":[\"visitor-0\",\"visitor-1\",");
        assertThat(body(first).split(",")).hasSize(500);
        fixture.take();
        assertThat(body(fixture.take()).split(",")).hasSize(200);
        assertThat(fixture.time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void bulkDeleteAccountsAndStatus() {
        fixture.respond("bulkdelete.json");
        fixture.respond(200, "[" + ResourceFixture.fixture("bulkdelete.json") + "]");
        fixture.respond("bulkdelete.json");

        fixture.client.bulkDelete().accounts(List.of("acme"));
        List<BulkDeleteJob> all = fixture.client.bulkDelete().status();
        BulkDeleteJob one = fixture.client.bulkDelete().status("bd-7f3a");

        assertThat(body(fixture.take())).isEqualTo("{\"accounts\":[\"acme\"]}");
        assertThat(fixture.take().getTarget()).isEqualTo("/api/v1/bulkdelete");
        assertThat(fixture.take().getTarget()).isEqualTo("/api/v1/bulkdelete/bd-7f3a");
        assertThat(all).hasSize(1);
        assertThat(one.status()).isEqualTo("queued");
        assertThat(one.unknownFields()).containsEntry("count", 2L);
    }
}
