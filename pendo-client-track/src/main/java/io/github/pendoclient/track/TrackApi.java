package io.github.pendoclient.track;

import io.github.pendoclient.api.Idempotent;
import io.github.pendoclient.api.OutcomeCheck;
import okhttp3.RequestBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.POST;

/** The Track Events endpoint: one event per request, there is no batch endpoint. */
interface TrackApi {

    /** At least once: retried after any transient failure, so a lost answer may mean a duplicate event. */
    @Idempotent
    @POST("data/track")
    Call<Void> track(@Body RequestBody event);

    /** At most once: sent again only when Pendo certainly did not receive it. */
    @OutcomeCheck("the event may have been recorded; Pendo has no way to look it up, so sending it again may count it"
            + " twice")
    @POST("data/track")
    Call<Void> trackAtMostOnce(@Body RequestBody event);
}
