package io.github.pendoclient.resource;

import io.github.pendoclient.api.SegmentApi;
import io.github.pendoclient.internal.http.PendoHttp;
import io.github.pendoclient.model.Segment;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Segments: list, get, create from visitor ids, replace, delete, add and remove visitors. */
public final class SegmentResource extends Resource {

    private final SegmentApi api;

    /** Segments on a stack, built by {@link Resources} for {@code PendoClient}. */
    SegmentResource(PendoHttp http) {
        super(http);
        this.api = http.create(SegmentApi.class);
    }

    /**
     * Every segment.
     *
     * @return the segments
     */
    public List<Segment> list() {
        return http.execute(api.list());
    }

    /**
     * {@link #list()} without blocking.
     *
     * @return a future of the segments
     */
    public CompletableFuture<List<Segment>> listAsync() {
        return http.executeAsync(api.list());
    }

    /**
     * One segment.
     *
     * @param segmentId the segment id
     * @return the segment
     */
    public Segment get(String segmentId) {
        return http.execute(api.get(requirePathId(segmentId, "segment id")));
    }

    /**
     * {@link #get(String)} without blocking.
     *
     * @param segmentId the segment id
     * @return a future of the segment
     */
    public CompletableFuture<Segment> getAsync(String segmentId) {
        return async(() -> http.executeAsync(api.get(requirePathId(segmentId, "segment id"))));
    }

    /**
     * Creates a shared segment from visitor ids ({@code POST /api/v1/segment/upload}), sending
     * {@code {"name": ..., "visitors": [...]}} (the SDK's guess: not documented by Pendo; see {@link #create(Map)}).
     *
     * @param name the segment name
     * @param visitorIds the visitor ids
     * @return the created segment as Pendo returns it
     */
    public Segment create(String name, Collection<String> visitorIds) {
        return http.execute(api.create(body(name, visitorIds)));
    }

    /**
     * {@link #create(String, Collection)} without blocking. Like the blocking call, it is not repeated when the
     * outcome is unknown: the future then fails with an {@code OutcomeUnknownException}.
     *
     * @param name the segment name
     * @param visitorIds the visitor ids
     * @return a future of the created segment as Pendo returns it
     */
    public CompletableFuture<Segment> createAsync(String name, Collection<String> visitorIds) {
        return async(() -> http.executeAsync(api.create(body(name, visitorIds))));
    }

    /**
     * Replaces a segment's name and visitors.
     *
     * @param segmentId the segment id
     * @param name the new name
     * @param visitorIds the new visitor ids
     */
    public void replace(String segmentId, String name, Collection<String> visitorIds) {
        http.execute(api.replace(requirePathId(segmentId, "segment id"), body(name, visitorIds)));
    }

    /**
     * {@link #replace(String, String, Collection)} without blocking.
     *
     * @param segmentId the segment id
     * @param name the new name
     * @param visitorIds the new visitor ids
     * @return a future completed when Pendo accepted the change, or failed with the same exception
     */
    public CompletableFuture<Void> replaceAsync(String segmentId, String name, Collection<String> visitorIds) {
        return async(
                () -> http.executeAsync(api.replace(requirePathId(segmentId, "segment id"), body(name, visitorIds))));
    }

    /**
     * Creates a segment with a body of your choosing. Pendo does not document the body of
     * {@code POST /api/v1/segment/upload}; {@link #create(String, Collection)} sends the SDK's guess,
     * {@code {"name": ..., "visitors": [...]}}.
     *
     * @param body the JSON body, sent as given
     * @return the created segment as Pendo returns it
     */
    public Segment create(Map<String, Object> body) {
        return http.execute(api.create(java.util.Objects.requireNonNull(body, "body")));
    }

    /**
     * {@link #create(Map)} without blocking; not repeated when the outcome is unknown.
     *
     * @param body the JSON body, sent as given
     * @return a future of the created segment as Pendo returns it
     */
    public CompletableFuture<Segment> createAsync(Map<String, Object> body) {
        return async(() -> http.executeAsync(api.create(java.util.Objects.requireNonNull(body, "body"))));
    }

    /**
     * Replaces a segment with a body of your choosing. Pendo does not document the body of the replace call;
     * {@link #replace(String, String, Collection)} sends the SDK's guess, {@code {"name": ..., "visitors": [...]}}.
     *
     * @param segmentId the segment id
     * @param body the JSON body, sent as given
     */
    public void replace(String segmentId, Map<String, Object> body) {
        http.execute(
                api.replace(requirePathId(segmentId, "segment id"), java.util.Objects.requireNonNull(body, "body")));
    }

    /**
     * {@link #replace(String, Map)} without blocking.
     *
     * @param segmentId the segment id
     * @param body the JSON body, sent as given
     * @return a future completed when Pendo accepted the change, or failed with the same exception
     */
    public CompletableFuture<Void> replaceAsync(String segmentId, Map<String, Object> body) {
        return async(() -> http.executeAsync(
                api.replace(requirePathId(segmentId, "segment id"), java.util.Objects.requireNonNull(body, "body"))));
    }

    /**
     * Deletes a segment.
     *
     * @param segmentId the segment id
     */
    public void delete(String segmentId) {
        http.execute(api.delete(requirePathId(segmentId, "segment id")));
    }

    /**
     * {@link #delete(String)} without blocking.
     *
     * @param segmentId the segment id
     * @return a future completed when Pendo deleted the segment, or failed with the same exception
     */
    public CompletableFuture<Void> deleteAsync(String segmentId) {
        return async(() -> http.executeAsync(api.delete(requirePathId(segmentId, "segment id"))));
    }

    /**
     * Adds one visitor to a segment.
     *
     * @param segmentId the segment id
     * @param visitorId the visitor id
     */
    public void addVisitor(String segmentId, String visitorId) {
        http.execute(api.addVisitor(requirePathId(segmentId, "segment id"), requirePathId(visitorId, "visitor id")));
    }

    /**
     * {@link #addVisitor(String, String)} without blocking.
     *
     * @param segmentId the segment id
     * @param visitorId the visitor id
     * @return a future completed when Pendo added the visitor, or failed with the same exception
     */
    public CompletableFuture<Void> addVisitorAsync(String segmentId, String visitorId) {
        return async(() -> http.executeAsync(
                api.addVisitor(requirePathId(segmentId, "segment id"), requirePathId(visitorId, "visitor id"))));
    }

    /**
     * Removes one visitor from a segment.
     *
     * @param segmentId the segment id
     * @param visitorId the visitor id
     */
    public void removeVisitor(String segmentId, String visitorId) {
        http.execute(api.removeVisitor(requirePathId(segmentId, "segment id"), requirePathId(visitorId, "visitor id")));
    }

    /**
     * {@link #removeVisitor(String, String)} without blocking.
     *
     * @param segmentId the segment id
     * @param visitorId the visitor id
     * @return a future completed when Pendo removed the visitor, or failed with the same exception
     */
    public CompletableFuture<Void> removeVisitorAsync(String segmentId, String visitorId) {
        return async(() -> http.executeAsync(
                api.removeVisitor(requirePathId(segmentId, "segment id"), requirePathId(visitorId, "visitor id"))));
    }

    private static Map<String, Object> body(String name, Collection<String> visitorIds) {
        requireId(name, "segment name");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("visitors", List.copyOf(visitorIds));
        return body;
    }
}
