package io.github.pendoclient.testing.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * Evaluates aggregation pipelines over rows that a {@link Sources} supplies: the subset of Pendo's language the
 * fake implements ({@code filter}, {@code select}, {@code eval}, {@code identified}, {@code sort}, {@code limit},
 * {@code skip}, {@code count}, {@code group}, {@code reduce}, {@code unwind}). Anything else is refused with 422 and
 * its name, so a test fails loudly instead of passing on wrong data. Streaming operators stay lazy.
 */
public final class AggregationEngine {

    /** The prefix of anonymous visitor ids. */
    public static final String ANONYMOUS_PREFIX = "_PENDO_T_";

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
    }

    private final Sources sources;
    private final LongSupplier clock;

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
        Object request = body instanceof Map<?, ?> map ? map.get("request") : null;
        Object pipeline = request instanceof Map<?, ?> map ? map.get("pipeline") : null;
        if (!(pipeline instanceof List<?> steps)) {
            throw new AggregationException(422, "{\"overall\":{},\"fields\":{\"pipeline\":\"Required\"}}");
        }
        return runPipeline(steps);
    }

    private Stream<Map<String, Object>> runPipeline(List<?> steps) {
        if (steps.isEmpty() || !(steps.get(0) instanceof Map<?, ?> first) || !first.containsKey("source")) {
            throw new AggregationException(422, "The fake needs a pipeline that starts with a source step");
        }
        Stream<Map<String, Object>> rows = source(asMap(first.get("source"), "source"));
        for (Object step : steps.subList(1, steps.size())) {
            Map<String, Object> stage = asMap(step, "pipeline step");
            if (stage.size() != 1) {
                throw new AggregationException(400, "A pipeline step has exactly one operator: " + stage.keySet());
            }
            Map.Entry<String, Object> entry = stage.entrySet().iterator().next();
            rows = apply(rows, entry.getKey(), entry.getValue());
        }
        return rows;
    }

    private Stream<Map<String, Object>> source(Map<String, Object> spec) {
        String name = null;
        Map<String, Object> params = null;
        TimeRange range = null;
        for (Map.Entry<String, Object> entry : spec.entrySet()) {
            if (entry.getKey().equals("timeSeries")) {
                range = timeRange(asMap(entry.getValue(), "timeSeries"));
            } else if (name != null) {
                throw new AggregationException(400, "A source step names one source, found " + name + " and "
                        + entry.getKey());
            } else {
                name = entry.getKey();
                params = entry.getValue() == null ? null : asMap(entry.getValue(), name);
            }
        }
        if (name == null) {
            throw new AggregationException(400, "The source step names no source");
        }
        return sources.rows(name, params, range);
    }

    TimeRange timeRange(Map<String, Object> series) {
        Object period = series.get("period");
        boolean hourly;
        if ("dayRange".equals(period)) {
            hourly = false;
        } else if ("hourRange".equals(period)) {
            hourly = true;
        } else {
            throw new AggregationException(422, "The fake supports timeSeries periods dayRange and hourRange, not "
                    + period);
        }
        long unit = hourly ? HOUR : DAY;
        long first = floor(time(series.get("first"), "first"), unit);
        if (series.get("count") instanceof Number count && count.longValue() != 0) {
            long n = count.longValue();
            return n > 0 ? new TimeRange(hourly, first, first + n * unit) : new TimeRange(hourly, first + n * unit,
                    first);
        }
        if (series.containsKey("last")) {
            long last = floor(time(series.get("last"), "last"), unit) + unit;
            return new TimeRange(hourly, Math.min(first, last), Math.max(first, last));
        }
        throw new AggregationException(400, "A timeSeries needs a non-zero count or a last");
    }

    private static long floor(long time, long unit) {
        return Math.floorDiv(time, unit) * unit;
    }

    private long time(Object value, String what) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text) {
            if (text.matches("-?\\d+")) {
                return Long.parseLong(text);
            }
            Object evaluated = expression(text).evaluate(Map.of(), clock);
            if (evaluated instanceof Number number) {
                return number.longValue();
            }
        }
        throw new AggregationException(400, "timeSeries." + what + " is not a time: " + value);
    }

    private Stream<Map<String, Object>> apply(Stream<Map<String, Object>> rows, String operator, Object value) {
        switch (operator) {
            case "filter": {
                Expression condition = expression(asString(value, "filter"));
                return rows.filter(row -> condition.test(row, clock));
            }
            case "identified": {
                String field = asString(value, "identified");
                boolean anonymousOnly = field.startsWith("!");
                String path = anonymousOnly ? field.substring(1) : field;
                return rows.filter(row -> isAnonymous(Expression.valueAt(row, path)) == anonymousOnly);
            }
            case "select":
                return rows.map(project(asMap(value, "select"), false));
            case "eval":
                return rows.map(project(asMap(value, "eval"), true));
            case "sort":
                return rows.sorted(comparator(value));
            case "limit":
                return rows.limit(asCount(value, "limit"));
            case "skip":
                return rows.skip(asCount(value, "skip"));
            case "count": {
                long count = rows.count();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("count", count);
                return Stream.of(row);
            }
            case "group":
                return group(rows, asMap(value, "group"));
            case "reduce":
                return reduce(rows, value);
            case "unwind":
                return unwind(rows, asMap(value, "unwind"));
            default:
                throw new AggregationException(422, "The fake does not implement the aggregation operator '"
                        + operator + "'. It supports filter, select, eval, identified, sort, limit, skip, count,"
                        + " group, reduce and unwind.");
        }
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

    private java.util.function.Function<Map<String, Object>, Map<String, Object>> project(Map<String, Object> spec,
                                                                                          boolean keep) {
        Map<String, Expression> outputs = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : spec.entrySet()) {
            outputs.put(entry.getKey(), expression(asString(entry.getValue(), entry.getKey())));
        }
        return row -> {
            Map<String, Object> out = keep ? new LinkedHashMap<>(row) : new LinkedHashMap<>();
            outputs.forEach((name, expression) -> out.put(name, expression.evaluate(row, clock)));
            return out;
        };
    }

    private static Comparator<Map<String, Object>> comparator(Object value) {
        if (!(value instanceof List<?> fields) || fields.isEmpty()) {
            throw new AggregationException(400, "sort takes a list of fields, not " + value);
        }
        Comparator<Map<String, Object>> order = null;
        for (Object field : fields) {
            String name = asString(field, "sort");
            boolean descending = name.startsWith("-");
            String path = descending ? name.substring(1) : name;
            Comparator<Map<String, Object>> one = (a, b) ->
                    Expression.compare(Expression.valueAt(a, path), Expression.valueAt(b, path));
            if (descending) {
                one = one.reversed();
            }
            order = order == null ? one : order.thenComparing(one);
        }
        return order;
    }

    private Stream<Map<String, Object>> group(Stream<Map<String, Object>> rows, Map<String, Object> spec) {
        Object keys = spec.get("group");
        List<String> keyFields = new ArrayList<>();
        if (keys instanceof List<?> list) {
            list.forEach(key -> keyFields.add(asString(key, "group")));
        } else if (keys != null) {
            keyFields.add(asString(keys, "group"));
        }
        List<Aggregator> aggregators = aggregators(spec.get("fields"));
        Map<List<Object>, Accumulators> groups = new LinkedHashMap<>();
        rows.forEach(row -> {
            List<Object> key = new ArrayList<>(keyFields.size());
            for (String field : keyFields) {
                key.add(Expression.valueAt(row, field));
            }
            groups.computeIfAbsent(key, k -> new Accumulators(aggregators)).add(row);
        });
        return groups.entrySet().stream().map(entry -> {
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < keyFields.size(); i++) {
                out.put(keyFields.get(i), entry.getKey().get(i));
            }
            entry.getValue().writeTo(out);
            return out;
        });
    }

    private Stream<Map<String, Object>> reduce(Stream<Map<String, Object>> rows, Object spec) {
        Accumulators accumulators = new Accumulators(aggregators(spec));
        rows.forEach(accumulators::add);
        Map<String, Object> out = new LinkedHashMap<>();
        accumulators.writeTo(out);
        return Stream.of(out);
    }

    private static Stream<Map<String, Object>> unwind(Stream<Map<String, Object>> rows, Map<String, Object> spec) {
        String field = asString(spec.get("field"), "unwind.field");
        Object index = spec.get("index");
        boolean keepEmpty = Boolean.TRUE.equals(spec.get("keepEmpty"));
        return rows.flatMap(row -> {
            Object value = row.get(field);
            if (!(value instanceof List<?> list) || list.isEmpty()) {
                return keepEmpty ? Stream.of(row) : Stream.empty();
            }
            List<Map<String, Object>> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                Map<String, Object> copy = new LinkedHashMap<>(row);
                copy.put(field, list.get(i));
                if (index instanceof String indexField) {
                    copy.put(indexField, (long) i);
                }
                out.add(copy);
            }
            return out.stream();
        });
    }

    private record Aggregator(String name, String function, String field) {
    }

    private static List<Aggregator> aggregators(Object spec) {
        List<Map<String, Object>> parts = new ArrayList<>();
        if (spec instanceof List<?> list) {
            list.forEach(element -> parts.add(asMap(element, "fields")));
        } else if (spec instanceof Map<?, ?>) {
            parts.add(asMap(spec, "fields"));
        } else if (spec != null) {
            throw new AggregationException(400, "Aggregated fields are an object or a list of objects, not " + spec);
        }
        List<Aggregator> aggregators = new ArrayList<>();
        for (Map<String, Object> part : parts) {
            for (Map.Entry<String, Object> entry : part.entrySet()) {
                Map<String, Object> definition = asMap(entry.getValue(), entry.getKey());
                if (definition.size() != 1) {
                    throw new AggregationException(400, "Field " + entry.getKey() + " needs one aggregator");
                }
                Map.Entry<String, Object> function = definition.entrySet().iterator().next();
                if (!Set.of("count", "sum", "min", "max", "avg").contains(function.getKey())) {
                    throw new AggregationException(422, "The fake does not implement the aggregator '"
                            + function.getKey() + "'. It supports count, sum, min, max and avg.");
                }
                String field = function.getValue() == null ? null : asString(function.getValue(), entry.getKey());
                aggregators.add(new Aggregator(entry.getKey(), function.getKey(), field));
            }
        }
        return aggregators;
    }

    /** Running values of each aggregator for one group. */
    private static final class Accumulators {
        private final List<Aggregator> aggregators;
        private final long[] counts;
        private final double[] sums;
        private final boolean[] integral;
        private final Object[] extremes;
        private final List<Set<Object>> distinct = new ArrayList<>();

        Accumulators(List<Aggregator> aggregators) {
            this.aggregators = aggregators;
            counts = new long[aggregators.size()];
            sums = new double[aggregators.size()];
            integral = new boolean[aggregators.size()];
            extremes = new Object[aggregators.size()];
            for (int i = 0; i < aggregators.size(); i++) {
                integral[i] = true;
                distinct.add(new HashSet<>());
            }
        }

        void add(Map<String, Object> row) {
            for (int i = 0; i < aggregators.size(); i++) {
                Aggregator aggregator = aggregators.get(i);
                Object value = aggregator.field() == null ? null : Expression.valueAt(row, aggregator.field());
                switch (aggregator.function()) {
                    case "count" -> {
                        if (aggregator.field() == null) {
                            counts[i]++;
                        } else if (value != null) {
                            distinct.get(i).add(value);
                        }
                    }
                    case "sum", "avg" -> {
                        if (value instanceof Number number) {
                            sums[i] += number.doubleValue();
                            counts[i]++;
                            integral[i] &= number instanceof Long || number instanceof Integer;
                        }
                    }
                    default -> {
                        if (value != null) {
                            int order = extremes[i] == null ? 0 : Expression.compare(value, extremes[i]);
                            boolean better = aggregator.function().equals("min") ? order < 0 : order > 0;
                            if (extremes[i] == null || better) {
                                extremes[i] = value;
                            }
                        }
                    }
                }
            }
        }

        void writeTo(Map<String, Object> out) {
            for (int i = 0; i < aggregators.size(); i++) {
                Aggregator aggregator = aggregators.get(i);
                Object value = switch (aggregator.function()) {
                    case "count" -> aggregator.field() == null ? (Object) counts[i] : (Object) (long) distinct.get(i)
                            .size();
                    case "sum" -> integral[i] ? (Object) (long) sums[i] : (Object) sums[i];
                    case "avg" -> counts[i] == 0 ? null : (Object) (sums[i] / counts[i]);
                    default -> extremes[i];
                };
                out.put(aggregator.name(), value);
            }
        }
    }

    private static Expression expression(String text) {
        try {
            return Expression.parse(text);
        } catch (ExpressionException e) {
            throw new AggregationException(e.unsupported() ? 422 : 400, e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            throw new AggregationException(400, what + " must be a JSON object, not " + value);
        }
        return (Map<String, Object>) value;
    }

    private static String asString(Object value, String what) {
        if (!(value instanceof String text)) {
            throw new AggregationException(400, what + " must be a string, not " + value);
        }
        return text;
    }

    private static long asCount(Object value, String what) {
        if (!(value instanceof Number number) || number.longValue() < 0) {
            throw new AggregationException(400, what + " must be a non-negative number, not " + value);
        }
        return number.longValue();
    }
}
