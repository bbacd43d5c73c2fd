package io.github.pendoclient.testing.internal.aggregation;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.testing.internal.AggregationException;
import io.github.pendoclient.testing.internal.Expression;
import io.github.pendoclient.testing.internal.ExpressionException;
import java.util.Map;

/** Reads the values of a pipeline's stages, refusing the wrong kind with 400 and what was found. */
public final class Arguments {

    private Arguments() {}

    /**
     * A parsed expression; a malformed one is 400, an unsupported one 422.
     *
     * @param text the expression
     * @return the expression
     */
    public static Expression expression(String text) {
        try {
            return Expression.parse(text);
        } catch (ExpressionException e) {
            throw new AggregationException(e.unsupported() ? 422 : 400, e.getMessage());
        }
    }

    /**
     * A JSON object.
     *
     * @param value the value
     * @param what what it is, for the message
     * @return the object
     */
    public static Map<String, Object> asMap(Object value, String what) {
        return asMap(value, null, what);
    }

    /**
     * A JSON object.
     *
     * @param value the value
     * @param at where it is in the request, or null
     * @param what what it is, for the message
     * @return the object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object value, String at, String what) {
        if (!(value instanceof Map<?, ?>)) {
            throw new AggregationException(400, at, what + " must be a JSON object, not " + abbreviate(value));
        }
        return (Map<String, Object>) value;
    }

    /**
     * A string.
     *
     * @param value the value
     * @param what what it is, for the message
     * @return the string
     */
    public static String asString(Object value, String what) {
        if (!(value instanceof String text)) {
            throw new AggregationException(400, what + " must be a string, not " + abbreviate(value));
        }
        return text;
    }

    /**
     * A whole number, 0 or more.
     *
     * @param value the value
     * @param what what it is, for the message
     * @return the number
     */
    public static long asCount(Object value, String what) {
        if (!(value instanceof Long number) || number < 0) {
            throw new AggregationException(400, what + " must be a whole number, 0 or more, not " + abbreviate(value));
        }
        return number;
    }

    /**
     * The value as JSON, cut at 80 characters, for messages.
     *
     * @param value the value
     * @return the text
     */
    public static String abbreviate(Object value) {
        String text = value instanceof String string ? JsonValues.toJson(string) : JsonValues.toJson(value);
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
