package io.github.pendoclient.api;

import io.github.pendoclient.model.MetadataFieldSchema;
import io.github.pendoclient.model.MetadataUpdateResult;
import java.util.List;
import java.util.Map;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** The metadata endpoints; {@code kind} is {@code visitor} or {@code account}. */
public interface MetadataApi {

    /**
     * {@code GET /api/v1/metadata/schema/{kind}}: group to field to descriptor.
     *
     * @param kind {@code visitor} or {@code account}
     * @return the call
     */
    @GET("api/v1/metadata/schema/{kind}")
    Call<Map<String, Map<String, MetadataFieldSchema>>> schema(@Path("kind") String kind);

    /**
     * {@code GET /api/v1/metadata/{kind}/{group}/value/{id}/{field}}.
     *
     * @param kind {@code visitor} or {@code account}
     * @param group the group, for example {@code custom}
     * @param id the visitor or account id
     * @param field the field name
     * @return the call, whose body is the raw JSON value
     */
    @GET("api/v1/metadata/{kind}/{group}/value/{id}/{field}")
    Call<Object> getValue(
            @Path("kind") String kind, @Path("group") String group, @Path("id") String id, @Path("field") String field);

    /**
     * {@code PUT /api/v1/metadata/{kind}/{group}/value/{id}/{field}} with the raw JSON value as body.
     *
     * @param kind {@code visitor} or {@code account}
     * @param group the group
     * @param id the visitor or account id
     * @param field the field name
     * @param value the value: a string, number, boolean or null
     * @return the call
     */
    @PUT("api/v1/metadata/{kind}/{group}/value/{id}/{field}")
    Call<Void> setValue(
            @Path("kind") String kind,
            @Path("group") String group,
            @Path("id") String id,
            @Path("field") String field,
            @Body Object value);

    /**
     * {@code POST /api/v1/metadata/{kind}/{group}/value}: a JSON array of
     * {@code {"visitorId": "...", "values": {...}}} (or {@code accountId}).
     *
     * @param kind {@code visitor} or {@code account}
     * @param group the group, normally {@code agent} or {@code custom}
     * @param create {@code true} to create unknown visitors or accounts; null to leave it out
     * @param rows the rows
     * @return the call
     */
    @Idempotent
    @POST("api/v1/metadata/{kind}/{group}/value")
    Call<MetadataUpdateResult> bulkUpdate(
            @Path("kind") String kind,
            @Path("group") String group,
            @Query("create") Boolean create,
            @Body List<Map<String, Object>> rows);
}
