package io.github.pendoclient.aggregation;

import io.github.pendoclient.internal.json.JsonValues;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request to {@code POST /api/v1/aggregation}: a pipeline, optional labels, and the response envelope. Immutable
 * and reusable; {@link #toJson()} shows the exact body sent.
 *
 * <pre>{@code
 * Aggregation query = Aggregation.builder()
 *     .source(Source.pageEvents().appIds(AppIds.all()).blacklist(Blacklist.APPLY),
 *             TimeSeries.days().first(Instant.parse("2026-01-01T00:00:00Z")).count(30))
 *     .filter(Expr.field("visitorId").ne(""))
 *     .group(Group.by("pageId", "day").sum("events", "numEvents"))
 *     .sort("-events")
 *     .limit(100)
 *     .build();
 * }</pre>
 *
 * <p>The envelope is {@code {"response": {"location": "request", "mimeType": "application/json"},
 * "request": {"name": ..., "requestId": ..., "pipeline": [...]}}}, as in Pendo's own samples.
 */
public final class Aggregation {

    private final Pipeline pipeline;
    private final String name;
    private final String requestId;

    private Aggregation(Pipeline pipeline, String name, String requestId) {
        this.pipeline = pipeline;
        this.name = name;
        this.requestId = requestId;
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this aggregation's labels and steps, to append to.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.copyFrom(pipeline);
        builder.name = name;
        builder.requestId = requestId;
        return builder;
    }

    /**
     * The pipeline.
     *
     * @return the pipeline
     */
    public Pipeline pipeline() {
        return pipeline;
    }

    /**
     * The optional {@code name} label.
     *
     * @return the name, or empty when not set
     */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /**
     * The optional {@code requestId} label.
     *
     * @return the request id, or empty when not set
     */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /**
     * A copy of this aggregation whose source has another time series.
     *
     * @param series the new time series
     * @return the new aggregation
     */
    public Aggregation withTimeSeries(TimeSeries series) {
        return new Aggregation(pipeline.withTimeSeries(series), name, requestId);
    }

    /**
     * Whether a stage with this operator appears at the top level.
     *
     * @param operator for example {@code "sort"}
     * @return true if present
     */
    public boolean hasStage(String operator) {
        return pipeline.stages().stream().anyMatch(stage -> stage.operator().equals(operator));
    }

    Map<String, Object> toJsonValue() {
        Map<String, Object> request = new LinkedHashMap<>();
        if (name != null) {
            request.put("name", name);
        }
        if (requestId != null) {
            request.put("requestId", requestId);
        }
        request.put("pipeline", pipeline.toJsonValue());
        return JsonTree.object(
                "response", JsonTree.object("location", "request", "mimeType", "application/json"), "request", request);
    }

    /**
     * The request body as compact JSON.
     *
     * @return the JSON text
     */
    public String toJson() {
        return JsonValues.toJson(toJsonValue());
    }

    /**
     * The request body as indented JSON, for logs and debugging.
     *
     * @return the JSON text
     */
    public String toPrettyJson() {
        return JsonValues.toPrettyJson(toJsonValue());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Aggregation aggregation
                && aggregation.pipeline.equals(pipeline)
                && Objects.equals(aggregation.name, name)
                && Objects.equals(aggregation.requestId, requestId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pipeline, name, requestId);
    }

    @Override
    public String toString() {
        return toJson();
    }

    /** Builds an {@link Aggregation}; not thread-safe, the aggregation it builds is immutable. */
    public static final class Builder extends PipelineBuilder<Builder> {

        private String name;
        private String requestId;

        Builder() {}

        @Override
        Builder self() {
            return this;
        }

        /**
         * Sets the optional {@code name} label.
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets the optional {@code requestId} label.
         *
         * @param requestId the id
         * @return this builder
         */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /**
         * Builds the aggregation.
         *
         * @return the aggregation
         * @throws IllegalStateException if the pipeline is empty, or an event source lacks a complete time series
         */
        public Aggregation build() {
            return new Aggregation(buildPipeline(), name, requestId);
        }
    }
}
