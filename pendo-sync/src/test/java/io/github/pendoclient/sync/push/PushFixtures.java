package io.github.pendoclient.sync.push;

import io.github.pendoclient.aggregation.Aggregation;
import io.github.pendoclient.aggregation.AggregationClient;
import io.github.pendoclient.aggregation.Source;
import io.github.pendoclient.sync.push.source.CsvSource;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.FakePendo;
import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared data of the push tests: visitors with three custom fields, and CSV text of rows for them. */
final class PushFixtures {

    private PushFixtures() {}

    /** A dataset of {@code count} visitors {@code v-000001...} with custom fields plan, seats and mrr. */
    static Dataset visitors(int count) {
        Dataset.Builder builder = Dataset.builder()
                .metadataField("visitor", "custom", "plan", "string")
                .metadataField("visitor", "custom", "seats", "integer")
                .metadataField("visitor", "custom", "mrr", "float");
        for (int i = 1; i <= count; i++) {
            builder.visitor(id(i), Map.of("custom", Map.of()));
        }
        return builder.build();
    }

    static String id(int i) {
        return String.format("v-%06d", i);
    }

    /** CSV rows for visitors 1..count: plan, seats and mrr derived from the number and a version. */
    static String csv(int count, int version) {
        StringBuilder text = new StringBuilder("visitor_id,plan,seats,mrr\r\n");
        for (int i = 1; i <= count; i++) {
            text.append(row(i, version)).append("\r\n");
        }
        return text.toString();
    }

    static String row(int i, int version) {
        return id(i) + "," + plan(i, version) + "," + seats(i) + "," + mrr(i);
    }

    static String plan(int i, int version) {
        return (i % 3 == 0 ? "pro" : "team") + (version == 0 ? "" : "-v" + version);
    }

    static long seats(int i) {
        return i % 50 + 1;
    }

    static double mrr(int i) {
        return i * 1.25;
    }

    static CsvSource source(String csv) throws IOException {
        return CsvSource.open(new StringReader(csv), "test CSV");
    }

    static PushEngine.Builder visitorPush(FakePendo pendo, String csv) throws IOException {
        return PushEngine.builder()
                .client(pendo.client())
                .source(source(csv))
                .kind(PushKind.VISITOR)
                .group("custom")
                .idColumn("visitor_id")
                .map("plan", "plan")
                .map("seats", "seats")
                .map("mrr", "mrr");
    }

    /** Every visitor's custom group, read back through the SDK (an aggregation over the visitors source). */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> customByVisitor(FakePendo pendo) {
        Map<String, Map<String, Object>> custom = new LinkedHashMap<>();
        List<Map<String, Object>> rows = AggregationClient.create(pendo.client()).stream(
                        Aggregation.builder().source(Source.visitors()).build())
                .toList();
        for (Map<String, Object> row : rows) {
            Map<String, Object> metadata = (Map<String, Object>) row.getOrDefault("metadata", Map.of());
            custom.put((String) row.get("visitorId"), (Map<String, Object>) metadata.getOrDefault("custom", Map.of()));
        }
        return custom;
    }
}
