package io.github.pendoclient.resource;

import io.github.pendoclient.api.GuideApi;
import io.github.pendoclient.internal.http.PendoHttp;
import io.github.pendoclient.model.Guide;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Guides: the catalog calls, state and segment changes, and resets. Pendo does not document the bodies of the state
 * and segment changes; this sends {@code {"state": ...}} and {@code {"segmentId": ...}}.
 */
public final class GuideResource extends CatalogResource<Guide> {

    /** The guide states Pendo knows. */
    public static final Set<String> STATES = Set.of("draft", "staged", "public", "disabled");

    private final GuideApi api;

    /** Guides on a stack, built by {@link Resources} for {@code PendoClient}. */
    GuideResource(PendoHttp http) {
        this(http, http.create(GuideApi.class));
    }

    private GuideResource(PendoHttp http, GuideApi api) {
        super(http, api::list, "api/v1/guide", "guide", Guide::id);
        this.api = api;
    }

    /**
     * Changes a guide's state, sending {@code {"state": ...}} (the SDK's guess: not documented by Pendo; see
     * {@link #setState(String, Map)}).
     *
     * @param guideId the guide id
     * @param state {@code draft}, {@code staged}, {@code public} or {@code disabled}
     */
    public void setState(String guideId, String state) {
        http.execute(stateCall(guideId, state));
    }

    /**
     * {@link #setState(String, String)} without blocking.
     *
     * @param guideId the guide id
     * @param state {@code draft}, {@code staged}, {@code public} or {@code disabled}
     * @return a future completed when Pendo accepted the change, or failed with the same exception
     */
    public CompletableFuture<Void> setStateAsync(String guideId, String state) {
        return async(() -> http.executeAsync(stateCall(guideId, state)));
    }

    private retrofit2.Call<Void> stateCall(String guideId, String state) {
        requirePathId(guideId, "guide id");
        if (!STATES.contains(state)) {
            throw new IllegalArgumentException("A guide state is one of " + STATES + ", was '" + state + "'");
        }
        return api.setState(guideId, Map.of("state", state));
    }

    /**
     * Changes a guide's state with a body of your choosing. Pendo does not document the body of
     * {@code PUT /api/v1/guide/{guideId}/state}; {@link #setState(String, String)} sends the SDK's guess,
     * {@code {"state": ...}}. Use this if your subscription expects another shape.
     *
     * @param guideId the guide id
     * @param body the JSON body, sent as given (maps, lists, strings, numbers, booleans, nulls)
     */
    public void setState(String guideId, Map<String, Object> body) {
        requirePathId(guideId, "guide id");
        http.execute(api.setState(guideId, Objects.requireNonNull(body, "body")));
    }

    /**
     * {@link #setState(String, Map)} without blocking.
     *
     * @param guideId the guide id
     * @param body the JSON body, sent as given
     * @return a future completed when Pendo accepted the change, or failed with the same exception
     */
    public CompletableFuture<Void> setStateAsync(String guideId, Map<String, Object> body) {
        return async(() -> http.executeAsync(
                api.setState(requirePathId(guideId, "guide id"), Objects.requireNonNull(body, "body"))));
    }

    /**
     * Changes a guide's audience segment with a body of your choosing. Pendo does not document the body of
     * {@code PUT /api/v1/guide/{guideId}/segment}; {@link #setSegment(String, String)} sends the SDK's guess,
     * {@code {"segmentId": ...}}.
     *
     * @param guideId the guide id
     * @param body the JSON body, sent as given
     */
    public void setSegment(String guideId, Map<String, Object> body) {
        requirePathId(guideId, "guide id");
        http.execute(api.setSegment(guideId, Objects.requireNonNull(body, "body")));
    }

    /**
     * {@link #setSegment(String, Map)} without blocking.
     *
     * @param guideId the guide id
     * @param body the JSON body, sent as given
     * @return a future completed when Pendo accepted the change, or failed with the same exception
     */
    public CompletableFuture<Void> setSegmentAsync(String guideId, Map<String, Object> body) {
        return async(() -> http.executeAsync(
                api.setSegment(requirePathId(guideId, "guide id"), Objects.requireNonNull(body, "body"))));
    }

    /**
     * Changes a guide's audience segment, sending {@code {"segmentId": ...}} (the SDK's guess: not documented by
     * Pendo; see {@link #setSegment(String, Map)}).
     *
     * @param guideId the guide id
     * @param segmentId the segment id
     */
    public void setSegment(String guideId, String segmentId) {
        requirePathId(guideId, "guide id");
        requirePathId(segmentId, "segment id");
        http.execute(api.setSegment(guideId, Map.of("segmentId", segmentId)));
    }

    /**
     * {@link #setSegment(String, String)} without blocking.
     *
     * @param guideId the guide id
     * @param segmentId the segment id
     * @return a future completed when Pendo accepted the change, or failed with the same exception
     */
    public CompletableFuture<Void> setSegmentAsync(String guideId, String segmentId) {
        return async(() -> http.executeAsync(api.setSegment(
                requirePathId(guideId, "guide id"), Map.of("segmentId", requirePathId(segmentId, "segment id")))));
    }

    /**
     * Lets one visitor see one guide again.
     *
     * @param guideId the guide id
     * @param visitorId the visitor id
     */
    public void resetForVisitor(String guideId, String visitorId) {
        http.execute(api.resetForVisitor(requirePathId(guideId, "guide id"), requirePathId(visitorId, "visitor id")));
    }

    /**
     * {@link #resetForVisitor(String, String)} without blocking.
     *
     * @param guideId the guide id
     * @param visitorId the visitor id
     * @return a future completed when Pendo accepted the reset, or failed with the same exception
     */
    public CompletableFuture<Void> resetForVisitorAsync(String guideId, String visitorId) {
        return async(() -> http.executeAsync(
                api.resetForVisitor(requirePathId(guideId, "guide id"), requirePathId(visitorId, "visitor id"))));
    }

    /**
     * Lets one visitor see every guide again.
     *
     * @param visitorId the visitor id
     */
    public void resetAllForVisitor(String visitorId) {
        http.execute(api.resetAllForVisitor(requirePathId(visitorId, "visitor id")));
    }

    /**
     * {@link #resetAllForVisitor(String)} without blocking.
     *
     * @param visitorId the visitor id
     * @return a future completed when Pendo accepted the reset, or failed with the same exception
     */
    public CompletableFuture<Void> resetAllForVisitorAsync(String visitorId) {
        return async(() -> http.executeAsync(api.resetAllForVisitor(requirePathId(visitorId, "visitor id"))));
    }
}
