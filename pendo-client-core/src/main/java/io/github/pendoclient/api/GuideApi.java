package io.github.pendoclient.api;

import io.github.pendoclient.model.Guide;
import java.util.List;
import java.util.Map;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.QueryMap;

/** The guide endpoints. Body shapes of the state and segment changes are not documented by Pendo. */
public interface GuideApi {

    /**
     * Lists guides: {@code expand=*}, {@code appId}, {@code id=a,b} (one unknown id fails the whole call),
     * {@code state=public}.
     *
     * @param query the query parameters, already percent-encoded (commas between ids stay literal)
     * @return the call
     */
    @GET("api/v1/guide")
    Call<List<Guide>> list(@QueryMap(encoded = true) Map<String, String> query);

    /**
     * {@code PUT /api/v1/guide/{guideId}/state} with {@code {"state": "public"}}.
     *
     * @param guideId the guide id
     * @param body the body
     * @return the call
     */
    @PUT("api/v1/guide/{guideId}/state")
    Call<Void> setState(@Path("guideId") String guideId, @Body Map<String, Object> body);

    /**
     * {@code PUT /api/v1/guide/{guideId}/segment} with {@code {"segmentId": "..."}}.
     *
     * @param guideId the guide id
     * @param body the body
     * @return the call
     */
    @PUT("api/v1/guide/{guideId}/segment")
    Call<Void> setSegment(@Path("guideId") String guideId, @Body Map<String, Object> body);

    /**
     * {@code POST /api/v1/guide/{guideId}/visitor/{visitorId}/reset}: one visitor sees the guide again.
     *
     * @param guideId the guide id
     * @param visitorId the visitor id
     * @return the call
     */
    @Idempotent
    @POST("api/v1/guide/{guideId}/visitor/{visitorId}/reset")
    Call<Void> resetForVisitor(@Path("guideId") String guideId, @Path("visitorId") String visitorId);

    /**
     * {@code POST /api/v1/guide/all/visitor/{visitorId}/reset}: one visitor sees every guide again.
     *
     * @param visitorId the visitor id
     * @return the call
     */
    @Idempotent
    @POST("api/v1/guide/all/visitor/{visitorId}/reset")
    Call<Void> resetAllForVisitor(@Path("visitorId") String visitorId);
}
