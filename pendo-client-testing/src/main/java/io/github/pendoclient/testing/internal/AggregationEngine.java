package io.github.pendoclient.testing.internal;

import static io.github.pendoclient.testing.internal.aggregation.Arguments.abbreviate;
import static io.github.pendoclient.testing.internal.aggregation.Arguments.asMap;
import static io.github.pendoclient.testing.internal.aggregation.Arguments.expression;

import io.github.pendoclient.testing.internal.aggregation.Operators;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Runs aggregation pipelines over rows that a {@link Sources} supplies, one operator after another (each operator
 * is a class of its own in {@code internal.aggregation}, found by {@link Operators#named}): the subset of Pendo's
 * language the fake implements ({@code filter}, {@code select}, {@code eval}, {@code identified}, {@code sort}, {@code limit},
 * {@code skip}, {@code count}, {@code group}, {@code reduce}, {@code unwind}). Anything else is refused with 422 and
 * its name, so a test fails loudly instead of passing on wrong data. Streaming operators stay lazy.
 *
 * <p>Every refusal names the part of the request at fault ({@code pipeline[2].filter}). A pipeline has at most
 * {@value #MAX_STAGES} stages; a {@code sort} at most {@value #MAX_SORT_FIELDS} fields, a {@code group} at most
 * {@value #MAX_GROUP_FIELDS} group fields, a {@code group} or {@code reduce} at most {@value #MAX_AGGREGATED_FIELDS}
 * aggregated fields, and a {@code select} or {@code eval} at most {@value #MAX_COMPUTED_FIELDS} fields, checked
 * before any row is read (400 naming the limit). A keyset page (cursor filter, ascending sort, limit right after the source) is answered
 * from a source's sorted index when it has one (see {@link Sources#sorted}), so its cost is that of the page, not of
 * the source; {@link #rowsExamined()} counts the rows the engine pulled from sources, to prove it.
 */
public final class AggregationEngine {

    /** The prefix of anonymous visitor ids. */
    public static final String ANONYMOUS_PREFIX = "_PENDO_T_";

    /** The most stages a pipeline may have. */
    public static final int MAX_STAGES = 200;
    /** The most periods a {@code timeSeries} may span. */
    public static final long MAX_PERIODS = 100_000;
    /** The most fields a {@code sort} may list. */
    public static final int MAX_SORT_FIELDS = 100;
    /** The most fields a {@code group} may group on. */
    public static final int MAX_GROUP_FIELDS = 100;
    /** The most aggregated fields a {@code group} or {@code reduce} may compute. */
    public static final int MAX_AGGREGATED_FIELDS = 1_000;
    /** The most fields a {@code select} or {@code eval} may compute. */
    public static final int MAX_COMPUTED_FIELDS = 1_000;

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    /** Supplies a source's rows. */
    @FunctionalInterface
    public interface Sources {
        /**
         * The rows of a source.
         *
         * @param name the source name
         * @param params its parameters, or null
         * @param range the time series' periods, or null when none was given
         * @return the rows, fresh mutable maps or maps the engine may copy
         * @throws AggregationException if the source is unknown or needs a time series
         */
        Stream<Map<String, Object>> rows(String name, Map<String, Object> params, TimeRange range);

        /**
         * The rows of a source in ascending order of some fields, starting at a cursor, if the source keeps such an
         * index: what a keyset page needs, in time proportional to the rows read rather than to the source.
         *
         * @param name the source name
         * @param params its parameters, or null
         * @param range the time series' periods, or null
         * @param fields the sort fields, all ascending
         * @param bound where to start, or null for the first row
         * @return the rows in the order a stable sort on the fields gives, or null when the source has no index
         */
        default Stream<Map<String, Object>> sorted(
                String name,
                Map<String, Object> params,
                TimeRange range,
                List<String> fields,
                Expression.KeysetBound bound) {
            return null;
        }
    }

    private final Sources sources;
    private final LongSupplier clock;
    private final java.util.concurrent.atomic.LongAdder examined = new java.util.concurrent.atomic.LongAdder();

    /**
     * Creates an engine.
     *
     * @param sources the rows of each source
     * @param clock epoch milliseconds of "now", for {@code now()}
     */
    public AggregationEngine(Sources sources, LongSupplier clock) {
        this.sources = sources;
        this.clock = clock;
    }

    /**
     * Runs the pipeline of a request body.
     *
     * @param body the parsed request body, {@code {"response": ..., "request": {"pipeline": [...]}}}
     * @return the result rows, lazily where the operators allow
     * @throws AggregationException if the request is malformed (400) or unsupported (422)
     */
    public Stream<Map<String, Object>> run(Object body) {
        if (!(body instanceof Map<?, ?>)) {
            throw new AggregationException(
                    400, "The body must be a JSON object {\"response\": ..., \"request\":" + " {\"pipeline\": [...]}}");
        }
        Object request = ((Map<?, ?>) body).get("request");
        if (request != null && !(request instanceof Map<?, ?>)) {
            throw new AggregationException(400, "request", "request must be a JSON object, not " + abbreviate(request));
        }
        Object pipeline = request == null ? null : ((Map<?, ?>) request).get("pipeline");
        if (pipeline == null) {
            throw new AggregationException(422, "pipeline", "Required");
        }
        if (!(pipeline instanceof List<?> steps)) {
            throw new AggregationException(
                    400, "pipeline", "pipeline must be a JSON array of stages, not " + abbreviate(pipeline));
        }
        if (steps.size() > MAX_STAGES) {
            throw new AggregationException(
                    400,
                    "pipeline",
                    "The pipeline has " + steps.size() + " stages; the fake" + " runs at most " + MAX_STAGES);
        }
        return runPipeline(steps);
    }

    /**
     * How many rows the engine has pulled from sources since it was made: the work aggregations cost, independent of
     * timing.
     *
     * @return the count
     */
    public long rowsExamined() {
        return examined.sum();
    }

    private Stream<Map<String, Object>> runPipeline(List<?> steps) {
        if (steps.isEmpty() || !(steps.get(0) instanceof Map<?, ?> first) || !first.containsKey("source")) {
            throw new AggregationException(
                    422, "pipeline[0]", "The fake needs a pipeline that starts with a source" + " step");
        }
        List<Map.Entry<String, Object>> stages = new ArrayList<>();
        for (int i = 1; i < steps.size(); i++) {
            Map<String, Object> stage = asMap(steps.get(i), "pipeline[" + i + "]", "A pipeline stage");
            if (stage.size() != 1) {
                throw new AggregationException(
                        400,
                        "pipeline[" + i + "]",
                        "A pipeline stage has exactly one" + " operator, not " + stage.keySet());
            }
            stages.add(stage.entrySet().iterator().next());
            checkSizes(
                    stages.get(i - 1),
                    "pipeline[" + i + "]." + stages.get(i - 1).getKey());
        }
        Map<String, Object> sourceSpec = asMap(first.get("source"), "pipeline[0].source", "source");
        Set<Integer> answeredByIndex = new HashSet<>();
        Stream<Map<String, Object>> rows = null;
        try {
            rows = keysetPage(sourceSpec, stages, answeredByIndex);
            if (rows == null) {
                rows = source(sourceSpec);
            }
        } catch (AggregationException e) {
            throw e.at("pipeline[0].source");
        }
        rows = rows.peek(row -> examined.increment());
        for (int i = 0; i < stages.size(); i++) {
            if (answeredByIndex.contains(i)) {
                continue;
            }
            String at = "pipeline[" + (i + 1) + "]." + stages.get(i).getKey();
            try {
                rows = apply(rows, stages.get(i).getKey(), stages.get(i).getValue(), at);
            } catch (AggregationException e) {
                throw e.at(at);
            }
        }
        return rows;
    }

    /** Refuses a stage whose lists are over the limits, before any work is done. */
    private static void checkSizes(Map.Entry<String, Object> stage, String at) {
        Object value = stage.getValue();
        switch (stage.getKey()) {
            case "sort" -> {
                if (value instanceof List<?> fields && fields.size() > MAX_SORT_FIELDS) {
                    throw tooMany(at, "The sort lists " + fields.size() + " fields", MAX_SORT_FIELDS + " sort fields");
                }
            }
            case "group" -> {
                if (value instanceof Map<?, ?> spec) {
                    if (spec.get("group") instanceof List<?> keys && keys.size() > MAX_GROUP_FIELDS) {
                        throw tooMany(
                                at,
                                "The group lists " + keys.size() + " fields to group on",
                                MAX_GROUP_FIELDS + " group fields");
                    }
                    checkAggregated(spec.get("fields"), at, "group");
                }
            }
            case "reduce" -> checkAggregated(value, at, "reduce");
            case "select", "eval" -> {
                if (value instanceof Map<?, ?> fields && fields.size() > MAX_COMPUTED_FIELDS) {
                    throw tooMany(
                            at,
                            "The " + stage.getKey() + " has " + fields.size() + " fields",
                            MAX_COMPUTED_FIELDS + " fields per select or eval");
                }
            }
            default -> {
                // no lists to bound
            }
        }
    }

    private static void checkAggregated(Object fields, String at, String operator) {
        long count = 0;
        if (fields instanceof Map<?, ?> map) {
            count = map.size();
        } else if (fields instanceof List<?> list) {
            for (Object part : list) {
                count += part instanceof Map<?, ?> map ? map.size() : 1;
            }
        }
        if (count > MAX_AGGREGATED_FIELDS) {
            throw tooMany(
                    at,
                    "The " + operator + " has " + count + " aggregated fields",
                    MAX_AGGREGATED_FIELDS + " aggregated fields");
        }
    }

    private static AggregationException tooMany(String at, String found, String limit) {
        return new AggregationException(
                400,
                at,
                found + "; the fake runs at most " + limit + ", far more than"
                        + " Pendo pipelines use. Split the work into several requests.");
    }

    /**
     * A keyset page answered from a sorted index: the stages up to an ascending sort are filters (one of them may be
     * the cursor condition on the sort fields). The sort and the cursor filter are then answered by the index and
     * marked in {@code answered}; the other filters still run, in order.
     */
    private Stream<Map<String, Object>> keysetPage(
            Map<String, Object> sourceSpec, List<Map.Entry<String, Object>> stages, Set<Integer> answered) {
        int sort = -1;
        for (int i = 0; i < stages.size() && sort < 0; i++) {
            String operator = stages.get(i).getKey();
            if (operator.equals("sort")) {
                sort = i;
            } else if (!operator.equals("filter") && !operator.equals("identified")) {
                return null;
            }
        }
        if (sort < 0 || !(stages.get(sort).getValue() instanceof List<?> list) || list.isEmpty()) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        for (Object field : list) {
            if (!(field instanceof String name) || name.startsWith("-") || name.isEmpty()) {
                return null;
            }
            fields.add(name);
        }
        Expression.KeysetBound bound = null;
        int cursorStage = -1;
        for (int i = 0; i < sort && bound == null; i++) {
            if (stages.get(i).getKey().equals("filter") && stages.get(i).getValue() instanceof String text) {
                try {
                    bound = Expression.parse(text).keysetBound(fields);
                } catch (ExpressionException invalid) {
                    return null;
                }
                cursorStage = i;
            }
        }
        Source source = sourceOf(sourceSpec);
        Stream<Map<String, Object>> rows =
                sources.sorted(source.name(), source.params(), source.range(), fields, bound);
        if (rows == null) {
            return null;
        }
        answered.add(sort);
        if (bound != null) {
            answered.add(cursorStage);
        }
        return rows;
    }

    private record Source(String name, Map<String, Object> params, TimeRange range) {}

    private Stream<Map<String, Object>> source(Map<String, Object> spec) {
        Source source = sourceOf(spec);
        return sources.rows(source.name(), source.params(), source.range());
    }

    private Source sourceOf(Map<String, Object> spec) {
        String name = null;
        Map<String, Object> params = null;
        TimeRange range = null;
        for (Map.Entry<String, Object> entry : spec.entrySet()) {
            if (entry.getKey().equals("timeSeries")) {
                range = timeRange(asMap(entry.getValue(), "pipeline[0].source.timeSeries", "timeSeries"));
            } else if (name != null) {
                throw new AggregationException(
                        400, "A source step names one source, found " + name + " and " + entry.getKey());
            } else {
                name = entry.getKey();
                params = entry.getValue() == null ? null : asMap(entry.getValue(), "pipeline[0].source." + name, name);
            }
        }
        if (name == null) {
            throw new AggregationException(400, "The source step names no source");
        }
        return new Source(name, params, range);
    }

    TimeRange timeRange(Map<String, Object> series) {
        Object period = series.get("period");
        boolean hourly;
        if ("dayRange".equals(period)) {
            hourly = false;
        } else if ("hourRange".equals(period)) {
            hourly = true;
        } else {
            throw new AggregationException(
                    422,
                    "pipeline[0].source.timeSeries.period",
                    "The fake supports timeSeries" + " periods dayRange and hourRange, not " + abbreviate(period));
        }
        long unit = hourly ? HOUR : DAY;
        long first = floor(time(series.get("first"), "first"), unit);
        Object countValue = series.get("count");
        if (countValue != null && !(countValue instanceof Long)) {
            throw new AggregationException(
                    400,
                    "pipeline[0].source.timeSeries.count",
                    "timeSeries.count must be a" + " whole number of periods, not " + abbreviate(countValue));
        }
        if (countValue instanceof Long count && Math.abs(count) > MAX_PERIODS) {
            throw new AggregationException(
                    400,
                    "pipeline[0].source.timeSeries.count",
                    "timeSeries.count is " + count + "; the fake spans at most " + MAX_PERIODS + " periods");
        }
        if (countValue instanceof Long count && count != 0) {
            long n = count;
            return n > 0
                    ? new TimeRange(hourly, first, first + n * unit)
                    : new TimeRange(hourly, first + n * unit, first);
        }
        if (series.containsKey("last")) {
            long last = floor(time(series.get("last"), "last"), unit) + unit;
            if (Math.abs(last - first) / unit > MAX_PERIODS) {
                throw new AggregationException(
                        400,
                        "pipeline[0].source.timeSeries.last",
                        "The timeSeries spans more" + " than " + MAX_PERIODS + " periods");
            }
            return new TimeRange(hourly, Math.min(first, last), Math.max(first, last));
        }
        throw new AggregationException(
                400, "pipeline[0].source.timeSeries", "A timeSeries needs a non-zero count" + " or a last");
    }

    private static long floor(long time, long unit) {
        return Math.floorDiv(time, unit) * unit;
    }

    private long time(Object value, String what) {
        if (value instanceof Long number) {
            return number;
        }
        if (value instanceof String text) {
            if (text.matches("-?\\d{1,18}")) {
                return Long.parseLong(text);
            }
            Object evaluated;
            try {
                evaluated = expression(text).evaluate(Map.of(), clock);
            } catch (ExpressionException e) {
                throw new AggregationException(400, "pipeline[0].source.timeSeries." + what, e.getMessage());
            }
            if (evaluated instanceof Number number) {
                return number.longValue();
            }
        }
        throw new AggregationException(
                400,
                "pipeline[0].source.timeSeries." + what,
                "timeSeries." + what + " is not a time in epoch milliseconds: " + abbreviate(value));
    }

    private Stream<Map<String, Object>> apply(
            Stream<Map<String, Object>> rows, String operator, Object value, String at) {
        return Operators.named(operator).apply(rows, value, at, clock);
    }

    /**
     * Whether a visitor or account id is anonymous: missing, empty, or starting with {@value #ANONYMOUS_PREFIX}.
     *
     * @param id the id value
     * @return true if anonymous
     */
    public static boolean isAnonymous(Object id) {
        return !(id instanceof String text) || text.isEmpty() || text.startsWith(ANONYMOUS_PREFIX);
    }
}
