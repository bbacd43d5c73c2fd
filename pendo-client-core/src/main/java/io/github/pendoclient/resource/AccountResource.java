package io.github.pendoclient.resource;

import io.github.pendoclient.api.AccountApi;
import io.github.pendoclient.internal.http.PendoHttp;
import io.github.pendoclient.model.Account;
import java.util.concurrent.CompletableFuture;

/** Accounts by id. Listing accounts in bulk is an aggregation, not REST. */
public final class AccountResource extends Resource {

    private final AccountApi api;

    /** Accounts on a stack, built by {@link Resources} for {@code PendoClient}. */
    AccountResource(PendoHttp http) {
        super(http);
        this.api = http.create(AccountApi.class);
    }

    /**
     * One account with its metadata groups.
     *
     * @param accountId the account id; any character is encoded
     * @return the account
     * @throws io.github.pendoclient.error.NotFoundException if Pendo does not know the account
     */
    public Account get(String accountId) {
        return http.execute(api.get(requirePathId(accountId, "account id")));
    }

    /**
     * {@link #get(String)} without blocking.
     *
     * @param accountId the account id
     * @return a future of the account
     */
    public CompletableFuture<Account> getAsync(String accountId) {
        return async(() -> http.executeAsync(api.get(requirePathId(accountId, "account id"))));
    }
}
