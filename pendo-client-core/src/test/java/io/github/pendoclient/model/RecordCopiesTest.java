package io.github.pendoclient.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Model records copy the collections they are given. */
class RecordCopiesTest {

    @Test
    void aChangeToTheCallersMapAfterConstructionDoesNotReachTheRecord() {
        Map<String, Map<String, Object>> metadata = new LinkedHashMap<>();
        metadata.put("agent", Map.of("plan", "pro"));
        Map<String, Object> unknown = new LinkedHashMap<>();
        unknown.put("visitors", null);

        Visitor visitor = new Visitor("v1", "Jane", metadata, unknown);
        metadata.put("custom", Map.of());
        unknown.put("extra", 1);

        assertThat(visitor.metadata()).containsOnlyKeys("agent");
        assertThat(visitor.unknownFields()).containsOnlyKeys("visitors").containsEntry("visitors", null);
    }

    @Test
    void aChangeToTheCallersListAfterConstructionDoesNotReachTheRecord() {
        List<String> missing = new ArrayList<>(Arrays.asList("v1", null));

        MetadataUpdateResult result = new MetadataUpdateResult(2L, 0L, 2L, missing, null, null);
        missing.add("v3");

        assertThat(result.missing()).containsExactly("v1", null);
        assertThat(result.errors()).isNull();
    }

    @Test
    void theAccessorsAreUnmodifiable() {
        MetadataUpdateResult result = new MetadataUpdateResult(
                1L, 1L, 0L, new ArrayList<>(List.of("v1")), new ArrayList<>(), new LinkedHashMap<>());

        assertThatThrownBy(() -> result.missing().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> result.unknownFields().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }
}
