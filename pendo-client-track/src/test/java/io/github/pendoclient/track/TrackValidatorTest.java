package io.github.pendoclient.track;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.http.TimeSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrackValidatorTest {

    private static TrackEvent withProperty(String name) {
        return TrackEvent.builder()
                .event("Report Exported")
                .visitorId("v-1")
                .property(name, "x")
                .build();
    }

    private static TrackValidator validator(ValidationMode mode) {
        return new TrackValidator(mode, Duration.ofMinutes(5), TimeSource.system());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1st", "plan-name", "plan name", "café", "a23456789012345678901234567890123"})
    void strictValidationRefusesPropertyNamesOutsideTheSdkRule(String name) {
        TrackEvent event = withProperty(name);

        assertThatThrownBy(() -> validator(ValidationMode.STRICT).check(event))
                .isInstanceOf(InvalidTrackEventException.class)
                .hasMessageContaining("properties." + name);
    }

    @Test
    void lenientValidationSendsAPropertyNameOutsideTheSdkRule() {
        TrackEvent event = withProperty("plan-name");

        assertThatCode(() -> validator(ValidationMode.LENIENT).check(event)).doesNotThrowAnyException();
    }
}
