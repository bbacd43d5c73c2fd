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

    record Row(
            String name,
            Long count,
            Integer role,
            Double score,
            Boolean active,
            Instant at,
            Map<String, Object> parameters,
            List<String> tags,
            Nested nested,
            @UnknownFields Map<String, Object> unknownFields) {}

    record Nested(Long rank, @UnknownFields Map<String, Object> unknownFields) {}

    record Grouped(
            Map<String, Map<String, Object>> groups,
            List<Map<String, Object>> rules,
            @UnknownFields Map<String, Object> unknownFields) {}

    /** A record that keeps its maps as given, unlike the SDK's records, which copy them. */
    record Uncopied(Map<String, Map<String, Object>> metadata) {}

    private final JsonAdapter<Row> lenient = PendoJson.moshi().adapter(Row.class);
    private final JsonAdapter<Row> strict = Binding.STRICT.moshi().adapter(Row.class);

    @Test
    void aNumberInAStringMemberIsConvertedLosslessly() throws IOException {
        assertThat(lenient.fromJson("{\"count\":\"42\",\"role\":\"8\",\"score\":\"7.5\"}"))
                .extracting(Row::count, Row::role, Row::score)
                .containsExactly(42L, 8, 7.5);
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
    void aGroupOfAnotherTypeInsideAnObjectOfObjectsKeepsTheWholeObjectRawInItsOrder() throws IOException {
        Grouped row = PendoJson.moshi()
                .adapter(Grouped.class)
                .fromJson(
                        "{\"groups\":{\"agent\":{\"a\":1},\"auto\":\"x\",\"custom\":{\"b\":[2]}},\"rules\":[{\"r\":1}]}");

        assertThat(row.groups()).isNull();
        assertThat(row.rules()).containsExactly(Map.of("r", 1L));
        assertThat(PendoJson.moshi()
                        .adapter(Object.class)
                        .toJson(row.unknownFields().get("groups")))
                .isEqualTo("{\"agent\":{\"a\":1},\"auto\":\"x\",\"custom\":{\"b\":[2]}}");
    }

    @Test
    void anElementOfAnotherTypeInAListOfObjectsKeepsTheListRaw() throws IOException {
        Grouped row = PendoJson.moshi().adapter(Grouped.class).fromJson("{\"rules\":[{\"r\":1},7,{\"s\":2}]}");

        assertThat(row.rules()).isNull();
        assertThat(row.unknownFields()).containsEntry("rules", List.of(Map.of("r", 1L), 7L, Map.of("s", 2L)));
    }

    @Test
    void jsonTextInAStringIsReadAsAnObjectOfObjects() throws IOException {
        Grouped row =
                PendoJson.moshi().adapter(Grouped.class).fromJson("{\"groups\":\"{\\\"agent\\\":{\\\"a\\\":1}}\"}");

        assertThat(row.groups()).isEqualTo(Map.of("agent", Map.of("a", 1L)));
    }

    @Test
    void strictBindingMakesAGroupOfAnotherTypeAParseError() {
        assertThatThrownBy(() -> Binding.STRICT
                        .moshi()
                        .adapter(Grouped.class)
                        .fromJson("{\"groups\":{\"agent\":{\"a\":1},\"auto\":\"x\"}}"))
                .isInstanceOf(JsonDataException.class)
                .hasMessageContaining("$.groups");
    }

    @Test
    void aMapReadIntoARecordThatKeepsItIsCopiedByARecordMadeFromIt() throws IOException {
        Uncopied uncopied = PendoJson.moshi().adapter(Uncopied.class).fromJson("{\"metadata\":{\"agent\":{}}}");
        io.github.pendoclient.model.Visitor visitor =
                new io.github.pendoclient.model.Visitor("v1", null, uncopied.metadata(), null);

        uncopied.metadata().put("custom", Map.of());

        assertThat(visitor.metadata()).containsOnlyKeys("agent");
    }

    @Test
    void theFirstDifferingValueOfAFieldIsLoggedOnceAtDebugWithItsPathAndNoValue() throws IOException {
        CapturedLogs.clear();
        JsonAdapter<List<Row>> rows =
                PendoJson.moshi().adapter(com.squareup.moshi.Types.newParameterizedType(List.class, Row.class));

        rows.fromJson("[{\"active\":\"secret-value\"},{\"active\":\"secret-value\"}]");

        List<String> lines = CapturedLogs.lines().stream()
                .filter(line -> line.contains("Row.active"))
                .toList();
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
