package io.github.pendoclient.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrackEventTest {

    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

    static TrackEvent.Builder valid() {
        return TrackEvent.builder().event("Report Exported").visitorId("v-42").timestamp(AT);
    }

    @Test
    void writesTheDocumentedBody() {
        TrackEvent event = valid().accountId("acme")
                .property("format", "pdf")
                .property("pages", 12)
                .context(Context.builder()
                        .ip("203.0.113.7")
                        .userAgent("Mozilla/5.0")
                        .url("https://app.example.com/r")
                        .title("Reports")
                        .build())
                .build();

        assertThat(event.toJson())
                .isEqualTo("{\"type\":\"track\",\"event\":\"Report Exported\",\"visitorId\":\"v-42\","
                        + "\"accountId\":\"acme\",\"timestamp\":1795341600000,\"properties\":{\"format\":\"pdf\",\"pages\":12},"
                        + "\"context\":{\"ip\":\"203.0.113.7\",\"userAgent\":\"Mozilla/5.0\","
                        + "\"url\":\"https://app.example.com/r\",\"title\":\"Reports\"}}");
    }

    @Test
    void anEmptyContextIsSentAsAnEmptyObjectAndOptionalMembersAreLeftOut() {
        TrackEvent event = valid().build();

        assertThat(event.toJson())
                .isEqualTo("{\"type\":\"track\",\"event\":\"Report Exported\","
                        + "\"visitorId\":\"v-42\",\"timestamp\":1795341600000,\"context\":{}}");
        assertThat(event.context()).isEqualTo(Context.empty());
        assertThat(event.propertiesJsonBytes()).isZero();
    }

    @Test
    void theTimestampDefaultsToNow() {
        Instant before = Instant.now();
        TrackEvent event = TrackEvent.builder().event("e").visitorId("v").build();
        assertThat(event.timestamp()).isBetween(before, Instant.now());
    }

    @Test
    void eventNameAndVisitorAreRequired() {
        assertThatThrownBy(() -> valid().event(" ").build())
                .isInstanceOfSatisfying(
                        InvalidTrackEventException.class,
                        e -> assertThat(e.field()).isEqualTo("event"));
        assertThatThrownBy(() -> valid().event(null).build()).hasMessageContaining("event must not be blank");
        assertThatThrownBy(() -> valid().visitorId(null).build())
                .isInstanceOfSatisfying(InvalidTrackEventException.class, e -> {
                    assertThat(e.field()).isEqualTo("visitorId");
                    assertThat(e.rule()).isEqualTo("is required");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "__x__"})
    void emptyAndReservedPropertyNamesAreRefusedWhenBuilt(String name) {
        assertThatThrownBy(() -> valid().property(name, "x").build())
                .isInstanceOfSatisfying(
                        InvalidTrackEventException.class,
                        e -> assertThat(e.field()).isEqualTo("properties." + name))
                .hasMessageContaining("not sent");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan", "_private", "Plan_Tier2", "a2345678901234567890123456789012"})
    void validPropertyNamesPass(String name) {
        assertThat(valid().property(name, 1).build().properties()).containsKey(name);
    }

    @Test
    void propertyValuesMustBeJson() {
        assertThatThrownBy(() -> valid().property("when", Instant.now()).build())
                .isInstanceOfSatisfying(
                        InvalidTrackEventException.class,
                        e -> assertThat(e.field()).isEqualTo("properties.when"));
        assertThat(valid().property("tags", List.of("a", "b"))
                        .property("nested", Map.of("k", true))
                        .build()
                        .toJson())
                .contains("\"tags\":[\"a\",\"b\"]", "\"nested\":{\"k\":true}");
    }

    @Test
    void isImmutableAndCopiesThroughToBuilder() {
        TrackEvent.Builder builder = valid().property("a", 1);
        TrackEvent event = builder.build();
        builder.property("b", 2);

        assertThat(event.properties()).containsOnlyKeys("a");
        assertThatThrownBy(() -> event.properties().put("c", 3)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(event.toBuilder().build()).isEqualTo(event);
    }

    @Test
    void toStringLeavesOutPropertyValues() {
        TrackEvent event = valid().property("email", "ada@example.com").build();
        assertThat(event.toString()).contains("Report Exported", "email").doesNotContain("ada@example.com");
    }

    @Test
    void anEventReadBackFromItsBodyHasTheSameBody() {
        TrackEvent event = valid().accountId("acme")
                .timestamp(Instant.ofEpochMilli(1_700_000_000_123L))
                .property("format", "pdf")
                .property("pages", 12)
                .property("tags", List.of("a", "b"))
                .context(Context.builder()
                        .ip("203.0.113.7")
                        .userAgent("test-agent")
                        .url("https://example.test/x")
                        .title("Reports")
                        .build())
                .build();

        TrackEvent read = TrackEvent.fromJson(event.toJson());

        assertThat(read.toJson()).isEqualTo(event.toJson());
        assertThat(read.visitorId()).isEqualTo(event.visitorId());
        assertThatThrownBy(() -> TrackEvent.fromJson("{\"type\":\"track\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("visitorId");
    }

    @Test
    void membersThatAreNotSetAreEmptyOptionalsNotNull() {
        Context context = Context.builder().ip("127.0.0.1").build();
        TrackEvent event = TrackEvent.builder()
                .event("signed-up")
                .visitorId("v1")
                .timestamp(Instant.EPOCH)
                .context(context)
                .build();

        assertThat(context.ip()).contains("127.0.0.1");
        assertThat(List.of(context.userAgent(), context.url(), context.title(), event.accountId()))
                .allSatisfy(member -> assertThat(member).isEmpty());
    }
}
