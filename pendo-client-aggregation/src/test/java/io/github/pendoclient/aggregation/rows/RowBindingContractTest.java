package io.github.pendoclient.aggregation.rows;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.JsonAdapter;
import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.internal.json.PendoJson;
import io.github.pendoclient.model.Account;
import io.github.pendoclient.model.Visitor;
import io.github.pendoclient.testsupport.FieldCoverage;
import io.github.pendoclient.testsupport.TypeVariants;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lenient-binding contract over every typed row: a value of any JSON type in any declared member fails no parse
 * and loses nothing, and no member of a real-shaped aggregation fixture is unreachable.
 */
class RowBindingContractTest {

    static Stream<TypeVariants.Variant> variants() {
        assertThat(TypeVariants.recordsInPackageOf(EventRow.class)).hasSize(6);
        return TypeVariants.of(EventRow.class).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void anyJsonTypeInAnyDeclaredMemberFailsNothingAndLosesNothing(TypeVariants.Variant variant) throws IOException {
        @SuppressWarnings("unchecked")
        JsonAdapter<Object> adapter = (JsonAdapter<Object>) PendoJson.moshi().adapter(variant.type());

        Object bound = adapter.fromJson(variant.json());

        Map<?, ?> json = (Map<?, ?>) JsonValues.parse(variant.json());
        assertThat(FieldCoverage.lost(json, bound, "$")).isEmpty();
        Map<?, ?> written = (Map<?, ?>) JsonValues.parse(adapter.toJson(bound));
        List<Object> present = json.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> (Object) e.getKey())
                .toList();
        assertThat(List.<Object>copyOf(written.keySet())).as("written back").containsAll(present);
    }

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("visitors.json", Visitor.class),
                Arguments.of("accounts.json", Account.class),
                Arguments.of("events.json", EventRow.class),
                Arguments.of("featureEvents.json", FeatureEventRow.class),
                Arguments.of("pageEvents.json", PageEventRow.class),
                Arguments.of("trackEvents.json", TrackEventRow.class),
                Arguments.of("guideEvents.json", GuideEventRow.class),
                Arguments.of("pollEvents.json", PollEventRow.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyMemberOfARealRowIsReachable(String fixture, Class<?> rowType) throws IOException {
        List<?> rows = (List<?>) ((Map<?, ?>) JsonValues.parse(read(fixture))).get("results");
        JsonAdapter<?> adapter = PendoJson.moshi().adapter(rowType);

        List<String> lost = IntStream.range(0, rows.size())
                .mapToObj(i -> {
                    try {
                        Object bound = adapter.fromJsonValue(rows.get(i));
                        return FieldCoverage.lost((Map<?, ?>) rows.get(i), bound, "$.results[" + i + "]");
                    } catch (RuntimeException e) {
                        throw new AssertionError(fixture + " row " + i + ": " + e, e);
                    }
                })
                .flatMap(List::stream)
                .toList();

        assertThat(lost).isEmpty();
    }

    private static String read(String name) {
        try (InputStream in = RowBindingContractTest.class.getResourceAsStream("/fixtures/real/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
