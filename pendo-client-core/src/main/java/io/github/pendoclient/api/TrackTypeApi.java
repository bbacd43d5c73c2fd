package io.github.pendoclient.api;

import io.github.pendoclient.model.TrackType;
import java.util.List;
import java.util.Map;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.QueryMap;

/** {@code GET /api/v1/tracktype}: track types. Create with {@code client.create(TrackTypeApi.class)}. */
public interface TrackTypeApi {

    /**
     * Lists track types: {@code expand=*} for every app, {@code appId} for one, {@code id=a,b} by id.
     *
     * @param query the query parameters, already percent-encoded (commas between ids stay literal)
     * @return the call
     */
    @GET("api/v1/tracktype")
    Call<List<TrackType>> list(@QueryMap(encoded = true) Map<String, String> query);
}
