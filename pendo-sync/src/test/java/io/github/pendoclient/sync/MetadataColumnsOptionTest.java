package io.github.pendoclient.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.Endpoint;
import io.github.pendoclient.testing.FakePendo;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link MetadataColumns}: typed columns by default, the JSON column only on request. */
class MetadataColumnsOptionTest {

    private static final Instant NOW = Instant.parse("2026-11-01T09:00:00Z");

    @TempDir
    Path dir;

    /** Remembers the columns of the tables it is opened with. */
    private static final class OpenedSink implements Sink {
        final List<List<String>> opened = new ArrayList<>();

        @Override
        public void open(Table table, OptionalLong position) {
            opened.add(table.columns().stream().map(Column::name).toList());
        }

        @Override
        public void write(Table table, Map<String, Object> row) {}

        @Override
        public OptionalLong commit(Table table) {
            return OptionalLong.empty();
        }

        @Override
        public void replace(Table table, List<Map<String, Object>> rows) {}

        @Override
        public String describe() {
            return "nowhere";
        }

        @Override
        public void close() {}
    }

    private List<String> accountColumns(SyncOptions.Builder options, int[] schemaRequests) throws IOException {
        Dataset dataset = Dataset.builder()
                .account("a1", Map.of("agent", Map.of("plan", "gold")))
                .metadataField("account", "agent", "plan", "string")
                .metadataField("account", "custom", "seats", "integer")
                .build();
        OpenedSink sink = new OpenedSink();
        try (FakePendo pendo = FakePendo.builder().dataset(dataset).build().start()) {
            SyncEngine.builder()
                    .client(pendo.client())
                    .sink(sink)
                    .state(SyncState.load(dir.resolve("state.json")))
                    .settings(options.clock(Clock.fixed(NOW, ZoneOffset.UTC)).build())
                    .build()
                    .syncAll(List.of("accounts"));
            schemaRequests[0] = pendo.requestCount(Endpoint.METADATA_SCHEMA);
        }
        return sink.opened.get(0);
    }

    @Test
    void typedColumnsAreTheDefault() throws IOException {
        int[] schemaRequests = new int[1];

        List<String> columns = accountColumns(SyncOptions.builder(), schemaRequests);

        assertThat(SyncOptions.builder().build().metadataColumns()).isEqualTo(MetadataColumns.TYPED);
        assertThat(columns).endsWith("metadata", "agent_plan", "custom_seats");
        assertThat(schemaRequests[0]).isEqualTo(1);
    }

    @Test
    void theJsonFormKeepsTheDeclaredColumnsAndReadsNoSchema() throws IOException {
        int[] schemaRequests = new int[1];

        List<String> columns =
                accountColumns(SyncOptions.builder().metadataColumns(MetadataColumns.JSON), schemaRequests);

        assertThat(columns).containsExactly("account_id", "first_visit", "last_visit", "last_updated", "metadata");
        assertThat(schemaRequests[0]).isZero();
    }

    @Test
    void theOptionSurvivesToBuilder() {
        SyncOptions json =
                SyncOptions.builder().metadataColumns(MetadataColumns.JSON).build();

        assertThat(json.toBuilder().build().metadataColumns()).isEqualTo(MetadataColumns.JSON);
    }
}
