package io.github.pendoclient.api;

import io.github.pendoclient.model.Report;
import java.util.List;
import java.util.Map;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;

/** The report endpoints. */
public interface ReportApi {

    /**
     * {@code GET /api/v1/report}: saved report definitions.
     *
     * @return the call
     */
    @GET("api/v1/report")
    Call<List<Report>> list();

    /**
     * {@code GET /api/v1/report/{reportId}/results.json}: the report's last results.
     *
     * @param reportId the report id
     * @return the call
     */
    @GET("api/v1/report/{reportId}/results.json")
    Call<List<Map<String, Object>>> results(@Path("reportId") String reportId);
}
