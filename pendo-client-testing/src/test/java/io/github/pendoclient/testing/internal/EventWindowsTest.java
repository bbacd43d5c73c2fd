package io.github.pendoclient.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.DatasetGenerator;
import io.github.pendoclient.testing.HourlyEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The event sources' fast windows ({@link EventRollup}, {@link BrowserTimeIndex}) answer every pipeline exactly as
 * the general roll-up and scan (the reference) do: the same answer body, byte for byte, or the same error. The
 * pipelines are generated: every event source, hour and day periods, windows inside, across and outside the data
 * (count forwards and backwards, or a last), every form of {@code appId}, object id parameters, and stages after the
 * source.
 */
class EventWindowsTest {

    private static final Instant END = Instant.parse("2026-11-01T00:00:00Z");
    private static final long NOW = END.toEpochMilli();
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    /**
     * What a pipeline gave: its answer's body (the rows' JSON, order and all), or its error.
     *
     * @param direct write the body as the fake does, or as Moshi did (which reads every row as a map)
     */
    private static String outcome(AggregationEngine engine, String body, boolean direct) {
        try {
            List<Map<String, Object>> rows = engine.run(JsonValues.parse(body)).collect(Collectors.toList());
            return direct ? Engines.fastBody(rows) : Engines.moshiBody(rows);
        } catch (AggregationException e) {
            return "error " + e.status() + " " + e.field() + " " + e.getMessage();
        } catch (IllegalArgumentException e) {
            return "error " + e.getClass().getName() + " " + e.getMessage();
        }
    }

    @Test
    void generatedPipelinesGetTheRowsTheGeneralRollupGives() {
        for (long seed : new long[] {3, 18}) {
            Dataset dataset =
                    Dataset.generator(seed).visitors(150).days(4).endingAt(END).build();
            // Fractional counters take part, so the direct writer's sums are checked against Counters' as well.
            assertThat(dataset.hourRows()).anyMatch(row -> row.numEvents() != Math.rint(row.numEvents()));
            AggregationEngine fast = Engines.over(dataset, () -> NOW, true);
            AggregationEngine reference = Engines.over(dataset, () -> NOW, false);
            List<String> objectIds = dataset.hourRows().stream()
                    .map(HourlyEvents::objectId)
                    .distinct()
                    .collect(Collectors.toList());
            Random random = new Random(seed);
            int nonEmpty = 0;
            for (int i = 0; i < 250; i++) {
                String body = body(random, objectIds);
                String expected = outcome(reference, body, false);

                assertThat(outcome(fast, body, true)).as(body).isEqualTo(expected);
                assertThat(outcome(fast, body, false))
                        .as("rendered as maps: " + body)
                        .isEqualTo(expected);
                nonEmpty += expected.contains("\"results\":[{") ? 1 : 0;
            }
            assertThat(nonEmpty).as("pipelines that found rows").isGreaterThan(60);
        }
    }

    @Test
    void everyEventSourceOverTheWholeDatasetGetsTheRowsTheGeneralRollupGives() {
        Dataset dataset =
                Dataset.generator(7).visitors(400).days(6).endingAt(END).build();
        AggregationEngine fast = Engines.over(dataset, () -> NOW, true);
        AggregationEngine reference = Engines.over(dataset, () -> NOW, false);
        for (String source : List.of("events", "pageEvents", "featureEvents", "trackEvents", "guideEvents")) {
            for (String period : List.of("hourRange", "dayRange")) {
                String body = "{\"request\":{\"pipeline\":[{\"source\":{\"" + source + "\":{\"appId\":"
                        + "\"expandAppIds(\\\"*\\\")\"},\"timeSeries\":{\"period\":\"" + period + "\",\"first\":"
                        + (NOW - 7 * DAY) + ",\"count\":" + (period.equals("dayRange") ? 8 : 8 * 24) + "}}}]}}";
                String expected = outcome(reference, body, false);

                assertThat(expected).as(body).contains("\"results\":[{");
                assertThat(outcome(fast, body, true)).as(body).isEqualTo(expected);
                assertThat(outcome(fast, body, false))
                        .as("rendered as maps: " + body)
                        .isEqualTo(expected);
            }
        }
    }

    private static String body(Random random, List<String> objectIds) {
        String[] sources = {
            "events", "pageEvents", "featureEvents", "trackEvents", "events", "guideEvents", "pollEvents"
        };
        String source = sources[random.nextInt(sources.length)];
        boolean hourly = random.nextBoolean();
        long unit = hourly ? HOUR : DAY;
        long first = NOW - random.nextInt(7) * DAY + (random.nextInt(48) - 24) * HOUR + random.nextInt(3) * 17;
        String series = "{\"period\":\"" + (hourly ? "hourRange" : "dayRange") + "\",\"first\":" + first + ",";
        if (random.nextInt(5) == 0) {
            series += "\"last\":" + (first + (random.nextInt(6) - 2) * unit) + "}";
        } else {
            long count = random.nextInt(hourly ? 100 : 6) + 1;
            series += "\"count\":" + (random.nextBoolean() ? count : -count) + "}";
        }
        List<String> params = new ArrayList<>();
        switch (random.nextInt(8)) {
            case 0 -> {}
            case 1 -> params.add("\"appId\":null");
            case 2, 3 -> params.add("\"appId\":\"expandAppIds(\\\"*\\\")\"");
            case 4 -> params.add("\"appId\":" + DatasetGenerator.MOBILE_APP);
            case 5 -> params.add("\"appId\":[" + Dataset.DEFAULT_APP_ID + ",\"" + DatasetGenerator.MOBILE_APP + "\"]");
            case 6 -> params.add("\"appId\":\"" + Dataset.DEFAULT_APP_ID + "\"");
            default -> params.add("\"appId\":[\"not-a-number\"]");
        }
        if (random.nextInt(4) == 0) {
            String field = new String[] {"pageId", "featureId", "trackTypeId"}[random.nextInt(3)];
            params.add("\"" + field + "\":\"" + objectIds.get(random.nextInt(objectIds.size())) + "\"");
        }
        if (random.nextInt(6) == 0) {
            params.add("\"blacklist\":\"apply\"");
        }
        String stages = "{\"source\":{\"" + source + "\":"
                + (params.isEmpty() && random.nextBoolean() ? "null" : "{" + String.join(",", params) + "}")
                + ",\"timeSeries\":" + series + "}}";
        switch (random.nextInt(6)) {
            case 0 -> stages += ",{\"filter\":\"numEvents > 2\"}";
            case 1 -> stages += ",{\"sort\":[\"-numEvents\",\"visitorId\"]},{\"limit\":7}";
            case 2 ->
                stages += ",{\"group\":{\"group\":[\"visitorId\"],\"fields\":{\"events\":{\"sum\":\"numEvents\"},"
                        + "\"first\":{\"min\":\"firstTime\"},\"minutes\":{\"sum\":\"numMinutes\"}}}}";
            default -> {}
        }
        return "{\"request\":{\"pipeline\":[" + stages + "]}}";
    }
}
