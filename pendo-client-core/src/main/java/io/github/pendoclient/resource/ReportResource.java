package io.github.pendoclient.resource;

import io.github.pendoclient.api.ReportApi;
import io.github.pendoclient.internal.http.PendoHttp;
import io.github.pendoclient.model.Report;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Saved reports and their last results. */
public final class ReportResource extends Resource {

    private final ReportApi api;

    /** Reports on a stack, built by {@link Resources} for {@code PendoClient}. */
    ReportResource(PendoHttp http) {
        super(http);
        this.api = http.create(ReportApi.class);
    }

    /**
     * Every saved report definition.
     *
     * @return the reports
     */
    public List<Report> list() {
        return http.execute(api.list());
    }

    /**
     * {@link #list()} without blocking.
     *
     * @return a future of the reports
     */
    public CompletableFuture<List<Report>> listAsync() {
        return http.executeAsync(api.list());
    }

    /**
     * A report's last results as JSON rows.
     *
     * @param reportId the report id
     * @return the rows
     */
    public List<Map<String, Object>> results(String reportId) {
        return http.execute(api.results(requirePathId(reportId, "report id")));
    }

    /**
     * {@link #results(String)} without blocking.
     *
     * @param reportId the report id
     * @return a future of the rows
     */
    public CompletableFuture<List<Map<String, Object>>> resultsAsync(String reportId) {
        return async(() -> http.executeAsync(api.results(requirePathId(reportId, "report id"))));
    }
}
