package io.github.pendoclient.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import io.github.pendoclient.internal.json.PendoJson;
import io.github.pendoclient.testsupport.CapturedLogs;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lenient-binding rule of the shared Moshi, one behaviour per test. */
class LenientBindingTest {

    record Row(String name, Long count, Integer role, Double score, Boolean active, Instant at,
               Map<String, Object> parameters, List<String> tags, Nested nested,
               @UnknownFields Map<String, Object> unknownFields) {
    }

    record Nested(Long rank, @UnknownFields Map<String, Object> unknownFields) {
    }

    private final JsonAdapter<Row> lenient = PendoJson.moshi().adapter(Row.class);
    private final JsonAdapter<Row> strict = Binding.STRICT.moshi().adapter(Row.class);

    @Test
    void aNumberInAStringMemberIsConvertedLosslessly() throws IOException {
        assertThat(lenient.fromJson("{\"count\":\"42\",\"role\":\"8\",\"score\":\"7.5\"}"))
                .extracting(Row::count, Row::role, Row::score).containsExactly(42L, 8, 7.5);
    }

    @Test
    void aWholeFractionIsAWholeNumber() throws IOException {
        assertThat(lenient.fromJson("{\"count\":2.0}").count()).isEqualTo(2L);
    }

    @Test
    void aRealFractionIsKeptRawInUnknownFieldsAndTheAccessorIsEmpty() throws IOException {
        Row row = lenient.fromJson("{\"count\":2.5}");

        assertThat(row.count()).isNull();
        assertThat(row.unknownFields()).containsEntry("count", 2.5);
    }

    @Test
    void jsonTextInAStringIsReadAsTheObject() throws IOException {
        Row row = lenient.fromJson("{\"parameters\":\"{\\\"plan\\\":\\\"pro\\\"}\"}");

        assertThat(row.parameters()).isEqualTo(Map.of("plan", "pro"));
    }

    @Test
    void aStringThatIsNotJsonTextIsKeptForAnObjectMember() throws IOException {
        Row row = lenient.fromJson("{\"parameters\":\"plan=pro\"}");

        assertThat(row.parameters()).isNull();
        assertThat(row.unknownFields()).containsEntry("parameters", "plan=pro");
    }

    @Test
    void aTimestampOfZeroIsAbsentAndWrittenBackAsZero() throws IOException {
        Row row = lenient.fromJson("{\"at\":0}");

        assertThat(row.at()).isNull();
        assertThat(lenient.toJson(row)).isEqualTo("{\"at\":0}");
    }

    @Test
    void aBooleanInAStringMemberIsKeptAndWrittenBackUnchanged() throws IOException {
        Row row = lenient.fromJson("{\"name\":true,\"tags\":[\"a\"]}");

        assertThat(row.name()).isNull();
        assertThat(row.unknownFields()).containsEntry("name", true);
        assertThat(lenient.toJson(row)).isEqualTo("{\"tags\":[\"a\"],\"name\":true}");
    }

    @Test
    void aNestedRecordIsLenientToo() throws IOException {
        Row row = lenient.fromJson("{\"nested\":{\"rank\":1.5}}");

        assertThat(row.nested().rank()).isNull();
        assertThat(row.nested().unknownFields()).containsEntry("rank", 1.5);
    }

    @Test
    void theFirstDifferingValueOfAFieldIsLoggedOnceAtDebugWithItsPathAndNoValue() throws IOException {
        CapturedLogs.clear();
        JsonAdapter<List<Row>> rows = PendoJson.moshi().adapter(
                com.squareup.moshi.Types.newParameterizedType(List.class, Row.class));

        rows.fromJson("[{\"active\":\"secret-value\"},{\"active\":\"secret-value\"}]");

        List<String> lines = CapturedLogs.lines().stream().filter(line -> line.contains("Row.active")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("DEBUG").contains("$[0].active").doesNotContain("secret-value");
    }

    @Test
    void strictBindingMakesADifferingTypeAParseErrorWithThePath() {
        assertThatThrownBy(() -> strict.fromJson("{\"count\":\"42\"}"))
                .isInstanceOf(JsonDataException.class)
                .hasMessageContaining("$.count");
        assertThatThrownBy(() -> strict.fromJson("{\"nested\":{\"rank\":1.5}}"))
                .isInstanceOf(JsonDataException.class)
                .hasMessageContaining("$.nested.rank");
    }
}
