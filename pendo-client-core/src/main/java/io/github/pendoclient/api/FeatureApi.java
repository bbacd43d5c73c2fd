package io.github.pendoclient.api;

import io.github.pendoclient.model.Feature;
import java.util.List;
import java.util.Map;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.QueryMap;

/** {@code GET /api/v1/feature}: features. Create with {@code client.create(FeatureApi.class)}. */
public interface FeatureApi {

    /**
     * Lists features: {@code expand=*} for every app, {@code appId} for one, {@code id=a,b} by id.
     *
     * @param query the query parameters, already percent-encoded (commas between ids stay literal)
     * @return the call
     */
    @GET("api/v1/feature")
    Call<List<Feature>> list(@QueryMap(encoded = true) Map<String, String> query);
}
