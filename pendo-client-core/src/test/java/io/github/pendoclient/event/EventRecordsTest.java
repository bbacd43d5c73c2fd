package io.github.pendoclient.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventRecordsTest {

    private static final Endpoint VISITOR = new Endpoint("GET", "/api/v1/visitor/{visitorId}");

    @ParameterizedTest
    @CsvSource({"200,2xx", "204,2xx", "301,3xx", "429,4xx", "503,5xx", "0,none", "600,none", "99,none"})
    void statusClassGroupsByHundredsAndNamesAMissingResponse(int status, String expected) {
        assertThat(new AttemptEnded(VISITOR, 1, status, Duration.ZERO).statusClass())
                .isEqualTo(expected);
        assertThat(new CallEnded(VISITOR, 1, status, Duration.ZERO, "none").statusClass())
                .isEqualTo(expected);
    }

    @Test
    void aCallSucceededExactlyWhenItEndedWithoutAnError() {
        assertThat(new CallEnded(VISITOR, 2, 200, Duration.ofMillis(5), "none").succeeded())
                .isTrue();
        assertThat(new CallEnded(VISITOR, 3, 503, Duration.ofMillis(5), "ServerException").succeeded())
                .isFalse();
    }

    @Test
    void anEndpointPrintsAsMethodAndTemplate() {
        assertThat(VISITOR).hasToString("GET /api/v1/visitor/{visitorId}");
    }
}
