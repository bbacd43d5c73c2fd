package io.github.pendoclient.aggregation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The output fields of {@link Group} and {@link Reduce}: each names an aggregator ({@code count}, {@code sum},
 * {@code avg}, {@code min}, {@code max}, {@code first}, {@code list}, {@code countIf}, {@code median}, or any other
 * by {@link #aggregate(String, String, Object)}) and what it reads. Immutable; each method returns a new instance.
 *
 * @param <S> the concrete type, so chains keep their type
 */
public abstract sealed class Aggregators<S extends Aggregators<S>> permits Group, Reduce {

    private final List<Map.Entry<String, Map<String, Object>>> fields;

    Aggregators(List<Map.Entry<String, Map<String, Object>>> fields) {
        this.fields = fields;
    }

    abstract S with(List<Map.Entry<String, Map<String, Object>>> fields);

    /**
     * {@code {"<name>": {"count": null}}}: the number of rows.
     *
     * @param name the output field
     * @return a new instance with the field added
     */
    public S count(String name) {
        return aggregate(name, "count", null);
    }

    /**
     * {@code {"<name>": {"count": "<field>"}}}: the number of distinct non-null values of a field.
     *
     * @param name the output field
     * @param field the field counted
     * @return a new instance with the field added
     */
    public S countDistinct(String name, String field) {
        return aggregate(name, "count", Objects.requireNonNull(field, "field"));
    }

    /**
     * {@code {"<name>": {"sum": "<field>"}}}.
     *
     * @param name the output field
     * @param field the field summed
     * @return a new instance with the field added
     */
    public S sum(String name, String field) {
        return aggregate(name, "sum", field);
    }

    /**
     * {@code {"<name>": {"avg": "<field>"}}}.
     *
     * @param name the output field
     * @param field the field averaged
     * @return a new instance with the field added
     */
    public S avg(String name, String field) {
        return aggregate(name, "avg", field);
    }

    /**
     * {@code {"<name>": {"min": "<field>"}}}.
     *
     * @param name the output field
     * @param field the field
     * @return a new instance with the field added
     */
    public S min(String name, String field) {
        return aggregate(name, "min", field);
    }

    /**
     * {@code {"<name>": {"max": "<field>"}}}.
     *
     * @param name the output field
     * @param field the field
     * @return a new instance with the field added
     */
    public S max(String name, String field) {
        return aggregate(name, "max", field);
    }

    /**
     * {@code {"<name>": {"first": "<field>"}}}.
     *
     * @param name the output field
     * @param field the field
     * @return a new instance with the field added
     */
    public S first(String name, String field) {
        return aggregate(name, "first", field);
    }

    /**
     * {@code {"<name>": {"list": "<field>"}}}: every value, as a list.
     *
     * @param name the output field
     * @param field the field
     * @return a new instance with the field added
     */
    public S list(String name, String field) {
        return aggregate(name, "list", field);
    }

    /**
     * {@code {"<name>": {"median": "<field>"}}}.
     *
     * @param name the output field
     * @param field the field
     * @return a new instance with the field added
     */
    public S median(String name, String field) {
        return aggregate(name, "median", field);
    }

    /**
     * {@code {"<name>": {"countIf": "<condition>"}}}: rows for which a condition holds.
     *
     * @param name the output field
     * @param condition the condition
     * @return a new instance with the field added
     */
    public S countIf(String name, Expr condition) {
        return aggregate(name, "countIf", Objects.requireNonNull(condition, "condition"));
    }

    /**
     * Any aggregator: {@code {"<name>": {"<aggregator>": <argument>}}}.
     *
     * @param name the output field
     * @param aggregator the aggregator, for example {@code "path"}
     * @param argument its JSON argument (see {@link Stage#of(String, Object)})
     * @return a new instance with the field added
     */
    public S aggregate(String name, String aggregator, Object argument) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(aggregator, "aggregator");
        for (Map.Entry<String, Map<String, Object>> field : fields) {
            if (field.getKey().equals(name)) {
                throw new IllegalArgumentException("Output field '" + name + "' is already defined");
            }
        }
        List<Map.Entry<String, Map<String, Object>>> next = new ArrayList<>(fields);
        next.add(Map.entry(name, JsonTree.object(aggregator, argument)));
        return with(Collections.unmodifiableList(next));
    }

    List<Map.Entry<String, Map<String, Object>>> outputs() {
        return fields;
    }

    Map<String, Object> fieldsJsonValue() {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, Object>> field : fields) {
            json.put(field.getKey(), field.getValue());
        }
        return Collections.unmodifiableMap(json);
    }
}
