package io.github.pendoclient.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import io.github.pendoclient.aggregation.rows.EventRow;
import io.github.pendoclient.aggregation.rows.FeatureEventRow;
import io.github.pendoclient.aggregation.rows.GuideEventRow;
import io.github.pendoclient.aggregation.rows.PageEventRow;
import io.github.pendoclient.aggregation.rows.PollEventRow;
import io.github.pendoclient.aggregation.rows.TrackEventRow;
import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.internal.json.PendoJson;
import io.github.pendoclient.model.Account;
import io.github.pendoclient.model.Visitor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A streamed row, whose objects are read from the body's bytes, is the row Moshi's own reader makes of the same JSON:
 * as a map and as each typed row, for every real-shape fixture and for rows whose members have unexpected types
 * (the lenient binding's cases).
 */
class RowsFromBytesTest {

    /** Rows whose metadata or members have other JSON types than declared: kept raw, converted, or left empty. */
    private static final String LENIENT_VISITORS = "{\"startTime\": 1, \"results\": ["
            + "{\"visitorId\": \"a\", \"metadata\": {\"agent\": \"not an object\", \"auto\": {\"n\": 1}}},"
            + "{\"visitorId\": 42, \"metadata\": [1, 2]},"
            + "{\"visitorId\": \"c\", \"metadata\": \"{\\\"auto\\\": {\\\"x\\\": 1}}\", \"extra\": {\"k\": [true]}},"
            + "{\"id\": \"d\", \"metadata\": {\"auto\": {\"lastvisit\": 2.0, \"name\": \"é😀\\n\"}}, \"displayName\": 7},"
            + "{\"visitorId\": \"e\", \"metadata\": null},"
            + "{\"visitorId\": \"f\", \"metadata\": {\"auto\": null, \"custom\": {}}}"
            + "]}";

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

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("real/visitors.json", Visitor.class),
                Arguments.of("real/accounts.json", Account.class),
                Arguments.of("real/events.json", EventRow.class),
                Arguments.of("real/pageEvents.json", PageEventRow.class),
                Arguments.of("real/featureEvents.json", FeatureEventRow.class),
                Arguments.of("real/trackEvents.json", TrackEventRow.class),
                Arguments.of("real/guideEvents.json", GuideEventRow.class),
                Arguments.of("real/pollEvents.json", PollEventRow.class),
                Arguments.of("visitors-aggregation.json", Visitor.class),
                Arguments.of("page-events-aggregation.json", PageEventRow.class),
                Arguments.of(LENIENT_VISITORS, Visitor.class));
    }

    private static String body(String fixtureOrJson) {
        return fixtureOrJson.startsWith("{") ? fixtureOrJson : AggregationClientTest.fixture(fixtureOrJson);
    }

    /** The rows as Moshi's reader alone reads them, each with the given reader of one row. */
    private static <T> List<T> readByMoshi(String body, RowReader<T> rows) throws IOException {
        JsonReader reader = JsonReader.of(new Buffer().writeUtf8(body));
        List<T> result = new ArrayList<>();
        reader.beginObject();
        while (reader.hasNext()) {
            if (reader.nextName().equals("results")) {
                reader.beginArray();
                while (reader.hasNext()) {
                    result.add(rows.read(reader));
                }
                reader.endArray();
            } else {
                reader.skipValue();
            }
        }
        return result;
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void aStreamedMapRowIsTheRowMoshiReads(String fixtureOrJson, Class<?> ignored) throws IOException {
        String body = body(fixtureOrJson);
        server.respond(body);
        List<Map<String, Object>> streamed;
        try (Stream<Map<String, Object>> rows = aggregations.stream(Queries.allVisitors())) {
            streamed = rows.toList();
        }
        List<Map<String, Object>> expected = readByMoshi(body, JsonValues::readObject);
        assertThat(streamed).isNotEmpty().isEqualTo(expected);
        assertThat(streamed.toString()).isEqualTo(expected.toString());
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void aStreamedTypedRowIsTheRecordMoshiReads(String fixtureOrJson, Class<?> rowType) throws IOException {
        String body = body(fixtureOrJson);
        server.respond(body);
        List<?> streamed;
        try (Stream<?> rows = aggregations.stream(Queries.allVisitors(), rowType)) {
            streamed = rows.toList();
        }
        JsonAdapter<?> adapter = PendoJson.moshi().adapter(rowType);
        List<?> expected = readByMoshi(body, adapter::fromJson);
        assertThat(streamed).isNotEmpty().isEqualTo(expected);
        assertThat(streamed.toString()).isEqualTo(expected.toString());
    }
}
