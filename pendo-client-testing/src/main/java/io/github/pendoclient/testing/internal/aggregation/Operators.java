package io.github.pendoclient.testing.internal.aggregation;

import io.github.pendoclient.testing.internal.AggregationException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The operators the fake implements, by name; any other name is refused with 422 naming it. */
public final class Operators {

    private static final Map<String, Operator> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("filter", new Filter());
        BY_NAME.put("select", Projection.select());
        BY_NAME.put("eval", Projection.eval());
        BY_NAME.put("identified", new Identified());
        BY_NAME.put("sort", new Sort());
        BY_NAME.put("limit", (rows, value, at, clock) -> rows.limit(Arguments.asCount(value, "limit")));
        BY_NAME.put("skip", (rows, value, at, clock) -> rows.skip(Arguments.asCount(value, "skip")));
        BY_NAME.put("count", new Count());
        BY_NAME.put("group", new Group());
        BY_NAME.put("reduce", new Reduce());
        BY_NAME.put("unwind", new Unwind());
    }

    private Operators() {}

    /**
     * The operator of this name.
     *
     * @param name the operator's name in the pipeline
     * @return the operator
     * @throws AggregationException (422) if the fake does not implement it
     */
    public static Operator named(String name) {
        Operator operator = BY_NAME.get(name);
        if (operator == null) {
            throw new AggregationException(
                    422,
                    "The fake does not implement the aggregation operator '" + name
                            + "'. It supports filter, select, eval, identified, sort, limit, skip, count, group, reduce and"
                            + " unwind.");
        }
        return operator;
    }
}
