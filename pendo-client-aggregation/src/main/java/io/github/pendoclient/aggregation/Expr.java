package io.github.pendoclient.aggregation;

import static io.github.pendoclient.aggregation.internal.ExprText.ADDITIVE;
import static io.github.pendoclient.aggregation.internal.ExprText.AND;
import static io.github.pendoclient.aggregation.internal.ExprText.ATOM;
import static io.github.pendoclient.aggregation.internal.ExprText.EQUALITY;
import static io.github.pendoclient.aggregation.internal.ExprText.MULTIPLICATIVE;
import static io.github.pendoclient.aggregation.internal.ExprText.OR;
import static io.github.pendoclient.aggregation.internal.ExprText.RELATION;
import static io.github.pendoclient.aggregation.internal.ExprText.UNARY;

import io.github.pendoclient.aggregation.internal.ExprText;
import java.time.Instant;
import java.util.Objects;

/**
 * An expression of Pendo's aggregation language, for {@code filter}, {@code eval}, {@code select} and
 * {@code timeSeries}. Immutable; {@link #toString()} is the expression text.
 *
 * <p>Values are never pasted into the text as they are: a {@link String} becomes a double-quoted literal with
 * {@code \}, {@code "} and control characters escaped, so an id such as {@code abc" || true || "} stays one
 * string and cannot change what a filter means. Field paths are checked against {@code name(.name|[index])*}.
 * Where neither fits, {@link #raw(String)} takes trusted text as it is.
 *
 * <pre>{@code
 * Expr.field("visitorId").ne("")                                   // visitorId != ""
 * Expr.field("day").ge(Instant.parse("2026-01-01T00:00:00Z"))      // day >= 1767225600000
 * Expr.field("a").eq(1).and(Expr.field("b").eq(2).or(Expr.isNull("c")))  // a == 1 && (b == 2 || isNull(c))
 * }</pre>
 *
 * <p>The language is C-like: {@code == != < <= > >= && || !} and {@code + - * / %} with the usual precedence;
 * parentheses are added where precedence needs them. Pendo reportedly rejects {@code in [...]}; use
 * {@link #anyOf(String, Iterable)}. Control characters inside string literals are written as {@code \n},
 * {@code \r}, {@code \t} or {@code \}{@code uXXXX}; Pendo documents only the escaping of {@code \} and {@code "}.
 */
public final class Expr {

    private final String text;
    private final int precedence;

    private Expr(String text, int precedence) {
        this.text = text;
        this.precedence = precedence;
    }

    /**
     * A field of the row, by name or dotted path ({@code metadata.auto.lastupdated}, {@code polls[0].id}).
     *
     * @param path the field path
     * @return the field reference
     * @throws IllegalArgumentException if the path is not {@code name(.name|[index])*}; use {@link #raw(String)}
     *     for anything else
     */
    public static Expr field(String path) {
        return new Expr(ExprText.fieldPath(Objects.requireNonNull(path, "path")), ATOM);
    }

    /**
     * A string literal, quoted and escaped.
     *
     * @param value the string
     * @return the literal
     */
    public static Expr string(String value) {
        return new Expr(quote(Objects.requireNonNull(value, "value")), ATOM);
    }

    /**
     * A number literal.
     *
     * @param value the number
     * @return the literal
     */
    public static Expr number(long value) {
        return new Expr(Long.toString(value), value < 0 ? UNARY : ATOM);
    }

    /**
     * A number literal.
     *
     * @param value a finite number
     * @return the literal
     * @throws IllegalArgumentException if the number is NaN or infinite
     */
    public static Expr number(double value) {
        if (ExprText.finite(value) == Math.rint(value) && Math.abs(value) < 1e15) {
            return number((long) value);
        }
        return new Expr(Double.toString(value), value < 0 ? UNARY : ATOM);
    }

    /**
     * A literal for a Java value: a string literal for a {@link CharSequence}, a number for a {@link Number}, epoch
     * milliseconds for an {@link Instant}, {@code true}/{@code false} for a {@link Boolean}; an {@code Expr} is
     * returned as it is.
     *
     * @param value the value
     * @return the expression
     * @throws IllegalArgumentException for null (use {@link #isNull(String)}) or another type
     */
    public static Expr value(Object value) {
        if (value instanceof Expr expr) {
            return expr;
        }
        if (value instanceof CharSequence chars) {
            return string(chars.toString());
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return number(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return number(number.doubleValue());
        }
        if (value instanceof Instant instant) {
            return number(instant.toEpochMilli());
        }
        if (value instanceof Boolean bool) {
            return new Expr(bool.toString(), ATOM);
        }
        if (value == null) {
            throw new IllegalArgumentException("A null value has no literal; test for it with Expr.isNull(field)");
        }
        throw new IllegalArgumentException("No expression literal for "
                + value.getClass().getName() + "; pass a String, Number, Instant, Boolean or Expr");
    }

    /**
     * Trusted expression text, used as it is. Never pass user input here: it is not escaped.
     *
     * @param expression the expression
     * @return the expression, parenthesized when combined with others
     */
    public static Expr raw(String expression) {
        Objects.requireNonNull(expression, "expression");
        if (expression.isBlank()) {
            throw new IllegalArgumentException("An expression must not be blank");
        }
        return new Expr(expression, OR - 1);
    }

    /**
     * A function call; each argument goes through {@link #value(Object)}.
     *
     * @param function the function name, for example {@code hash}
     * @param arguments the arguments
     * @return the call
     */
    public static Expr call(String function, Object... arguments) {
        StringBuilder text = new StringBuilder(ExprText.functionName(function)).append('(');
        for (int i = 0; i < arguments.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(value(arguments[i]).text);
        }
        return new Expr(text.append(')').toString(), ATOM);
    }

    /**
     * {@code now()}: the time the aggregation runs.
     *
     * @return the expression
     */
    public static Expr now() {
        return new Expr("now()", ATOM);
    }

    /**
     * {@code date(year, month, day)}: midnight of a calendar day (Pendo's own time-window form).
     *
     * @param year the year
     * @param month the month, 1 to 12
     * @param day the day of the month
     * @return the expression
     */
    public static Expr date(int year, int month, int day) {
        return call("date", year, month, day);
    }

    /**
     * {@code date(year, month, day, hour, minute, second)}.
     *
     * @param year the year
     * @param month the month, 1 to 12
     * @param day the day of the month
     * @param hour the hour
     * @param minute the minute
     * @param second the second
     * @return the expression
     */
    public static Expr date(int year, int month, int day, int hour, int minute, int second) {
        return call("date", year, month, day, hour, minute, second);
    }

    /**
     * {@code dateAdd(base, amount, "unit")}, for example {@code dateAdd(now(), -30, "days")}.
     *
     * @param base the time to add to
     * @param amount the signed amount
     * @param unit the unit as Pendo names it ({@code "days"}, {@code "hours"}, ...)
     * @return the expression
     */
    public static Expr dateAdd(Expr base, long amount, String unit) {
        return call("dateAdd", base, amount, unit);
    }

    /**
     * {@code startOfPeriod("period", time)}, for example {@code startOfPeriod("daily", now())}.
     *
     * @param period the period as Pendo names it ({@code "daily"}, {@code "hourly"}, ...)
     * @param time the time
     * @return the expression
     */
    public static Expr startOfPeriod(String period, Expr time) {
        return call("startOfPeriod", period, time);
    }

    /**
     * {@code isNull(field)}.
     *
     * @param path the field path
     * @return the test
     */
    public static Expr isNull(String path) {
        return call("isNull", field(path));
    }

    /**
     * {@code contains(field, "text")}.
     *
     * @param path the field path
     * @param text the text to look for
     * @return the test
     */
    public static Expr contains(String path, String text) {
        return call("contains", field(path), text);
    }

    /**
     * {@code startsWith(field, "prefix")}.
     *
     * @param path the field path
     * @param prefix the prefix
     * @return the test
     */
    public static Expr startsWith(String path, String prefix) {
        return call("startsWith", field(path), prefix);
    }

    /**
     * {@code field == v1 || field == v2 || ...}, Pendo's substitute for {@code in}.
     *
     * @param path the field path
     * @param values at least one value
     * @return the test
     */
    public static Expr anyOf(String path, Iterable<?> values) {
        Expr result = null;
        for (Object value : values) {
            Expr test = field(path).eq(value);
            result = result == null ? test : result.or(test);
        }
        if (result == null) {
            throw new IllegalArgumentException("anyOf needs at least one value");
        }
        return result;
    }

    /**
     * {@code this == value}.
     *
     * @param value the value, see {@link #value(Object)}
     * @return the comparison
     */
    public Expr eq(Object value) {
        return binary("==", EQUALITY, value(value));
    }

    /**
     * {@code this != value}.
     *
     * @param value the value, see {@link #value(Object)}
     * @return the comparison
     */
    public Expr ne(Object value) {
        return binary("!=", EQUALITY, value(value));
    }

    /**
     * {@code this > value}.
     *
     * @param value the value, see {@link #value(Object)}
     * @return the comparison
     */
    public Expr gt(Object value) {
        return binary(">", RELATION, value(value));
    }

    /**
     * {@code this >= value}.
     *
     * @param value the value, see {@link #value(Object)}
     * @return the comparison
     */
    public Expr ge(Object value) {
        return binary(">=", RELATION, value(value));
    }

    /**
     * {@code this < value}.
     *
     * @param value the value, see {@link #value(Object)}
     * @return the comparison
     */
    public Expr lt(Object value) {
        return binary("<", RELATION, value(value));
    }

    /**
     * {@code this <= value}.
     *
     * @param value the value, see {@link #value(Object)}
     * @return the comparison
     */
    public Expr le(Object value) {
        return binary("<=", RELATION, value(value));
    }

    /**
     * {@code this + value}.
     *
     * @param value the value, see {@link #value(Object)}
     * @return the sum
     */
    public Expr plus(Object value) {
        return binary("+", ADDITIVE, value(value));
    }

    /**
     * {@code this - value}.
     *
     * @param value the value, see {@link #value(Object)}
     * @return the difference
     */
    public Expr minus(Object value) {
        return binary("-", ADDITIVE, value(value));
    }

    /**
     * {@code this * value}.
     *
     * @param value the value, see {@link #value(Object)}
     * @return the product
     */
    public Expr times(Object value) {
        return binary("*", MULTIPLICATIVE, value(value));
    }

    /**
     * {@code this / value}.
     *
     * @param value the value, see {@link #value(Object)}
     * @return the quotient
     */
    public Expr dividedBy(Object value) {
        return binary("/", MULTIPLICATIVE, value(value));
    }

    /**
     * {@code this % value}.
     *
     * @param value the value, see {@link #value(Object)}
     * @return the remainder
     */
    public Expr mod(Object value) {
        return binary("%", MULTIPLICATIVE, value(value));
    }

    /**
     * {@code this && other}.
     *
     * @param other the other condition
     * @return the conjunction
     */
    public Expr and(Expr other) {
        return binary("&&", AND, Objects.requireNonNull(other, "other"));
    }

    /**
     * {@code this || other}.
     *
     * @param other the other condition
     * @return the disjunction
     */
    public Expr or(Expr other) {
        return binary("||", OR, Objects.requireNonNull(other, "other"));
    }

    /**
     * {@code !this}.
     *
     * @return the negation
     */
    public Expr not() {
        return new Expr("!" + operand(this, UNARY, false), UNARY);
    }

    private Expr binary(String operator, int level, Expr right) {
        boolean strict = !ExprText.associative(operator, level);
        return new Expr(operand(this, level, false) + " " + operator + " " + operand(right, level, strict), level);
    }

    private static String operand(Expr operand, int level, boolean strict) {
        return ExprText.operand(operand.text, operand.precedence, level, strict);
    }

    /**
     * Quotes a string as a literal of the expression language: double quotes, with {@code \}, {@code "} and control
     * characters escaped. Non-ASCII characters are kept as they are (the request is UTF-8 JSON).
     *
     * @param value the string
     * @return the literal, including its quotes
     */
    public static String quote(String value) {
        return ExprText.quote(value);
    }

    /**
     * The expression text, as sent to Pendo.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Expr expr && expr.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
