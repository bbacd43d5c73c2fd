package io.github.pendoclient.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.internal.json.PendoJson;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Pendo's bulk-update answer: counters that may be absent say so, and no counter's JSON type fails the parse. */
class MetadataUpdateResultTest {

    private static MetadataUpdateResult parse(String json) throws IOException {
        return PendoJson.moshi().adapter(MetadataUpdateResult.class).fromJson(json);
    }

    @Test
    void aBodyWithoutCountersReadsThemAsAbsentNotZero() throws IOException {
        MetadataUpdateResult result = parse("{\"missing\":[\"v-9\"]}");

        assertThat(result.total()).isNull();
        assertThat(result.updated()).isNull();
        assertThat(result.failed()).isNull();
        assertThat(result.missing()).containsExactly("v-9");
    }

    @Test
    void countersSentAsNumericStringsReadAsWholeNumbers() throws IOException {
        MetadataUpdateResult result = parse("{\"total\":\"3\",\"updated\":\"2\",\"failed\":\"1\"}");

        assertThat(result.total()).isEqualTo(3L);
        assertThat(result.updated()).isEqualTo(2L);
        assertThat(result.failed()).isEqualTo(1L);
        assertThat(result.unknownFields()).isEmpty();
    }

    @Test
    void aFractionalCounterReadsAsAbsentAndKeepsItsValueInUnknownFields() throws IOException {
        MetadataUpdateResult result = parse("{\"total\":4,\"updated\":2.5,\"failed\":1.0}");

        assertThat(result.total()).isEqualTo(4L);
        assertThat(result.updated()).isNull();
        assertThat(result.unknownFields()).containsEntry("updated", 2.5);
        assertThat(result.failed()).isEqualTo(1L);
    }
}
