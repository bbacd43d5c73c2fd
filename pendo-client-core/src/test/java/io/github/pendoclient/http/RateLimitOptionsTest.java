package io.github.pendoclient.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitOptionsTest {

    @Test
    void builderStartsFromPendosDocumentedLimit() {
        RateLimitOptions options = RateLimitOptions.builder().build();

        assertThat(options.perSecond()).isEqualTo(RateLimitOptions.DEFAULT_PER_SECOND);
        assertThat(options.endpointLimits()).isEmpty();
    }

    @Test
    void builderEndpointLimitIsNormalisedAndOverridesTheDefaultForThatEndpointOnly() {
        RateLimitOptions options = RateLimitOptions.builder()
                .perSecond(50)
                .endpointLimit("post /api/v1/aggregation", 5)
                .build();

        assertThat(options.endpointLimits()).isEqualTo(Map.of("POST api/v1/aggregation", 5.0));
        assertThat(options.limitFor("POST api/v1/aggregation")).isEqualTo(5.0);
        assertThat(options.limitFor("GET api/v1/feature")).isEqualTo(50.0);
    }

    @Test
    void toBuilderKeepsOverridesAndLeavesTheOriginalUntouched() {
        RateLimitOptions original = RateLimitOptions.disabled().withEndpointLimit("POST api/v1/aggregation", 0.5);

        RateLimitOptions derived = original.toBuilder().perSecond(10).build();

        assertThat(original.perSecond()).isZero();
        assertThat(derived.perSecond()).isEqualTo(10.0);
        assertThat(derived.endpointLimits()).isEqualTo(original.endpointLimits());
    }

    @Test
    void builderRejectsANonPositiveRateAtOnce() {
        assertThatThrownBy(() -> RateLimitOptions.builder().endpointLimit("GET api/v1/feature", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> RateLimitOptions.builder().perSecond(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }
}
