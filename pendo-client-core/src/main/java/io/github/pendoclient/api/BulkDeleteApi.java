package io.github.pendoclient.api;

import io.github.pendoclient.model.BulkDeleteJob;
import java.util.List;
import java.util.Map;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;

/** The GDPR bulk-delete endpoints: at most 500 ids per request and one request per second. */
public interface BulkDeleteApi {

    /**
     * {@code POST /api/v1/bulkdelete/visitor} with {@code {"visitors": [ids]}}.
     *
     * @param body the body
     * @return the call
     */
    @OutcomeCheck("client.bulkDelete().status() lists every deletion job; look for one created just now")
    @POST("api/v1/bulkdelete/visitor")
    Call<BulkDeleteJob> visitors(@Body Map<String, List<String>> body);

    /**
     * {@code POST /api/v1/bulkdelete/account} with {@code {"accounts": [ids]}}.
     *
     * @param body the body
     * @return the call
     */
    @OutcomeCheck("client.bulkDelete().status() lists every deletion job; look for one created just now")
    @POST("api/v1/bulkdelete/account")
    Call<BulkDeleteJob> accounts(@Body Map<String, List<String>> body);

    /**
     * {@code GET /api/v1/bulkdelete}: every bulk-delete request.
     *
     * @return the call
     */
    @GET("api/v1/bulkdelete")
    Call<List<BulkDeleteJob>> list();

    /**
     * {@code GET /api/v1/bulkdelete/{id}}.
     *
     * @param id the job id
     * @return the call
     */
    @GET("api/v1/bulkdelete/{id}")
    Call<BulkDeleteJob> get(@Path("id") String id);
}
