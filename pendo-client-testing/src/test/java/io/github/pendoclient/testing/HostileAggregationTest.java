package io.github.pendoclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.internal.json.JsonValues;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and hostile aggregation bodies: each gets a 4xx in Pendo's error shape ({@code overall} and
 * {@code fields}, naming the stage when one is at fault) within the client's one-second timeout, never a 200, a
 * hang or a dropped connection.
 */
class HostileAggregationTest {

    @RegisterExtension
    static final FakePendoExtension EXTENSION = FakePendoExtension.create(FakePendo.builder()
            .dataset(Dataset.generator(5)
                    .visitors(200)
                    .days(3)
                    .endingAt(Instant.parse("2026-11-01T00:00:00Z"))
                    .build())
            .build());

    static final FakePendo PENDO = EXTENSION.fake();

    static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /**
     * How long a request may wait for its answer: a hung fake still fails the test, and a loaded CI machine does not.
     * Speed is measured in the benchmarks module, not here.
     */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    static String pipeline(String stages) {
        return "{\"response\":{\"mimeType\":\"application/json\"},\"request\":{\"pipeline\":[" + stages + "]}}";
    }

    static String visitorsThen(String stages) {
        return pipeline("{\"source\":{\"visitors\":null}}," + stages);
    }

    static Stream<Arguments> bodies() {
        String deepParens = "(".repeat(5_000) + "visitorId" + ")".repeat(5_000);
        return Stream.of(
                Arguments.of(
                        "5,000 nested parentheses",
                        visitorsThen("{\"filter\":" + JsonValues.toJson(deepParens) + "}"),
                        "pipeline[1].filter"),
                Arguments.of(
                        "5,000 nested negations",
                        visitorsThen("{\"filter\":" + JsonValues.toJson("!".repeat(5_000) + "visitorId") + "}"),
                        "pipeline[1].filter"),
                Arguments.of("10,000 nested JSON arrays", "[".repeat(10_000) + "]".repeat(10_000), null),
                Arguments.of(
                        "JSON objects nested 5,000 deep inside a stage",
                        visitorsThen("{\"select\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}"),
                        null),
                Arguments.of(
                        "10 MB of filter",
                        visitorsThen("{\"filter\":\"" + "visitorId == 1 || ".repeat(550_000) + "true\"}"),
                        null),
                Arguments.of(
                        "a 100 kB filter",
                        visitorsThen("{\"filter\":\"" + "1 + ".repeat(25_000) + "1\"}"),
                        "pipeline[1].filter"),
                Arguments.of(
                        "a string ordered against a number",
                        visitorsThen("{\"filter\":\"visitorId > 5\"}"),
                        "pipeline[1].filter"),
                Arguments.of("division by zero", visitorsThen("{\"eval\":{\"x\":\"1 / 0\"}}"), "pipeline[1].eval.x"),
                Arguments.of("remainder by zero", visitorsThen("{\"eval\":{\"x\":\"5 % 0\"}}"), "pipeline[1].eval.x"),
                Arguments.of(
                        "arithmetic on a string",
                        visitorsThen("{\"eval\":{\"x\":\"visitorId * 2\"}}"),
                        "pipeline[1].eval.x"),
                Arguments.of("a sort on an object", visitorsThen("{\"sort\":[\"metadata\"]}"), "pipeline[1].sort"),
                Arguments.of("a sort that is not a list", visitorsThen("{\"sort\":\"visitorId\"}"), "pipeline[1].sort"),
                Arguments.of(
                        "timeSeries count 1e12",
                        pipeline("{\"source\":{\"pageEvents\":null,\"timeSeries\":"
                                + "{\"period\":\"dayRange\",\"first\":0,\"count\":1e12}}}"),
                        "pipeline[0].source.timeSeries.count"),
                Arguments.of(
                        "timeSeries count 10^12 days",
                        pipeline("{\"source\":{\"pageEvents\":null,"
                                + "\"timeSeries\":{\"period\":\"dayRange\",\"first\":0,\"count\":1000000000000}}}"),
                        "pipeline[0].source.timeSeries.count"),
                Arguments.of(
                        "a number too large for any integer",
                        visitorsThen("{\"filter\":\"visitorId ==" + " 99999999999999999999999\"}"),
                        "pipeline[1].filter"),
                Arguments.of("an unknown stage", visitorsThen("{\"frobnicate\":1}"), "pipeline[1].frobnicate"),
                Arguments.of("an unknown source", pipeline("{\"source\":{\"spaceships\":null}}"), "pipeline[0].source"),
                Arguments.of(
                        "an unknown function",
                        visitorsThen("{\"filter\":\"hash(visitorId) == 1\"}"),
                        "pipeline[1].filter"),
                Arguments.of(
                        "an unknown aggregator",
                        visitorsThen(
                                "{\"group\":{\"group\":[\"visitorId\"]," + "\"fields\":{\"n\":{\"median\":\"x\"}}}}"),
                        "pipeline[1].group"),
                Arguments.of("a stage with two operators", visitorsThen("{\"limit\":1,\"skip\":1}"), "pipeline[1]"),
                Arguments.of("a stage that is not an object", visitorsThen("42"), "pipeline[1]"),
                Arguments.of("a negative limit", visitorsThen("{\"limit\":-1}"), "pipeline[1].limit"),
                Arguments.of("a fractional limit", visitorsThen("{\"limit\":1.5}"), "pipeline[1].limit"),
                Arguments.of("a limit as text", visitorsThen("{\"limit\":\"ten\"}"), "pipeline[1].limit"),
                Arguments.of("a skip of 1e300", visitorsThen("{\"skip\":1e300}"), "pipeline[1].skip"),
                Arguments.of("a filter that is a number", visitorsThen("{\"filter\":5}"), "pipeline[1].filter"),
                Arguments.of(
                        "a filter that ends early",
                        visitorsThen("{\"filter\":\"visitorId ==\"}"),
                        "pipeline[1].filter"),
                Arguments.of("select of a number", visitorsThen("{\"select\":{\"a\":5}}"), "pipeline[1].select"),
                Arguments.of("identified of a number", visitorsThen("{\"identified\":5}"), "pipeline[1].identified"),
                Arguments.of("unwind without a field", visitorsThen("{\"unwind\":{}}"), "pipeline[1].unwind"),
                Arguments.of("count of an object", visitorsThen("{\"count\":{\"a\":1}}"), "pipeline[1].count"),
                Arguments.of("an empty source", pipeline("{\"source\":{}}"), "pipeline[0].source"),
                Arguments.of("a first stage that is not a source", pipeline("{\"limit\":1}"), "pipeline[0]"),
                Arguments.of(
                        "events without a timeSeries",
                        pipeline("{\"source\":{\"events\":null}}"),
                        "pipeline[0].source"),
                Arguments.of(
                        "an unknown period",
                        pipeline("{\"source\":{\"pageEvents\":null,\"timeSeries\":"
                                + "{\"period\":\"weekRange\",\"first\":0,\"count\":1}}}"),
                        "pipeline[0].source.timeSeries.period"),
                Arguments.of(
                        "a first time that is not a time",
                        pipeline("{\"source\":{\"pageEvents\":null,"
                                + "\"timeSeries\":{\"period\":\"dayRange\",\"first\":\"soon\",\"count\":1}}}"),
                        "pipeline[0].source.timeSeries.first"),
                Arguments.of(
                        "10,000 stages",
                        visitorsThen(String.join(",", java.util.Collections.nCopies(10_000, "{\"limit\":1}"))),
                        "pipeline"),
                Arguments.of("a pipeline that is an object", "{\"request\":{\"pipeline\":{}}}", "pipeline"),
                Arguments.of("no pipeline", "{\"request\":{}}", "pipeline"),
                Arguments.of("a request that is a string", "{\"request\":\"all\"}", "request"),
                Arguments.of("a body that is an array", "[]", null),
                Arguments.of("a body that is a string", "\"aggregate\"", null),
                Arguments.of("an empty body", "", null),
                Arguments.of("a body that is not JSON", "{pipeline: nope", null),
                Arguments.of("two JSON documents", "{} {}", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void isRefusedWithPendosErrorShape(String what, String body, String field) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(PENDO.baseUrl() + "api/v1/aggregation"))
                .timeout(ANSWER_TIMEOUT)
                .header("x-pendo-integration-key", PENDO.integrationKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();

        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        Map<?, ?> error = (Map<?, ?>) JsonValues.parse(response.body());
        assertThat(error.get("overall")).isInstanceOf(String.class);
        assertThat(error.get("fields")).isInstanceOf(Map.class);
        if (field != null) {
            assertThat(fieldNames(error)).as(response.body()).contains(field);
        }
    }

    static Stream<Arguments> oversizedLists() {
        String tenThousandNames = String.join(",", java.util.Collections.nCopies(10_000, "\"visitorId\""));
        StringBuilder tenThousandFields = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            tenThousandFields.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":\"visitorId\"");
        }
        StringBuilder tenThousandCounts = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            tenThousandCounts.append(i == 0 ? "" : ",").append("\"n").append(i).append("\":{\"count\":null}");
        }
        return Stream.of(
                Arguments.of(
                        "a sort on 10,000 fields",
                        visitorsThen("{\"sort\":[" + tenThousandNames + "]}"),
                        "pipeline[1].sort",
                        "100 sort fields"),
                Arguments.of(
                        "a sort on 10,000 fields after a filter",
                        visitorsThen(
                                "{\"filter\":\"visitorId >" + " \\\"a\\\"\"},{\"sort\":[" + tenThousandNames + "]}"),
                        "pipeline[2].sort",
                        "100 sort fields"),
                Arguments.of(
                        "a group on 10,000 fields",
                        visitorsThen("{\"group\":{\"group\":[" + tenThousandNames + "]}}"),
                        "pipeline[1].group",
                        "100 group fields"),
                Arguments.of(
                        "a group with 10,000 aggregated fields",
                        visitorsThen(
                                "{\"group\":{\"group\":" + "[\"visitorId\"],\"fields\":{" + tenThousandCounts + "}}}"),
                        "pipeline[1].group",
                        "1000 aggregated fields"),
                Arguments.of(
                        "a reduce of 10,000 fields",
                        visitorsThen("{\"reduce\":{" + tenThousandCounts + "}}"),
                        "pipeline[1].reduce",
                        "1000 aggregated fields"),
                Arguments.of(
                        "a select of 10,000 fields",
                        visitorsThen("{\"select\":{" + tenThousandFields + "}}"),
                        "pipeline[1].select",
                        "1000 fields"),
                Arguments.of(
                        "an eval of 10,000 fields",
                        visitorsThen("{\"eval\":{" + tenThousandFields + "}}"),
                        "pipeline[1].eval",
                        "1000 fields"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversizedLists")
    void anOperatorListOverItsLimitIs400NamingTheLimit(String what, String body, String field, String limit)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(PENDO.baseUrl() + "api/v1/aggregation"))
                .timeout(ANSWER_TIMEOUT)
                .header("x-pendo-integration-key", PENDO.integrationKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();

        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        Map<?, ?> error = (Map<?, ?>) JsonValues.parse(response.body());
        assertThat(fieldNames(error)).contains(field);
        assertThat(error.get("overall")).asString().contains("10000").contains("at most " + limit);
    }

    @Test
    void aFailureInsideTheFakeIsA500InPendosShapeNotASilentConnection() throws Exception {
        Clock broken = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                throw new StackOverflowError();
            }
        };
        try (FakePendo fake = FakePendo.builder().clock(broken).build().start()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "api/v1/aggregation"))
                    .timeout(ANSWER_TIMEOUT)
                    .header("x-pendo-integration-key", fake.integrationKey())
                    .POST(HttpRequest.BodyPublishers.ofString(pipeline("{\"source\":{\"visitors\":null}}")))
                    .build();

            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(((Map<?, ?>) JsonValues.parse(response.body())).get("overall"))
                    .asString()
                    .contains("stack overflowed");
        }
    }

    @Test
    void aTypeErrorFoundWhileProducingTheAnswerIsStillA400() throws Exception {
        // Only some rows have a string where the filter expects a number: the error shows up mid-way, before the
        // headers, because the fake produces up to 1 MiB before answering.
        HttpRequest request = HttpRequest.newBuilder(URI.create(PENDO.baseUrl() + "api/v1/aggregation"))
                .timeout(ANSWER_TIMEOUT)
                .header("x-pendo-integration-key", PENDO.integrationKey())
                .POST(HttpRequest.BodyPublishers.ofString(
                        visitorsThen("{\"filter\":\"if(visitorId ==" + " \\\"never\\\", 1, visitorId) > 0\"}")))
                .build();

        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(fieldNames((Map<?, ?>) JsonValues.parse(response.body()))).contains("pipeline[1].filter");
    }

    private static java.util.List<String> fieldNames(Map<?, ?> error) {
        return ((Map<?, ?>) error.get("fields"))
                .keySet().stream().map(String::valueOf).toList();
    }
}
