package io.github.pendoclient.aggregation;

import java.util.List;
import java.util.Map;

/**
 * The {@code reduce} operator: aggregates every row into one.
 *
 * <pre>{@code
 * Reduce.of().countDistinct("uniqueVisitors", "visitorId")
 * // {"reduce": {"uniqueVisitors": {"count": "visitorId"}}}
 * }</pre>
 */
public final class Reduce extends Aggregators<Reduce> {

    private Reduce(List<Map.Entry<String, Map<String, Object>>> fields) {
        super(fields);
    }

    /**
     * A reduce with no output fields yet.
     *
     * @return the reduce
     */
    public static Reduce of() {
        return new Reduce(List.of());
    }

    @Override
    Reduce with(List<Map.Entry<String, Map<String, Object>>> fields) {
        return new Reduce(fields);
    }

    Stage toStage() {
        if (outputs().isEmpty()) {
            throw new IllegalStateException("A reduce needs at least one output field");
        }
        return Stage.of("reduce", fieldsJsonValue());
    }
}
