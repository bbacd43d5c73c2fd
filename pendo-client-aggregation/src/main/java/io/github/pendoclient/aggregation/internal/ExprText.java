package io.github.pendoclient.aggregation.internal;

import java.util.regex.Pattern;

/**
 * The text side of {@code Expr}: checking field paths and function names, writing literals, and putting parentheses
 * where precedence needs them. {@code Expr} is the public value; this class only makes and checks its text.
 */
public final class ExprText {

    /** Precedence of {@code ||}. */
    public static final int OR = 1;
    /** Precedence of {@code &&}. */
    public static final int AND = 2;
    /** Precedence of {@code ==} and {@code !=}. */
    public static final int EQUALITY = 3;
    /** Precedence of {@code < <= > >=}. */
    public static final int RELATION = 4;
    /** Precedence of {@code +} and {@code -}. */
    public static final int ADDITIVE = 5;
    /** Precedence of {@code * / %}. */
    public static final int MULTIPLICATIVE = 6;
    /** Precedence of {@code !} and of a negative number. */
    public static final int UNARY = 7;
    /** Precedence of a name, literal or call: never needs parentheses. */
    public static final int ATOM = 8;

    private static final Pattern FIELD_PATH =
            Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\[\\d+])*(\\.[A-Za-z_$][A-Za-z0-9_$]*(\\[\\d+])*)*");
    private static final Pattern FUNCTION_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private ExprText() {}

    /**
     * Checks a field path.
     *
     * @param path the path
     * @return the path
     * @throws IllegalArgumentException if it is not {@code name(.name|[index])*}
     */
    public static String fieldPath(String path) {
        if (!FIELD_PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("Not a field path: '" + path
                    + "'. A path is names of letters, digits, '_' or '$' joined by '.', each optionally indexed like"
                    + " [0]; use Expr.raw(...) for other expressions.");
        }
        return path;
    }

    /**
     * Checks a function name.
     *
     * @param function the name
     * @return the name
     * @throws IllegalArgumentException if it is not letters, digits and {@code _}
     */
    public static String functionName(String function) {
        if (!FUNCTION_NAME.matcher(function).matches()) {
            throw new IllegalArgumentException("Not a function name: '" + function + "'");
        }
        return function;
    }

    /**
     * Checks that a fractional number has a literal.
     *
     * @param value the number
     * @return the number
     * @throws IllegalArgumentException if it is NaN or infinite
     */
    public static double finite(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("Expressions have no literal for " + value);
        }
        return value;
    }

    /**
     * An operand's text inside an operator of the given precedence, parenthesized where needed.
     *
     * @param text the operand's text
     * @param precedence the operand's precedence
     * @param level the operator's precedence
     * @param strict whether an operand of the same precedence needs parentheses too (the right side of a
     *     non-associative operator)
     * @return the text to write
     */
    public static String operand(String text, int precedence, int level, boolean strict) {
        boolean wrap = precedence < level || strict && precedence == level;
        return wrap ? "(" + text + ")" : text;
    }

    /**
     * Whether an operator may be regrouped freely, so its right operand of the same precedence needs no parentheses.
     *
     * @param operator the operator
     * @param level its precedence
     * @return true for {@code && || + *}
     */
    public static boolean associative(String operator, int level) {
        return level == AND
                || level == OR
                || level == ADDITIVE && operator.equals("+")
                || level == MULTIPLICATIVE && operator.equals("*");
    }

    /**
     * Quotes a string as a literal of the expression language: double quotes, with {@code \}, {@code "} and control
     * characters escaped. Non-ASCII characters are kept as they are (the request is UTF-8 JSON).
     *
     * @param value the string
     * @return the literal, including its quotes
     */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
