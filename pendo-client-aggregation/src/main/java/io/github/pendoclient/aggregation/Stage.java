package io.github.pendoclient.aggregation;

import com.squareup.moshi.JsonReader;
import io.github.pendoclient.internal.json.JsonValues;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import okio.Buffer;

/**
 * One pipeline step, {@code {"<operator>": <value>}}. The builders make stages for every documented operator;
 * {@link #of(String, Object)} and {@link #parse(String)} make one for anything Pendo adds later. Immutable.
 */
public final class Stage {

    private final String operator;
    private final Object value;

    private Stage(String operator, Object value) {
        this.operator = operator;
        this.value = value;
    }

    /**
     * A stage from an operator name and its JSON value.
     *
     * @param operator the operator, for example {@code "sessionReplays"}
     * @param value its value: maps, lists, strings, numbers, booleans, null, {@link Expr}, {@link Pipeline} or
     *     {@link java.time.Instant} (epoch milliseconds); copied
     * @return the stage
     */
    public static Stage of(String operator, Object value) {
        Objects.requireNonNull(operator, "operator");
        if (operator.isBlank()) {
            throw new IllegalArgumentException("A stage's operator must not be blank");
        }
        return new Stage(operator, JsonTree.copy(value));
    }

    /**
     * A stage from its JSON text, for pasting a step from Pendo's documentation.
     *
     * @param json a JSON object with exactly one member, for example {@code {"cat": null}}
     * @return the stage
     * @throws IllegalArgumentException if the text is not one such object
     */
    public static Stage parse(String json) {
        Object parsed;
        try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
            parsed = JsonValues.read(reader);
            if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                throw new IllegalArgumentException("Expected one JSON object for a stage, found more: " + json);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Not valid JSON for a stage: " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map<?, ?> map) || map.size() != 1) {
            throw new IllegalArgumentException(
                    "A stage is a JSON object with exactly one member, like {\"cat\": null}");
        }
        Map.Entry<?, ?> entry = map.entrySet().iterator().next();
        return of((String) entry.getKey(), entry.getValue());
    }

    /**
     * The operator name.
     *
     * @return the operator, for example {@code "filter"}
     */
    public String operator() {
        return operator;
    }

    /**
     * The operator's value, as unmodifiable maps, lists, strings, numbers, booleans and nulls.
     *
     * @return the value
     */
    public Object value() {
        return value;
    }

    Map<String, Object> toJsonValue() {
        return JsonTree.object(operator, value);
    }

    /**
     * The stage as compact JSON.
     *
     * @return the JSON text
     */
    public String toJson() {
        return JsonValues.toJson(toJsonValue());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Stage stage && stage.operator.equals(operator) && Objects.equals(stage.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(operator, value);
    }

    /**
     * The stage as compact JSON.
     *
     * @return the JSON text
     */
    @Override
    public String toString() {
        return toJson();
    }
}
