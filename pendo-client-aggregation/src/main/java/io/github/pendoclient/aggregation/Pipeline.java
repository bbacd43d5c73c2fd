package io.github.pendoclient.aggregation;

import io.github.pendoclient.internal.json.JsonValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable list of steps: an optional source (with its time series) followed by stages. A whole request is an
 * {@link Aggregation}; a bare pipeline is what {@code merge}, {@code spawn} and {@code fork} take.
 */
public final class Pipeline {

    private final Source source;
    private final TimeSeries timeSeries;
    private final List<Stage> stages;

    Pipeline(Source source, TimeSeries timeSeries, List<Stage> stages) {
        this.source = source;
        this.timeSeries = timeSeries;
        this.stages = stages;
    }

    /**
     * A builder for a sub-pipeline.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this pipeline's source and stages, to append more stages to a copy.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.copyFrom(this);
        return builder;
    }

    /**
     * The source.
     *
     * @return the source, or empty when the pipeline starts with a stage (for example {@code spawn})
     */
    public Optional<Source> source() {
        return Optional.ofNullable(source);
    }

    /**
     * The source's time series.
     *
     * @return the time series, or empty when the source has none
     */
    public Optional<TimeSeries> timeSeries() {
        return Optional.ofNullable(timeSeries);
    }

    /**
     * The stages after the source.
     *
     * @return an unmodifiable list
     */
    public List<Stage> stages() {
        return stages;
    }

    /**
     * A copy of this pipeline with another time series on its source, for running one query over many windows.
     *
     * @param series the new time series
     * @return the new pipeline
     * @throws IllegalStateException if the pipeline has no source
     */
    public Pipeline withTimeSeries(TimeSeries series) {
        if (source == null) {
            throw new IllegalStateException("This pipeline has no source to put a time series on");
        }
        if (!Objects.requireNonNull(series, "series").isComplete()) {
            throw new IllegalArgumentException("The time series needs first(...) and count(...) or last(...)");
        }
        return new Pipeline(source, series, stages);
    }

    List<Object> toJsonValue() {
        List<Object> steps = new ArrayList<>(stages.size() + 1);
        if (source != null) {
            Map<String, Object> sourceStep = new LinkedHashMap<>();
            sourceStep.put(source.name(), source.paramsJsonValue());
            if (timeSeries != null) {
                sourceStep.put("timeSeries", timeSeries.toJsonValue());
            }
            steps.add(JsonTree.object("source", sourceStep));
        }
        for (Stage stage : stages) {
            steps.add(stage.toJsonValue());
        }
        return Collections.unmodifiableList(steps);
    }

    /**
     * The pipeline as a compact JSON array.
     *
     * @return the JSON text
     */
    public String toJson() {
        return JsonValues.toJson(toJsonValue());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Pipeline pipeline
                && Objects.equals(pipeline.source, source)
                && Objects.equals(pipeline.timeSeries, timeSeries)
                && pipeline.stages.equals(stages);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, timeSeries, stages);
    }

    @Override
    public String toString() {
        return toJson();
    }

    /** Builds a {@link Pipeline}; not thread-safe, the pipeline it builds is immutable. */
    public static final class Builder extends PipelineBuilder<Builder> {

        Builder() {}

        @Override
        Builder self() {
            return this;
        }

        /**
         * Builds the pipeline.
         *
         * @return the pipeline
         * @throws IllegalStateException if it is empty, or an event source lacks a complete time series
         */
        public Pipeline build() {
            return buildPipeline();
        }
    }
}
