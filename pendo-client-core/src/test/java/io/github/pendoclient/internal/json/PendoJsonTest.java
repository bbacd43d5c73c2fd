package io.github.pendoclient.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Types;
import io.github.pendoclient.json.Binding;
import io.github.pendoclient.json.UnknownFields;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PendoJsonTest {

    record Thing(
            String id,
            long appId,
            boolean dirty,
            Instant createdAt,
            @com.squareup.moshi.Json(name = "DisplayName") String displayName,
            List<String> tags,
            @UnknownFields Map<String, Object> unknownFields) {}

    record Plain(String id) {}

    private final JsonAdapter<Thing> things = PendoJson.moshi().adapter(Thing.class);

    @Test
    void recordsReadDeclaredFieldsAndKeepTheRest() throws IOException {
        Thing thing = things.fromJson("{\"id\":\"f1\",\"appId\":5629499534213120,\"dirty\":true,"
                + "\"createdAt\":1615411012615,\"DisplayName\":\"Email\",\"tags\":[\"a\"],"
                + "\"newField\":{\"nested\":[1,2.5,null]},\"rank\":5000000}");

        assertThat(thing.id()).isEqualTo("f1");
        assertThat(thing.appId()).isEqualTo(5629499534213120L);
        assertThat(thing.dirty()).isTrue();
        assertThat(thing.createdAt()).isEqualTo(Instant.ofEpochMilli(1615411012615L));
        assertThat(thing.displayName()).isEqualTo("Email");
        assertThat(thing.unknownFields()).containsOnlyKeys("newField", "rank");
        assertThat(thing.unknownFields().get("rank")).isEqualTo(5000000L);
    }

    @Test
    void unknownFieldsSurviveARoundTrip() throws IOException {
        String json = "{\"id\":\"f1\",\"appId\":-323232,\"dirty\":false,\"createdAt\":0,\"DisplayName\":null,"
                + "\"tags\":[],\"newField\":{\"nested\":[1,2.5,null]},\"bigId\":4802463602049999}";

        String written = things.toJson(things.fromJson(json));

        assertThat(written)
                .contains("\"newField\":{\"nested\":[1,2.5,null]}")
                .contains("\"bigId\":4802463602049999")
                .contains("\"createdAt\":0")
                .contains("\"appId\":-323232");
        assertThat(things.fromJson(written)).isEqualTo(things.fromJson(json));
    }

    @Test
    void missingMembersLeaveDefaults() throws IOException {
        Thing thing = things.fromJson("{}");
        assertThat(thing.id()).isNull();
        assertThat(thing.appId()).isZero();
        assertThat(thing.unknownFields()).isEmpty();
        assertThat(PendoJson.moshi().adapter(Plain.class).fromJson("{\"id\":\"x\",\"other\":1}"))
                .isEqualTo(new Plain("x"));
    }

    @Test
    void instantsAcceptMillisNumericStringsAndIso() throws IOException {
        JsonAdapter<Instant> instants = PendoJson.moshi().adapter(Instant.class);
        assertThat(instants.fromJson("1700000000000")).isEqualTo(Instant.ofEpochMilli(1700000000000L));
        assertThat(instants.fromJson("\"1700000000000\"")).isEqualTo(Instant.ofEpochMilli(1700000000000L));
        assertThat(instants.fromJson("\"2026-01-01T00:00:00Z\"")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(instants.toJson(Instant.ofEpochMilli(42))).isEqualTo("42");
        assertThatThrownBy(() -> instants.fromJson("\"yesterday\""))
                .isInstanceOf(JsonDataException.class)
                .hasMessageContaining("at path $");
    }

    @Test
    void untypedMapsKeepIntegersExact() throws IOException {
        JsonAdapter<Map<String, Object>> maps =
                PendoJson.moshi().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
        Map<String, Object> row =
                maps.fromJson("{\"day\":1540008000000,\"numMinutes\":1.5,\"big\":123456789012345678901}");
        assertThat(row.get("day")).isEqualTo(1540008000000L);
        assertThat(row.get("numMinutes")).isEqualTo(1.5);
        assertThat(row.get("big")).isEqualTo(new java.math.BigDecimal("123456789012345678901"));
    }

    @Test
    void aBadValueIsKeptLenientlyAndNamesItsPathWhenStrict() throws IOException {
        String json = "{\"id\":\"f1\",\"tags\":[\"a\",{}]}";

        assertThat(things.fromJson(json).unknownFields()).containsEntry("tags", List.of("a", Map.of()));
        assertThatThrownBy(() -> Binding.STRICT.moshi().adapter(Thing.class).fromJson(json))
                .isInstanceOf(JsonDataException.class)
                .hasMessageContaining("$.tags");
    }
}
