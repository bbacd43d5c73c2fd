package io.github.pendoclient.api;

import io.github.pendoclient.model.Segment;
import java.util.List;
import java.util.Map;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;

/** The segment endpoints. Pendo documents their paths but little of their bodies. */
public interface SegmentApi {

    /**
     * {@code GET /api/v1/segment}.
     *
     * @return the call
     */
    @GET("api/v1/segment")
    Call<List<Segment>> list();

    /**
     * {@code GET /api/v1/segment/{segmentId}}.
     *
     * @param segmentId the segment id
     * @return the call
     */
    @GET("api/v1/segment/{segmentId}")
    Call<Segment> get(@Path("segmentId") String segmentId);

    /**
     * {@code POST /api/v1/segment/upload} with {@code {"name": ..., "visitors": [ids]}}.
     *
     * @param body the body
     * @return the call
     */
    @OutcomeCheck("client.segments().list() shows whether a segment with this name was created")
    @POST("api/v1/segment/upload")
    Call<Segment> create(@Body Map<String, Object> body);

    /**
     * {@code PUT /api/v1/segment/{segmentId}} with {@code {"name": ..., "visitors": [ids]}}.
     *
     * @param segmentId the segment id
     * @param body the body
     * @return the call
     */
    @PUT("api/v1/segment/{segmentId}")
    Call<Void> replace(@Path("segmentId") String segmentId, @Body Map<String, Object> body);

    /**
     * {@code DELETE /api/v1/segment/{segmentId}}.
     *
     * @param segmentId the segment id
     * @return the call
     */
    @DELETE("api/v1/segment/{segmentId}")
    Call<Void> delete(@Path("segmentId") String segmentId);

    /**
     * {@code PUT /api/v1/segment/{segmentId}/visitor/{visitorId}}.
     *
     * @param segmentId the segment id
     * @param visitorId the visitor id
     * @return the call
     */
    @PUT("api/v1/segment/{segmentId}/visitor/{visitorId}")
    Call<Void> addVisitor(@Path("segmentId") String segmentId, @Path("visitorId") String visitorId);

    /**
     * {@code DELETE /api/v1/segment/{segmentId}/visitor/{visitorId}}.
     *
     * @param segmentId the segment id
     * @param visitorId the visitor id
     * @return the call
     */
    @DELETE("api/v1/segment/{segmentId}/visitor/{visitorId}")
    Call<Void> removeVisitor(@Path("segmentId") String segmentId, @Path("visitorId") String visitorId);
}
