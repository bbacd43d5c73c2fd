package io.github.pendoclient.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SyncOptionsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T12:00:00Z"), ZoneOffset.UTC);

    /** Every setting away from its default, so a setting toBuilder forgot shows as a default in the copy. */
    private static SyncOptions everySettingChanged() {
        return SyncOptions.builder()
                .appIds(List.of(-323232L, 5L))
                .start(Instant.parse("2026-01-01T00:00:00Z"))
                .hourly(true)
                .windowSize(6)
                .lag(Duration.ofHours(2))
                .recentFirst(true)
                .includeAnonymous(true)
                .pageSize(777)
                .historyVisitors(List.of("v-1", "v-2"))
                .clock(CLOCK)
                .build();
    }

    @Test
    void toBuilderCopiesEverySetting() {
        SyncOptions original = everySettingChanged();

        SyncOptions copy = original.toBuilder().build();

        assertThat(copy).usingRecursiveComparison().isEqualTo(original);
        assertThat(copy.appIds()).containsExactly(-323232L, 5L);
        assertThat(copy.start()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(copy.hourly()).isTrue();
        assertThat(copy.windowSize()).isEqualTo(6);
        assertThat(copy.lag()).isEqualTo(Duration.ofHours(2));
        assertThat(copy.recentFirst()).isTrue();
        assertThat(copy.includeAnonymous()).isTrue();
        assertThat(copy.pageSize()).isEqualTo(OptionalInt.of(777));
        assertThat(copy.historyVisitors()).containsExactly("v-1", "v-2");
        assertThat(copy.clock()).isSameAs(CLOCK);
    }

    @Test
    void aCopyThatDiffersInOneSettingLeavesTheOriginalUnchanged() {
        SyncOptions original = everySettingChanged();

        SyncOptions copy = original.toBuilder().pageSize(50_000).hourly(false).build();

        assertThat(copy.pageSize()).isEqualTo(OptionalInt.of(50_000));
        assertThat(copy.hourly()).isFalse();
        assertThat(copy.windowSize()).isEqualTo(6);
        assertThat(original.pageSize()).isEqualTo(OptionalInt.of(777));
        assertThat(original.hourly()).isTrue();
    }

    @Test
    void theDefaultStartIsThirtyDaysBeforeTheClocksTodayOfEachBuild() {
        SyncOptions.Builder builder = SyncOptions.builder().clock(CLOCK);
        SyncOptions first = builder.build();

        SyncOptions later =
                builder.clock(Clock.offset(CLOCK, Duration.ofDays(2))).build();

        assertThat(first.start()).isEqualTo(Instant.parse("2026-02-08T00:00:00Z"));
        assertThat(later.start()).isEqualTo(Instant.parse("2026-02-10T00:00:00Z"));
    }
}
