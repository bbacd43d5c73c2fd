package io.github.pendoclient.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.aggregation.rows.EventRow;
import io.github.pendoclient.aggregation.rows.PollEventRow;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Streaming findings of the fidelity audit (issue 13), against bodies written from section 7.10. */
class RealShapesStreamingTest {

    private StreamingServer server;
    private AggregationClient aggregations;

    @BeforeEach
    void start() throws IOException {
        server = StreamingServer.start();
        aggregations = server.aggregations();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    @Test
    void aStringParametersValueDoesNotEndTheStream() {
        server.respond(AggregationClientTest.fixture("real/events.json"));

        List<EventRow> rows = aggregations.stream(Queries.events(AppIds.all()), EventRow.class)
                .toList();

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).parameters()).isEqualTo(Map.of("plan", "pro", "seats", 3L));
        assertThat(rows.get(1).parameters()).isEqualTo(Map.of("plan", "free"));
        assertThat(rows.get(1).numEvents()).isEqualTo(2L);
        assertThat(rows.get(1).numMinutes()).isEqualTo(1L);
    }

    @Test
    void pollRowsCarryAccountIdsLocationLoadTimeAndServerName() {
        server.respond(AggregationClientTest.fixture("real/pollEvents.json"));

        PollEventRow poll = aggregations.stream(Queries.pollEvents(AppIds.all()), PollEventRow.class)
                .toList()
                .get(0);

        assertThat(poll.accountIds()).containsExactly("tempAccount", "other");
        assertThat(poll.latitude()).isEqualTo(37.77);
        assertThat(poll.longitude()).isEqualTo(-122.4);
        assertThat(poll.loadTime()).isEqualTo(80L);
        assertThat(poll.serverName()).isEqualTo("app.example.com");
    }

    @Test
    void catalogQueriesForEveryAppSendExpandAppIds() {
        for (Aggregation query : List.of(
                Queries.features(AppIds.all()),
                Queries.pages(AppIds.all()),
                Queries.guides(AppIds.all()),
                Queries.trackTypes(AppIds.all()))) {
            Map<String, Object> source = source(query);
            assertThat(source.values()).containsExactly(Map.of("appId", "expandAppIds(\"*\")"));
        }
    }

    @Test
    void catalogQueriesForTheDefaultAppSendNull() {
        Map<String, Object> source = source(Queries.features(AppIds.defaultApp()));

        assertThat(source).containsEntry("features", null);
    }

    @Test
    void anyPeriodNameIsSentAsGivenAndTheKnownNamesAreTheEnum() {
        TimeSeries weekly = TimeSeries.of("weekRange").first(Expr.now()).count(-4);

        Map<String, Object> source =
                source(Aggregation.builder().source(Source.pageEvents(), weekly).build());

        assertThat(source).containsEntry("timeSeries", Map.of("period", "weekRange", "first", "now()", "count", -4L));
        assertThat(weekly.period()).isEmpty();
        assertThat(TimeSeries.of("hourRange")).isEqualTo(TimeSeries.hours());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> source(Aggregation query) {
        Map<String, Object> body =
                (Map<String, Object>) io.github.pendoclient.internal.json.JsonValues.parse(query.toJson());
        Map<String, Object> step = (Map<String, Object>)
                ((List<Object>) ((Map<String, Object>) body.get("request")).get("pipeline")).get(0);
        return (Map<String, Object>) step.get("source");
    }
}
