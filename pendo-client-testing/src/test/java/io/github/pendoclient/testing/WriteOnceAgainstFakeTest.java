package io.github.pendoclient.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.error.OutcomeUnknownException;
import io.github.pendoclient.model.Segment;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against the fake: a segment creation whose answer is cut off is not sent a second time. */
class WriteOnceAgainstFakeTest {

    private final FakePendo pendo = FakePendo.create().start();
    private final PendoClient client = pendo.client();

    @AfterEach
    void close() {
        client.close();
        pendo.close();
    }

    @Test
    void aDisconnectMidBodyDuringSegmentCreationLeavesOneSegment() {
        pendo.enqueueFault(Endpoint.SEGMENTS, Fault.disconnectMidBody());

        assertThatThrownBy(() -> client.segments().create("Write once", List.of("v-1", "v-2")))
                .isInstanceOf(OutcomeUnknownException.class)
                .hasMessageContaining("segments().list()");

        assertThat(client.segments().list()).extracting(Segment::name).containsOnlyOnce("Write once");
        assertThat(pendo.requests(Endpoint.SEGMENTS))
                .filteredOn(call -> call.method().equals("POST"))
                .hasSize(1);
    }
}
