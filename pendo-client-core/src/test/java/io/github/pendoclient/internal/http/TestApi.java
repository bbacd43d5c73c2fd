package io.github.pendoclient.internal.http;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;

/** A small Retrofit interface for exercising the stack. */
interface TestApi {
    @GET("api/v1/visitor/{id}")
    Call<Map<String, Object>> visitor(@Path("id") String id);

    @GET("api/v1/visitor/{id}")
    CompletableFuture<Map<String, Object>> visitorAsync(@Path("id") String id);

    @GET("api/v1/feature")
    Call<List<Map<String, Object>>> features();

    @POST("api/v1/aggregation")
    Call<Map<String, Object>> aggregate(@Body Map<String, Object> body);
}
