package io.github.pendoclient.sync.push.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.resource.BulkUpdateReport;
import io.github.pendoclient.resource.MetadataKind;
import io.github.pendoclient.resource.MetadataRow;
import io.github.pendoclient.sync.push.PushTarget.UpdateResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Accounting for each row of a batch when Pendo's answer does not name the rows that failed. */
class MetadataWriterTest {

    private static List<MetadataRow> rows(String... ids) {
        List<MetadataRow> rows = new ArrayList<>();
        for (String id : ids) {
            rows.add(MetadataRow.of(id, "plan", "pro"));
        }
        return rows;
    }

    @Test
    void aFailureTheAnswerDoesNotAttributeIsBisectedUntilItsRowStandsAlone() {
        List<Integer> sizes = new ArrayList<>();
        MetadataWriter writer = new MetadataWriter(
                (kind, group, rows, options) -> {
                    sizes.add(rows.size());
                    boolean bad = rows.stream().anyMatch(row -> row.id().equals("v-3"));
                    return new BulkUpdateReport(
                            rows.size(),
                            bad ? rows.size() - 1 : rows.size(),
                            bad ? 1 : 0,
                            List.of(),
                            bad ? List.of("value out of range") : List.of(),
                            List.of(),
                            1);
                },
                MetadataKind.VISITOR,
                "custom",
                false);

        UpdateResult result = writer.write(rows("v-1", "v-2", "v-3", "v-4"));

        assertThat(result.rejected()).containsOnlyKeys("v-3").containsValue("value out of range");
        assertThat(result.accepted()).containsExactlyInAnyOrder("v-1", "v-2", "v-4");
        assertThat(sizes).containsExactly(4, 2, 2, 1, 1);
        assertThat(result.requests()).isEqualTo(5);
    }

    @Test
    void anErrorNamingItsRowRejectsThatRowWithoutResendingTheBatch() {
        List<Integer> sizes = new ArrayList<>();
        MetadataWriter writer = new MetadataWriter(
                (kind, group, rows, options) -> {
                    sizes.add(rows.size());
                    return new BulkUpdateReport(
                            rows.size(),
                            rows.size() - 1,
                            1,
                            List.of("v-9"),
                            List.of("v-2: not a number"),
                            List.of(),
                            1);
                },
                MetadataKind.VISITOR,
                "custom",
                false);

        UpdateResult result = writer.write(rows("v-1", "v-2", "v-9"));

        assertThat(result.rejected()).containsExactly(java.util.Map.entry("v-2", "not a number"));
        assertThat(result.missing()).containsExactly("v-9");
        assertThat(result.accepted()).containsExactly("v-1");
        assertThat(sizes).containsExactly(3);
    }
}
