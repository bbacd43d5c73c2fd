package io.github.pendoclient.sync.cli;

import io.github.pendoclient.aggregation.AggregationClient;
import io.github.pendoclient.aggregation.Queries;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.FakePendo;
import io.github.pendoclient.testing.VisitorRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A FakePendo on loopback with known visitors, CSV files of visitor rows, and what the fake holds afterwards. */
final class PushFixture implements AutoCloseable {

    /** The mapping of every metadata test: three custom fields of the fake's visitor schema. */
    static final List<String> MAP =
            List.of("--map", "plan=plan_tier", "--map", "seats=seats", "--map", "beta=beta_opt_in");

    final FakePendo fake;
    final Path dir;
    private final List<String> visitorIds;

    PushFixture(Path dir, int identifiedVisitors) {
        this.dir = dir;
        Dataset dataset = Dataset.generator(42)
                .visitors(identifiedVisitors + identifiedVisitors / 9 + 10)
                .accounts(20)
                .days(1)
                .endingAt(Instant.parse("2026-11-01T09:00:00Z"))
                .build();
        this.visitorIds = dataset.visitors().stream()
                .map(VisitorRow::id)
                .filter(id -> !id.startsWith(DemoPendo.ANONYMOUS_PREFIX))
                .limit(identifiedVisitors)
                .toList();
        this.fake = FakePendo.builder().dataset(dataset).build().start();
    }

    /** The first {@code count} identified visitor ids of the fake, some with a quote or a backslash in them. */
    List<String> visitorIds(int count) {
        return visitorIds.subList(0, count);
    }

    /** The environment of a run against the fake: its key and URL, and a home directory in the test's. */
    Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("PENDO_INTEGRATION_KEY", fake.integrationKey());
        environment.put("PENDO_BASE_URL", fake.baseUrl().toString());
        environment.put("PENDO_TRACK_SHARED_SECRET", fake.sharedSecret());
        environment.put("PENDO_TRACK_BASE_URL", fake.baseUrl().toString());
        environment.put("HOME", dir.resolve("home").toString());
        return environment;
    }

    /** Runs {@code pendo-sync push} in this JVM against the fake. */
    CommandRun push(List<String> args) {
        List<String> all = new ArrayList<>(List.of("push"));
        all.addAll(args);
        return CommandRun.of(environment(), all);
    }

    /** The values row {@code i} of a visitor file has, in the CSV's column order after the id. */
    static Map<String, Object> values(int i, int version) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("plan_tier", "tier-" + (i % 5) + (version == 0 ? "" : "-v" + version));
        values.put("seats", (long) (i % 700) + version * 1000L);
        values.put("beta_opt_in", i % 2 == 0);
        return values;
    }

    /** Writes a CSV of visitors ({@code visitor_id,plan,seats,beta}), every field quoted as RFC 4180 says. */
    static Path writeCsv(Path file, List<String> ids, Map<Integer, Integer> versions) throws IOException {
        StringBuilder csv = new StringBuilder("visitor_id,plan,seats,beta\r\n");
        for (int i = 0; i < ids.size(); i++) {
            Map<String, Object> values = values(i, versions.getOrDefault(i, 0));
            csv.append(quoted(ids.get(i)))
                    .append(',')
                    .append(quoted((String) values.get("plan_tier")))
                    .append(',')
                    .append(values.get("seats"))
                    .append(',')
                    .append(values.get("beta_opt_in"))
                    .append("\r\n");
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    private static String quoted(String text) {
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    /** The custom metadata the fake holds for each identified visitor, read back through an aggregation. */
    @SuppressWarnings("unchecked") // JSON objects parse to maps with string keys
    Map<String, Map<String, Object>> customMetadata() {
        Map<String, Map<String, Object>> custom = new HashMap<>();
        AggregationClient aggregations = AggregationClient.create(fake.client());
        try (Stream<Map<String, Object>> rows = aggregations.stream(Queries.identifiedVisitors())) {
            rows.forEach(row -> {
                Map<?, ?> metadata = (Map<?, ?>) row.getOrDefault("metadata", Map.of());
                custom.put((String) row.get("visitorId"), (Map<String, Object>) metadata.get("custom"));
            });
        }
        return custom;
    }

    @Override
    public void close() {
        fake.close();
    }
}
