package io.github.pendoclient.resource;

import io.github.pendoclient.api.GuideApi;
import io.github.pendoclient.internal.http.PendoHttp;
import io.github.pendoclient.model.Guide;
import java.util.Map;
import java.util.Set;

/**
 * Guides: the catalog calls, state and segment changes, and resets. Pendo does not document the bodies of the state
 * and segment changes; this sends {@code {"state": ...}} and {@code {"segmentId": ...}}.
 */
public final class GuideResource extends CatalogResource<Guide> {

    /** The guide states Pendo knows. */
    public static final Set<String> STATES = Set.of("draft", "staged", "public", "disabled");

    private final GuideApi api;

    /**
     * Guides on a stack.
     *
     * @param http the stack
     */
    public GuideResource(PendoHttp http) {
        this(http, http.create(GuideApi.class));
    }

    private GuideResource(PendoHttp http, GuideApi api) {
        super(http, api::list, "api/v1/guide", "guide", Guide::id);
        this.api = api;
    }

    /**
     * Changes a guide's state.
     *
     * @param guideId the guide id
     * @param state {@code draft}, {@code staged}, {@code public} or {@code disabled}
     */
    public void setState(String guideId, String state) {
        requirePathId(guideId, "guide id");
        if (!STATES.contains(state)) {
            throw new IllegalArgumentException("A guide state is one of " + STATES + ", was '" + state + "'");
        }
        http.execute(api.setState(guideId, Map.of("state", state)));
    }

    /**
     * Changes a guide's audience segment.
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
     * Lets one visitor see one guide again.
     *
     * @param guideId the guide id
     * @param visitorId the visitor id
     */
    public void resetForVisitor(String guideId, String visitorId) {
        http.execute(api.resetForVisitor(requirePathId(guideId, "guide id"), requirePathId(visitorId, "visitor id")));
    }

    /**
     * Lets one visitor see every guide again.
     *
     * @param visitorId the visitor id
     */
    public void resetAllForVisitor(String visitorId) {
        http.execute(api.resetAllForVisitor(requirePathId(visitorId, "visitor id")));
    }
}
