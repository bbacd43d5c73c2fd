package io.github.pendoclient.testing.internal;

import io.github.pendoclient.testing.internal.ExpressionEvaluator.And;
import io.github.pendoclient.testing.internal.ExpressionEvaluator.Comparison;
import io.github.pendoclient.testing.internal.ExpressionEvaluator.Literal;
import io.github.pendoclient.testing.internal.ExpressionEvaluator.Node;
import io.github.pendoclient.testing.internal.ExpressionEvaluator.Or;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A parsed expression of Pendo's aggregation language, evaluated against a row. Supports literals (numbers,
 * double-quoted strings with escapes, backtick strings, {@code true}, {@code false}, {@code null}), dotted field
 * paths with {@code [n]} indexes, {@code == != < <= > >= && || !}, {@code + - * / %}, parentheses, and the functions
 * {@code isNull}, {@code isNil}, {@code contains}, {@code startsWith}, {@code now}, {@code date}, {@code dateAdd},
 * {@code startOfPeriod} and {@code if}.
 *
 * <p>Types follow one rule. A missing field or {@code null} makes an ordering comparison false and arithmetic null
 * (so {@code lastVisit > 5} simply skips rows without a last visit). Two present values of different kinds in an
 * ordering comparison ({@code "abc" > 5}), an object or list in a comparison or arithmetic, arithmetic on a string
 * other than {@code +} (which concatenates), and division or remainder by zero are type errors: evaluation throws
 * {@link ExpressionException}, which the fake answers with 400. {@code ==} and {@code !=} never fail: values of
 * different kinds are simply unequal.
 *
 * <p>Parsing is bounded: an expression longer than {@value #MAX_LENGTH} characters or nested deeper than
 * {@value #MAX_DEPTH} levels is refused as invalid, so no input can exhaust the stack.
 */
public final class Expression {

    /** The longest expression the fake parses, in characters. */
    public static final int MAX_LENGTH = 65_536;
    /** The deepest nesting of parentheses, operators and calls the fake parses. */
    public static final int MAX_DEPTH = 64;

    private final Node root;
    private final String text;

    private Expression(Node root, String text) {
        this.root = root;
        this.text = text;
    }

    /**
     * Parses an expression.
     *
     * @param text the expression
     * @return the parsed expression
     * @throws ExpressionException if it is not valid
     */
    public static Expression parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new ExpressionException(
                    "The expression is " + text.length() + " characters long; the fake parses at" + " most "
                            + MAX_LENGTH,
                    false);
        }
        ExpressionParser parser = new ExpressionParser(text);
        Node root = parser.or();
        parser.skipSpace();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected '" + text.substring(parser.pos) + "'");
        }
        return new Expression(root, text);
    }

    /**
     * Evaluates the expression.
     *
     * @param row the row
     * @param clock epoch milliseconds of "now"
     * @return the value: a string, Long, Double, Boolean, list, map or null
     */
    public Object evaluate(Map<String, Object> row, LongSupplier clock) {
        try {
            return root.eval(row, clock);
        } catch (ClassCastException
                | NullPointerException
                | ArithmeticException
                | IndexOutOfBoundsException
                | IllegalArgumentException
                | java.time.DateTimeException e) {
            // A function given the wrong kind of argument (date("x", 1, 2)), a bad index: the same type error rule.
            throw new ExpressionException(
                    "Type error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + " in: "
                            + text,
                    false);
        }
    }

    /**
     * Evaluates the expression as a condition.
     *
     * @param row the row
     * @param clock epoch milliseconds of "now"
     * @return whether it holds
     */
    public boolean test(Map<String, Object> row, LongSupplier clock) {
        return ExpressionEvaluator.truthy(evaluate(row, clock));
    }

    /**
     * Recognizes a keyset cursor condition on these fields, as a keyset pager writes it:
     * {@code a > x || a == x && (b > y || b == y && c >= z)} (the last comparison {@code >} or {@code >=}), with
     * literal cursor values.
     *
     * @param fields the sort fields, in order
     * @return the cursor, or null when the expression is not exactly such a condition
     */
    public KeysetBound keysetBound(List<String> fields) {
        List<Object> cursor = new ArrayList<>();
        Node node = root;
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            if (i == fields.size() - 1) {
                if (!(node instanceof Comparison last)
                        || !last.isFieldVersusLiteral(field)
                        || !last.op().equals(">") && !last.op().equals(">=")) {
                    return null;
                }
                cursor.add(((Literal) last.right()).value());
                return new KeysetBound(List.copyOf(cursor), last.op().equals(">="));
            }
            if (!(node instanceof Or or)
                    || !(or.left() instanceof Comparison greater)
                    || !greater.op().equals(">")
                    || !greater.isFieldVersusLiteral(field)
                    || !(or.right() instanceof And and)
                    || !(and.left() instanceof Comparison equal)
                    || !equal.op().equals("==")
                    || !equal.isFieldVersusLiteral(field)
                    || compare(((Literal) greater.right()).value(), ((Literal) equal.right()).value()) != 0) {
                return null;
            }
            cursor.add(((Literal) greater.right()).value());
            node = and.right();
        }
        return null;
    }

    /**
     * A keyset cursor: the rows at or after ({@code inclusive}) or strictly after this key.
     *
     * @param cursor one value per sort field
     * @param inclusive whether the row at the cursor itself is kept
     */
    public record KeysetBound(List<Object> cursor, boolean inclusive) {}

    @Override
    public String toString() {
        return text;
    }

    /**
     * Compares two values the way the fake sorts: numbers by value, strings by code point, booleans false first;
     * null before everything, then booleans, numbers, strings.
     *
     * @param a one value
     * @param b the other
     * @return negative, zero or positive
     */
    public static int compare(Object a, Object b) {
        return ExpressionEvaluator.compare(a, b);
    }
}
