package io.github.pendoclient.aggregation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The operators shared by {@link Aggregation.Builder} and {@link Pipeline.Builder}: a source first, then stages
 * in order. Each method appends one stage; {@link #stage(Stage)} appends anything else.
 *
 * @param <B> the concrete builder type
 */
public abstract sealed class PipelineBuilder<B extends PipelineBuilder<B>>
        permits Aggregation.Builder, Pipeline.Builder {

    Source source;
    TimeSeries timeSeries;
    final List<Stage> stages = new ArrayList<>();

    PipelineBuilder() {}

    abstract B self();

    /**
     * Sets the source, the first step. Event sources need {@link #source(Source, TimeSeries)}.
     *
     * @param source the source
     * @return this builder
     */
    public B source(Source source) {
        return source(source, null);
    }

    /**
     * Sets the source and its time series, the first step.
     *
     * @param source the source
     * @param timeSeries its time series, or null for sources without one
     * @return this builder
     */
    public B source(Source source, TimeSeries timeSeries) {
        Objects.requireNonNull(source, "source");
        if (this.source != null) {
            throw new IllegalStateException("A pipeline has one source; it is already " + this.source);
        }
        if (!stages.isEmpty()) {
            throw new IllegalStateException("The source is the first step; set it before " + stages.get(0));
        }
        this.source = source;
        this.timeSeries = timeSeries;
        return self();
    }

    /**
     * {@code {"filter": "<condition>"}}: keeps the rows for which the condition holds.
     *
     * @param condition the condition
     * @return this builder
     */
    public B filter(Expr condition) {
        return stage(Stage.of(
                "filter", Objects.requireNonNull(condition, "condition").toString()));
    }

    /**
     * {@code {"select": {"<out>": "<path>", ...}}}: keeps only these fields, each under its own name.
     *
     * @param fields one or more field paths
     * @return this builder
     */
    public B select(String... fields) {
        Map<String, Object> selection = new LinkedHashMap<>();
        for (String field : fields) {
            selection.put(field, Expr.field(field).toString());
        }
        return select(selection);
    }

    /**
     * {@code {"select": {"<out>": "<expression>", ...}}}: keeps only the listed outputs.
     *
     * @param outputs output name to a field path ({@link String}) or an {@link Expr}
     * @return this builder
     */
    public B select(Map<String, ?> outputs) {
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("Select at least one field");
        }
        return stage(Stage.of("select", outputs));
    }

    /**
     * {@code {"eval": {"<name>": "<expression>"}}}: adds or overwrites a field.
     *
     * @param name the field to set
     * @param expression its value
     * @return this builder
     */
    public B eval(String name, Expr expression) {
        return eval(Map.of(name, expression));
    }

    /**
     * {@code {"eval": {...}}}: adds or overwrites several fields.
     *
     * @param fields field name to expression, in the order given
     * @return this builder
     */
    public B eval(Map<String, Expr> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("Evaluate at least one field");
        }
        return stage(Stage.of("eval", fields));
    }

    /**
     * {@code {"identified": "<idField>"}}: drops anonymous visitors (or accounts).
     *
     * @param idField {@code visitorId} or {@code accountId}
     * @return this builder
     */
    public B identified(String idField) {
        return stage(Stage.of("identified", Expr.field(idField).toString()));
    }

    /**
     * {@code {"identified": "!<idField>"}}: keeps only anonymous visitors.
     *
     * @param idField {@code visitorId}
     * @return this builder
     */
    public B anonymousOnly(String idField) {
        return stage(Stage.of("identified", "!" + Expr.field(idField)));
    }

    /**
     * {@code {"sort": [...]}}: sorts by the fields, a leading {@code -} meaning descending.
     *
     * @param fields for example {@code "visitorId"}, {@code "-numEvents"}
     * @return this builder
     */
    public B sort(String... fields) {
        if (fields.length == 0) {
            throw new IllegalArgumentException("Sort by at least one field");
        }
        for (String field : fields) {
            Expr.field(field.startsWith("-") ? field.substring(1) : field);
        }
        return stage(Stage.of("sort", Arrays.asList(fields)));
    }

    /**
     * {@code {"limit": n}}.
     *
     * @param limit at least 1
     * @return this builder
     */
    public B limit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return stage(Stage.of("limit", limit));
    }

    /**
     * {@code {"skip": n}}. Offset paging is slow and unstable on changing data; see the paging package for keyset
     * paging.
     *
     * @param skip at least 0
     * @return this builder
     */
    public B skip(int skip) {
        if (skip < 0) {
            throw new IllegalArgumentException("skip must not be negative, was " + skip);
        }
        return stage(Stage.of("skip", skip));
    }

    /**
     * {@code {"count": null}}: replaces the rows with one row {@code {"count": n}}.
     *
     * @return this builder
     */
    public B count() {
        return stage(Stage.of("count", null));
    }

    /**
     * {@code {"group": {...}}}.
     *
     * @param group the keys and output fields
     * @return this builder
     */
    public B group(Group group) {
        return stage(group.toStage());
    }

    /**
     * {@code {"reduce": {...}}}.
     *
     * @param reduce the output fields
     * @return this builder
     */
    public B reduce(Reduce reduce) {
        return stage(reduce.toStage());
    }

    /**
     * {@code {"unwind": {"field": "<field>"}}}: one row per element of a list field.
     *
     * @param field the list field
     * @return this builder
     */
    public B unwind(String field) {
        return stage(
                Stage.of("unwind", JsonTree.object("field", Expr.field(field).toString())));
    }

    /**
     * {@code {"unwind": {"field": ..., "index": ..., "keepEmpty": false}}}: one row per element of a list field; a
     * row whose list is empty is dropped.
     *
     * @param field the list field
     * @param indexField where to put each element's index, or null
     * @return this builder
     */
    public B unwind(String field, String indexField) {
        return unwind(field, indexField, false);
    }

    /**
     * {@code {"unwind": {"field": ..., "index": ..., "keepEmpty": true}}}: one row per element of a list field; a
     * row whose list is empty is kept once.
     *
     * @param field the list field
     * @param indexField where to put each element's index, or null
     * @return this builder
     */
    public B unwindKeepingEmpty(String field, String indexField) {
        return unwind(field, indexField, true);
    }

    private B unwind(String field, String indexField, boolean keepEmpty) {
        Map<String, Object> unwind = new LinkedHashMap<>();
        unwind.put("field", Expr.field(field).toString());
        if (indexField != null) {
            unwind.put("index", Expr.field(indexField).toString());
        }
        unwind.put("keepEmpty", keepEmpty);
        return stage(Stage.of("unwind", unwind));
    }

    /**
     * {@code {"merge": {"fields": [...], "mappings": {...}, "pipeline": [...]}}}: left-joins fields from a
     * sub-pipeline with its own source.
     *
     * @param joinFields the fields matched between the rows and the sub-pipeline's rows
     * @param mappings output field to the sub-pipeline's field path; may be empty
     * @param pipeline the sub-pipeline
     * @return this builder
     */
    public B merge(List<String> joinFields, Map<String, String> mappings, Pipeline pipeline) {
        if (joinFields.isEmpty()) {
            throw new IllegalArgumentException("Merge on at least one field");
        }
        Map<String, Object> merge = new LinkedHashMap<>();
        merge.put("fields", joinFields);
        if (!mappings.isEmpty()) {
            merge.put("mappings", mappings);
        }
        merge.put("pipeline", Objects.requireNonNull(pipeline, "pipeline"));
        return stage(Stage.of("merge", merge));
    }

    /**
     * {@code {"spawn": [[...], [...]]}}: runs independent pipelines, each with its own source.
     *
     * @param pipelines two or more pipelines
     * @return this builder
     */
    public B spawn(Pipeline... pipelines) {
        return stage(Stage.of("spawn", branches("spawn", pipelines)));
    }

    /**
     * {@code {"fork": [[...], [...]]}}: splits the rows into branches.
     *
     * @param pipelines one or more branches (stages only, no source)
     * @return this builder
     */
    public B fork(Pipeline... pipelines) {
        return stage(Stage.of("fork", branches("fork", pipelines)));
    }

    private static List<Pipeline> branches(String operator, Pipeline[] pipelines) {
        if (pipelines.length == 0) {
            throw new IllegalArgumentException(operator + " needs at least one pipeline");
        }
        return List.of(pipelines);
    }

    /**
     * {@code {"join": {"fields": [...], "width": n}}}: joins the rows of a preceding {@code spawn}.
     *
     * @param fields the fields to join on
     * @param width how many spawned pipelines to join
     * @return this builder
     */
    public B join(List<String> fields, int width) {
        if (fields.isEmpty() || width < 1) {
            throw new IllegalArgumentException("join needs at least one field and a width of at least 1");
        }
        return stage(Stage.of("join", JsonTree.object("fields", fields, "width", width)));
    }

    /**
     * {@code {"cat": null}}: concatenates the rows of a preceding {@code spawn} or {@code fork}.
     *
     * @return this builder
     */
    public B cat() {
        return stage(Stage.of("cat", null));
    }

    /**
     * {@code {"switch": {...}}}.
     *
     * @param cases the output field, input field and cases
     * @return this builder
     */
    public B switchOn(Switch cases) {
        return stage(cases.toStage());
    }

    /**
     * {@code {"segment": {"id": "<segmentId>"}}}: keeps the rows of a segment's visitors.
     *
     * @param segmentId the segment id
     * @return this builder
     */
    public B segment(String segmentId) {
        return stage(Stage.of("segment", JsonTree.object("id", Objects.requireNonNull(segmentId, "segmentId"))));
    }

    /**
     * {@code {"bulkExpand": {"<outField>": {"account": "<idField>"}}}}: attaches each row's full account.
     *
     * @param outField where to put the account
     * @param accountIdField the field holding the account id, usually {@code accountId}
     * @return this builder
     */
    public B bulkExpandAccount(String outField, String accountIdField) {
        return bulkExpand(outField, "account", accountIdField);
    }

    /**
     * {@code {"bulkExpand": {"<outField>": {"visitor": "<idField>"}}}}: attaches each row's full visitor.
     *
     * @param outField where to put the visitor
     * @param visitorIdField the field holding the visitor id, usually {@code visitorId}
     * @return this builder
     */
    public B bulkExpandVisitor(String outField, String visitorIdField) {
        return bulkExpand(outField, "visitor", visitorIdField);
    }

    private B bulkExpand(String outField, String kind, String idField) {
        return stage(Stage.of(
                "bulkExpand",
                JsonTree.object(
                        Objects.requireNonNull(outField, "outField"),
                        JsonTree.object(kind, Expr.field(idField).toString()))));
    }

    /**
     * {@code {"treeify": {"keySort": false, "threshold": ...}}}: keys keep their order.
     *
     * @param threshold the share below which branches are folded, for example 0.01
     * @return this builder
     */
    public B treeify(double threshold) {
        return treeify(false, threshold);
    }

    /**
     * {@code {"treeify": {"keySort": true, "threshold": ...}}}: keys are sorted.
     *
     * @param threshold the share below which branches are folded, for example 0.01
     * @return this builder
     */
    public B treeifySortedByKey(double threshold) {
        return treeify(true, threshold);
    }

    private B treeify(boolean keySort, double threshold) {
        return stage(Stage.of("treeify", JsonTree.object("keySort", keySort, "threshold", threshold)));
    }

    /**
     * Appends any stage, for operators this builder does not name.
     *
     * @param stage the stage
     * @return this builder
     */
    public B stage(Stage stage) {
        stages.add(Objects.requireNonNull(stage, "stage"));
        return self();
    }

    /**
     * Appends stages in order.
     *
     * @param more the stages
     * @return this builder
     */
    public B stages(List<Stage> more) {
        more.forEach(this::stage);
        return self();
    }

    void copyFrom(Pipeline pipeline) {
        source = pipeline.source().orElse(null);
        timeSeries = pipeline.timeSeries().orElse(null);
        stages.addAll(pipeline.stages());
    }

    Pipeline buildPipeline() {
        if (source == null && stages.isEmpty()) {
            throw new IllegalStateException("A pipeline needs a source or at least one stage");
        }
        if (source != null && source.requiresTimeSeries() && timeSeries == null) {
            throw new IllegalStateException("Source " + source.name() + " needs a timeSeries, for example"
                    + " source(Source." + source.name() + "(), TimeSeries.days().first(...).count(1)); Pendo answers"
                    + " 'no period specified for time series source' without one");
        }
        if (timeSeries != null && !timeSeries.isComplete()) {
            throw new IllegalStateException(
                    "The time series needs first(...) and either count(...) or last(...): " + timeSeries);
        }
        return new Pipeline(source, timeSeries, List.copyOf(stages));
    }
}
