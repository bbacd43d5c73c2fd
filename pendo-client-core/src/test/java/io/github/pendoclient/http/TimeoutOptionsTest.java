package io.github.pendoclient.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeoutOptionsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        TimeoutOptions defaults = TimeoutOptions.defaults();

        assertThat(defaults.connect()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.read()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.write()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.call()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.streamingRead()).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.streamingCall()).isZero();
    }

    @Test
    void toBuilderChangesOnlyWhatIsSetAndLeavesTheOriginalUntouched() {
        TimeoutOptions original =
                TimeoutOptions.builder().connect(Duration.ofSeconds(3)).build();

        TimeoutOptions derived =
                original.toBuilder().streamingCall(Duration.ofHours(1)).build();

        assertThat(derived.connect()).isEqualTo(Duration.ofSeconds(3));
        assertThat(derived.streamingCall()).isEqualTo(Duration.ofHours(1));
        assertThat(original.streamingCall()).isZero();
    }

    @Test
    void settersRejectBadValuesAtOnceNamingTheSetting() {
        assertThatThrownBy(() -> TimeoutOptions.builder().connect(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("connectTimeout must be positive");
        assertThatThrownBy(() -> TimeoutOptions.builder().call(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("callTimeout must not be negative");
    }
}
