package io.github.pendoclient.api;

import io.github.pendoclient.model.Visitor;
import io.github.pendoclient.model.VisitorHistoryItem;
import java.util.List;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** The visitor endpoints. Listing visitors in bulk is an aggregation ({@code visitors} source), not REST. */
public interface VisitorApi {

    /**
     * {@code GET /api/v1/visitor/{visitorId}}.
     *
     * @param visitorId the visitor id; any character is encoded
     * @return the call
     */
    @GET("api/v1/visitor/{visitorId}")
    Call<Visitor> get(@Path("visitorId") String visitorId);

    /**
     * {@code GET /api/v1/visitor/{visitorId}/history?starttime=}: about one day of events from {@code starttime}.
     *
     * @param visitorId the visitor id
     * @param startTime epoch milliseconds
     * @return the call
     */
    @GET("api/v1/visitor/{visitorId}/history")
    Call<List<VisitorHistoryItem>> history(@Path("visitorId") String visitorId, @Query("starttime") long startTime);
}
