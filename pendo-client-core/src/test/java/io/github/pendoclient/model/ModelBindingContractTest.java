package io.github.pendoclient.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.internal.json.PendoJson;
import io.github.pendoclient.json.UnknownFields;
import io.github.pendoclient.testsupport.FieldCoverage;
import io.github.pendoclient.testsupport.TypeVariants;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lenient-binding contract over every model: a value of any JSON type in any declared member fails no parse and
 * loses nothing, and no member of a real-shaped fixture is unreachable.
 */
class ModelBindingContractTest {

    static Stream<TypeVariants.Variant> variants() {
        List<Class<?>> records = TypeVariants.recordsInPackageOf(Visitor.class);
        assertThat(records.stream().filter(type -> !keepsUnknownFields(type)).toList())
                .as("models bound from JSON keep unknown members; MetadataSchema is built from a map")
                .containsExactly(MetadataSchema.class);
        return TypeVariants.of(Visitor.class).stream().filter(variant -> keepsUnknownFields(variant.type()));
    }

    private static boolean keepsUnknownFields(Class<?> type) {
        return Arrays.stream(type.getRecordComponents()).anyMatch(c -> c.isAnnotationPresent(UnknownFields.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void anyJsonTypeInAnyDeclaredMemberFailsNothingAndLosesNothing(TypeVariants.Variant variant) throws IOException {
        Object bound = PendoJson.moshi().adapter(variant.type()).fromJson(variant.json());

        Map<?, ?> json = (Map<?, ?>) JsonValues.parse(variant.json());
        assertThat(FieldCoverage.lost(json, bound, "$")).isEmpty();
        @SuppressWarnings("unchecked")
        JsonAdapter<Object> adapter = (JsonAdapter<Object>) PendoJson.moshi().adapter(variant.type());
        Map<?, ?> written = (Map<?, ?>) JsonValues.parse(adapter.toJson(bound));
        List<Object> present = json.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> (Object) e.getKey())
                .toList();
        assertThat(List.<Object>copyOf(written.keySet())).as("written back").containsAll(present);
    }

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("real/visitor-get.json", Visitor.class),
                Arguments.of("real/account-get.json", Account.class),
                Arguments.of("real/features.json", list(Feature.class)),
                Arguments.of("real/pages.json", list(Page.class)),
                Arguments.of("real/guides.json", list(Guide.class)),
                Arguments.of("real/track-types.json", list(TrackType.class)),
                Arguments.of("real/visitor-history.json", list(VisitorHistoryItem.class)),
                Arguments.of("real/reports.json", list(Report.class)),
                Arguments.of(
                        "real/metadata-schema-visitor.json",
                        Types.newParameterizedType(
                                Map.class,
                                String.class,
                                Types.newParameterizedType(Map.class, String.class, MetadataFieldSchema.class))));
    }

    private static Type list(Class<?> type) {
        return Types.newParameterizedType(List.class, type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyMemberOfARealBodyIsReachable(String fixture, Type type) throws IOException {
        String text = read(fixture);

        Object bound = PendoJson.moshi().adapter(type).fromJson(text);

        assertThat(lost(JsonValues.parse(text), bound, "$")).isEmpty();
    }

    private static List<String> lost(Object json, Object bound, String path) {
        if (bound instanceof List<?> list) {
            List<?> raw = (List<?>) json;
            return java.util.stream.IntStream.range(0, list.size())
                    .mapToObj(i -> lost(raw.get(i), list.get(i), path + "[" + i + "]"))
                    .flatMap(List::stream)
                    .toList();
        }
        if (bound instanceof Map<?, ?> map) {
            Map<?, ?> raw = (Map<?, ?>) json;
            return map.entrySet().stream()
                    .flatMap(e -> lost(raw.get(e.getKey()), e.getValue(), path + "." + e.getKey()).stream())
                    .toList();
        }
        return FieldCoverage.lost((Map<?, ?>) json, bound, path);
    }

    private static String read(String name) {
        try (InputStream in = ModelBindingContractTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
