package io.github.pendoclient.aggregation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code switch} operator: sets an output field to the value of the first case whose test on an input field
 * holds.
 *
 * <pre>{@code
 * Switch.into("bucket").from("numEvents").when("few", "<", 10).when("many", ">=", 10)
 * // {"switch": {"bucket": {"numEvents": [{"value": "few", "<": 10}, {"value": "many", ">=": 10}]}}}
 * }</pre>
 */
public final class Switch {

    private static final Set<String> OPERATORS = Set.of("==", "!=", "<", "<=", ">", ">=");

    private final String outField;
    private final String inField;
    private final List<Map<String, Object>> cases;

    private Switch(String outField, String inField, List<Map<String, Object>> cases) {
        this.outField = outField;
        this.inField = inField;
        this.cases = cases;
    }

    /**
     * Starts a switch that writes {@code outField}.
     *
     * @param outField the field to set
     * @return a builder step that needs {@link #from(String)}
     */
    public static Switch into(String outField) {
        return new Switch(Objects.requireNonNull(outField, "outField"), null, List.of());
    }

    /**
     * The field the cases test.
     *
     * @param inField the field to test
     * @return a new switch
     */
    public Switch from(String inField) {
        return new Switch(outField, Objects.requireNonNull(inField, "inField"), cases);
    }

    /**
     * Adds a case: when {@code inField <operator> operand}, set the output to {@code value}.
     *
     * @param value the output value
     * @param operator one of {@code == != < <= > >=}
     * @param operand what the input field is compared with
     * @return a new switch
     */
    public Switch when(Object value, String operator, Object operand) {
        if (!OPERATORS.contains(operator)) {
            throw new IllegalArgumentException(
                    "A switch case compares with one of " + OPERATORS + ", not '" + operator + "'");
        }
        List<Map<String, Object>> next = new ArrayList<>(cases);
        next.add(JsonTree.object("value", value, operator, operand));
        return new Switch(outField, inField, Collections.unmodifiableList(next));
    }

    Stage toStage() {
        if (inField == null || cases.isEmpty()) {
            throw new IllegalStateException("A switch needs from(field) and at least one when(...) case");
        }
        return Stage.of("switch", JsonTree.object(outField, JsonTree.object(inField, cases)));
    }
}
