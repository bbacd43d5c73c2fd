package io.github.pendoclient.track;

import okhttp3.RequestBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.POST;

/** The Track Events endpoint: one event per request, there is no batch endpoint. */
interface TrackApi {

    @POST("data/track")
    Call<Void> track(@Body RequestBody event);
}
