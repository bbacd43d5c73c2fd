package io.github.pendoclient.api;

import io.github.pendoclient.model.Account;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;

/** The account endpoint. Listing accounts in bulk is an aggregation ({@code accounts} source), not REST. */
public interface AccountApi {

    /**
     * {@code GET /api/v1/account/{accountId}}.
     *
     * @param accountId the account id; any character is encoded
     * @return the call
     */
    @GET("api/v1/account/{accountId}")
    Call<Account> get(@Path("accountId") String accountId);
}
