package io.github.pendoclient.testing.internal;

import io.github.pendoclient.internal.json.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The evaluating half of {@link Expression}: the nodes a parsed expression is made of, and the value rules they
 * follow (truthiness, equality, ordering, arithmetic and their type errors). {@link ExpressionParser} builds the
 * nodes.
 */
final class ExpressionEvaluator {

    private ExpressionEvaluator() {}

    interface Node {
        Object eval(Map<String, Object> row, LongSupplier clock);
    }

    /** A literal value. */
    record Literal(Object value) implements Node {
        @Override
        public Object eval(Map<String, Object> row, LongSupplier clock) {
            return value;
        }
    }

    /** A field path. */
    record Field(String path) implements Node {
        @Override
        public Object eval(Map<String, Object> row, LongSupplier clock) {
            return JsonValues.at(row, path);
        }
    }

    /** {@code left || right}. */
    record Or(Node left, Node right) implements Node {
        @Override
        public Object eval(Map<String, Object> row, LongSupplier clock) {
            return truthy(left.eval(row, clock)) || truthy(right.eval(row, clock));
        }
    }

    /** {@code left && right}. */
    record And(Node left, Node right) implements Node {
        @Override
        public Object eval(Map<String, Object> row, LongSupplier clock) {
            return truthy(left.eval(row, clock)) && truthy(right.eval(row, clock));
        }
    }

    /** An equality or ordering comparison. */
    record Comparison(String op, Node left, Node right, String text) implements Node {
        boolean isFieldVersusLiteral(String field) {
            return left instanceof Field path
                    && path.path.equals(field)
                    && right instanceof Literal literal
                    && (literal.value instanceof String
                            || literal.value instanceof Number
                            || literal.value instanceof Boolean);
        }

        @Override
        public Object eval(Map<String, Object> row, LongSupplier clock) {
            Object a = left.eval(row, clock);
            Object b = right.eval(row, clock);
            switch (op) {
                case "==":
                    return equal(a, b);
                case "!=":
                    return !equal(a, b);
                default:
                    break;
            }
            if (a == null || b == null) {
                return false;
            }
            if (!comparable(a, b)) {
                throw new ExpressionException(
                        "Type error: cannot order " + kind(a) + " " + abbreviate(a) + " and " + kind(b) + " "
                                + abbreviate(b) + " with '" + op + "' in: " + text,
                        false);
            }
            int order = compare(a, b);
            switch (op) {
                case "<":
                    return order < 0;
                case "<=":
                    return order <= 0;
                case ">":
                    return order > 0;
                default:
                    return order >= 0;
            }
        }
    }

    static String kind(Object value) {
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return value instanceof List ? "a list" : value instanceof Map ? "an object" : "a value";
    }

    static String abbreviate(Object value) {
        String text = value instanceof String string ? JsonValues.toJson(string) : String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    static boolean truthy(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof Number number) {
            return number.doubleValue() != 0;
        }
        if (value instanceof String string) {
            return !string.isEmpty();
        }
        return value != null;
    }

    /** Compares two values the way the fake sorts (see {@link Expression#compare}). */
    static int compare(Object a, Object b) {
        return JsonValues.compare(a, b);
    }

    static boolean isIntegral(Number number) {
        return number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte;
    }

    static boolean comparable(Object a, Object b) {
        return a instanceof Number && b instanceof Number
                || a instanceof String && b instanceof String
                || a instanceof Boolean && b instanceof Boolean;
    }

    static boolean equal(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        return comparable(a, b) ? compare(a, b) == 0 : a.equals(b);
    }

    static Object arithmetic(String op, Object a, Object b, String text) {
        if (op.equals("+")
                && (a instanceof String || b instanceof String)
                && !(a instanceof Map || a instanceof List || b instanceof Map || b instanceof List)) {
            return String.valueOf(a) + b;
        }
        if (a == null || b == null) {
            return null;
        }
        if (!(a instanceof Number x) || !(b instanceof Number y)) {
            throw new ExpressionException(
                    "Type error: cannot apply '" + op + "' to " + kind(a) + " and " + kind(b) + " in: " + text, false);
        }
        if ((op.equals("/") || op.equals("%")) && y.doubleValue() == 0) {
            throw new ExpressionException("Division by zero in: " + text, false);
        }
        if (isIntegral(x) && isIntegral(y)) {
            long l = x.longValue();
            long r = y.longValue();
            switch (op) {
                case "+":
                    return l + r;
                case "-":
                    return l - r;
                case "*":
                    return l * r;
                case "/":
                    return l % r == 0 ? (Object) (l / r) : (Object) ((double) l / r);
                default:
                    return l % r;
            }
        }
        double l = x.doubleValue();
        double r = y.doubleValue();
        switch (op) {
            case "+":
                return l + r;
            case "-":
                return l - r;
            case "*":
                return l * r;
            case "/":
                return l / r;
            default:
                return l % r;
        }
    }
}
