package io.github.pendoclient.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class JsonUtf8Test {

    @Test
    void utf8BytesAreTheJsonTextEncoded() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("id", "v-\"quoted\" 名前 😀 \\ \n");
        value.put("none", null);
        value.put("numbers", List.of(1L, 0.5, Long.MAX_VALUE));
        value.put("flag", true);

        byte[] bytes = JsonValues.toJsonUtf8(value);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(JsonValues.toJson(value));
        assertThat(JsonValues.parse(new String(bytes, StandardCharsets.UTF_8))).isEqualTo(value);
    }

    @Test
    void valuesAppendedToOneBufferFollowEachOtherAsTheirOwnBytes() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("id", "eins ü");
        first.put("none", null);
        List<Object> second = List.of("zwei", 2L);
        Buffer buffer = new Buffer();

        JsonValues.writeJsonUtf8(first, buffer);
        buffer.writeByte('\n');
        JsonValues.writeJsonUtf8(second, buffer);

        assertThat(buffer.readUtf8()).isEqualTo(JsonValues.toJson(first) + "\n" + JsonValues.toJson(second));
    }
}
