package io.github.pendoclient.resource;

import io.github.pendoclient.api.BulkDeleteApi;
import io.github.pendoclient.internal.http.PendoHttp;
import io.github.pendoclient.model.BulkDeleteJob;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import retrofit2.Call;

/**
 * GDPR bulk deletion of visitors and accounts. Pendo's rules are kept: at most {@value #MAX_IDS_PER_REQUEST} ids
 * per request, and at most one request per second (the rate limit's {@code PENDO_RULES}). Deletion is queued and may
 * take up to 21 days; the ids are marked Do Not Process at once.
 */
public final class BulkDeleteResource extends Resource {

    /** Pendo's maximum number of ids in one bulk-delete request. */
    public static final int MAX_IDS_PER_REQUEST = 500;

    private final BulkDeleteApi api;

    /** Bulk delete on a stack, built by {@link Resources} for {@code PendoClient}. */
    BulkDeleteResource(PendoHttp http) {
        super(http);
        this.api = http.create(BulkDeleteApi.class);
    }

    /**
     * Requests deletion of visitors, {@value #MAX_IDS_PER_REQUEST} per request.
     *
     * @param visitorIds the visitor ids; duplicates are sent once
     * @return one job per request
     */
    public List<BulkDeleteJob> visitors(Collection<String> visitorIds) {
        return inChunks(visitorIds, ids -> api.visitors(Map.of("visitors", ids)));
    }

    /**
     * {@link #visitors(Collection)} without blocking. The requests go one after another, as in the blocking call;
     * the future completes when every batch is done, or fails with the first failure (later batches are then not
     * sent, earlier ones stay requested).
     *
     * @param visitorIds the visitor ids; duplicates are sent once
     * @return a future of one job per request
     */
    public CompletableFuture<List<BulkDeleteJob>> visitorsAsync(Collection<String> visitorIds) {
        return async(() -> inChunksAsync(visitorIds, ids -> api.visitors(Map.of("visitors", ids))));
    }

    /**
     * Requests deletion of accounts, {@value #MAX_IDS_PER_REQUEST} per request.
     *
     * @param accountIds the account ids; duplicates are sent once
     * @return one job per request
     */
    public List<BulkDeleteJob> accounts(Collection<String> accountIds) {
        return inChunks(accountIds, ids -> api.accounts(Map.of("accounts", ids)));
    }

    /**
     * {@link #accounts(Collection)} without blocking; completes when every batch is done, or fails with the first
     * failure (later batches are then not sent).
     *
     * @param accountIds the account ids; duplicates are sent once
     * @return a future of one job per request
     */
    public CompletableFuture<List<BulkDeleteJob>> accountsAsync(Collection<String> accountIds) {
        return async(() -> inChunksAsync(accountIds, ids -> api.accounts(Map.of("accounts", ids))));
    }

    /**
     * Every bulk-delete request of the subscription.
     *
     * @return the jobs
     */
    public List<BulkDeleteJob> status() {
        return http.execute(api.list());
    }

    /**
     * {@link #status()} without blocking.
     *
     * @return a future of the jobs
     */
    public CompletableFuture<List<BulkDeleteJob>> statusAsync() {
        return http.executeAsync(api.list());
    }

    /**
     * One bulk-delete request.
     *
     * @param jobId the job id
     * @return the job
     */
    public BulkDeleteJob status(String jobId) {
        return http.execute(api.get(requirePathId(jobId, "job id")));
    }

    /**
     * {@link #status(String)} without blocking.
     *
     * @param jobId the job id
     * @return a future of the job
     */
    public CompletableFuture<BulkDeleteJob> statusAsync(String jobId) {
        return async(() -> http.executeAsync(api.get(requirePathId(jobId, "job id"))));
    }

    private List<BulkDeleteJob> inChunks(Collection<String> ids, Function<List<String>, Call<BulkDeleteJob>> call) {
        List<BulkDeleteJob> jobs = new ArrayList<>();
        for (List<String> chunk : chunks(ids)) {
            jobs.add(http.execute(call.apply(chunk)));
        }
        return jobs;
    }

    private CompletableFuture<List<BulkDeleteJob>> inChunksAsync(
            Collection<String> ids, Function<List<String>, Call<BulkDeleteJob>> call) {
        List<BulkDeleteJob> jobs = new ArrayList<>();
        CompletableFuture<Void> done = CompletableFuture.completedFuture(null);
        for (List<String> chunk : chunks(ids)) {
            done = done.thenCompose(previous -> http.executeAsync(call.apply(chunk)))
                    .thenAccept(jobs::add);
        }
        return done.thenApply(finished -> jobs);
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(ids));
        unique.forEach(id -> requireId(id, "id"));
        List<List<String>> chunks = new ArrayList<>();
        for (int start = 0; start < unique.size(); start += MAX_IDS_PER_REQUEST) {
            chunks.add(List.copyOf(unique.subList(start, Math.min(unique.size(), start + MAX_IDS_PER_REQUEST))));
        }
        return chunks;
    }
}
