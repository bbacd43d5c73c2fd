package io.github.pendoclient.testing;

import io.github.pendoclient.track.TrackEvent;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on what a {@link FakePendo} received. Needs AssertJ on the test classpath.
 *
 * <pre>{@code
 * FakePendoAssert.assertThat(pendo)
 *     .receivedRequests(Endpoint.AGGREGATION, 3)
 *     .receivedTrackEvent("Report Exported")
 *     .playedAllFaults()
 *     .sentTheIntegrationKeyEverywhere();
 * }</pre>
 */
@SuppressWarnings("exports") // AssertJ is an optional dependency on purpose: see module-info.java
public final class FakePendoAssert extends AbstractAssert<FakePendoAssert, FakePendo> {

    private FakePendoAssert(FakePendo actual) {
        super(actual, FakePendoAssert.class);
    }

    /**
     * Starts assertions on a fake.
     *
     * @param actual the fake
     * @return the assertions
     */
    public static FakePendoAssert assertThat(FakePendo actual) {
        return new FakePendoAssert(actual);
    }

    /**
     * Checks how many requests an endpoint received.
     *
     * @param endpoint the endpoint
     * @param expected the count
     * @return this
     */
    public FakePendoAssert receivedRequests(Endpoint endpoint, int expected) {
        isNotNull();
        int count = actual.requestCount(endpoint);
        if (count != expected) {
            failWithMessage(
                    "Expected %s requests to %s but the fake received %s: %s",
                    expected, endpoint, count, actual.requests(endpoint));
        }
        return this;
    }

    /**
     * Checks that no request got an answer with this status.
     *
     * @param status the status, for example 401
     * @return this
     */
    public FakePendoAssert answeredNo(int status) {
        isNotNull();
        List<RecordedCall> calls = actual.requests().stream()
                .filter(call -> call.status() == status)
                .toList();
        if (!calls.isEmpty()) {
            failWithMessage("Expected no %s answers but the fake gave %s: %s", status, calls.size(), calls);
        }
        return this;
    }

    /**
     * Checks that a track event with this name arrived.
     *
     * @param event the event name
     * @return this
     */
    public FakePendoAssert receivedTrackEvent(String event) {
        isNotNull();
        List<String> names =
                actual.trackEvents().stream().map(TrackEvent::event).toList();
        if (!names.contains(event)) {
            failWithMessage("Expected a track event named <%s> but the fake received %s", event, names);
        }
        return this;
    }

    /**
     * Checks that every queued fault was played.
     *
     * @return this
     */
    public FakePendoAssert playedAllFaults() {
        isNotNull();
        if (actual.pendingFaults() > 0) {
            failWithMessage(
                    "Expected every fault to be played, but %s requests' worth are still queued",
                    actual.pendingFaults());
        }
        return this;
    }

    /**
     * Checks that every request carried a key the fake accepts (none was answered 401).
     *
     * @return this
     */
    public FakePendoAssert sentTheIntegrationKeyEverywhere() {
        return answeredNo(401);
    }
}
