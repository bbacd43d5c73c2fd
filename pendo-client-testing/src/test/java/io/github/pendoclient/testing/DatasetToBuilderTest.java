package io.github.pendoclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Dataset#toBuilder()}: a builder holding everything the dataset holds. */
class DatasetToBuilderTest {

    @Test
    void aHandMadeDatasetRoundTrips() {
        Dataset original = EndpointCalls.DATASET;

        Dataset copy = original.toBuilder().build();

        assertThat(copy.toJson()).isEqualTo(original.toJson());
        assertThat(copy.hourRows()).isEqualTo(original.hourRows());
    }

    @Test
    void aGeneratedDatasetRoundTrips() {
        Dataset original = Dataset.generator(7)
                .visitors(200)
                .days(2)
                .endingAt(Instant.parse("2026-11-01T00:00:00Z"))
                .build();

        Dataset copy = original.toBuilder().build();

        assertThat(copy.toJson()).isEqualTo(original.toJson());
        assertThat(copy.rows("guideEvents")).isEqualTo(original.rows("guideEvents"));
    }

    @Test
    void addingToTheBuilderChangesOnlyTheCopy() {
        Dataset original = Dataset.generator(7)
                .visitors(20)
                .days(1)
                .endingAt(Instant.parse("2026-11-01T00:00:00Z"))
                .build();

        Dataset copy = original.toBuilder()
                .visitor("v-added", Map.of())
                .page("page-added", -323232, "Added")
                .build();

        assertThat(copy.visitors())
                .hasSize(21)
                .last()
                .extracting(VisitorRow::id)
                .isEqualTo("v-added");
        assertThat(copy.visitors().subList(0, 20)).isEqualTo(original.visitors());
        assertThat(copy.pages()).hasSize(original.pages().size() + 1);
        assertThat(original.visitors()).hasSize(20);
    }
}
