package io.github.pendoclient.testing.internal;

import io.github.pendoclient.internal.json.JsonValues;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
            throw new ExpressionException("The expression is " + text.length() + " characters long; the fake parses at"
                    + " most " + MAX_LENGTH, false);
        }
        Parser parser = new Parser(text);
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
        } catch (ClassCastException | NullPointerException | ArithmeticException | IndexOutOfBoundsException
                 | IllegalArgumentException | java.time.DateTimeException e) {
            // A function given the wrong kind of argument (date("x", 1, 2)), a bad index: the same type error rule.
            throw new ExpressionException("Type error: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()) + " in: " + text, false);
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
        return truthy(evaluate(row, clock));
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
                if (!(node instanceof Comparison last) || !last.isFieldVersusLiteral(field)
                        || !last.op.equals(">") && !last.op.equals(">=")) {
                    return null;
                }
                cursor.add(((Literal) last.right).value);
                return new KeysetBound(List.copyOf(cursor), last.op.equals(">="));
            }
            if (!(node instanceof Or or) || !(or.left instanceof Comparison greater)
                    || !greater.op.equals(">") || !greater.isFieldVersusLiteral(field)
                    || !(or.right instanceof And and) || !(and.left instanceof Comparison equal)
                    || !equal.op.equals("==") || !equal.isFieldVersusLiteral(field)
                    || compare(((Literal) greater.right).value, ((Literal) equal.right).value) != 0) {
                return null;
            }
            cursor.add(((Literal) greater.right).value);
            node = and.right;
        }
        return null;
    }

    /**
     * A keyset cursor: the rows at or after ({@code inclusive}) or strictly after this key.
     *
     * @param cursor one value per sort field
     * @param inclusive whether the row at the cursor itself is kept
     */
    public record KeysetBound(List<Object> cursor, boolean inclusive) {
    }

    @Override
    public String toString() {
        return text;
    }

    private interface Node {
        Object eval(Map<String, Object> row, LongSupplier clock);
    }

    /** A literal value. */
    private record Literal(Object value) implements Node {
        @Override
        public Object eval(Map<String, Object> row, LongSupplier clock) {
            return value;
        }
    }

    /** A field path. */
    private record Field(String path) implements Node {
        @Override
        public Object eval(Map<String, Object> row, LongSupplier clock) {
            return JsonValues.at(row, path);
        }
    }

    /** {@code left || right}. */
    private record Or(Node left, Node right) implements Node {
        @Override
        public Object eval(Map<String, Object> row, LongSupplier clock) {
            return truthy(left.eval(row, clock)) || truthy(right.eval(row, clock));
        }
    }

    /** {@code left && right}. */
    private record And(Node left, Node right) implements Node {
        @Override
        public Object eval(Map<String, Object> row, LongSupplier clock) {
            return truthy(left.eval(row, clock)) && truthy(right.eval(row, clock));
        }
    }

    /** An equality or ordering comparison. */
    private record Comparison(String op, Node left, Node right, String text) implements Node {
        boolean isFieldVersusLiteral(String field) {
            return left instanceof Field path && path.path.equals(field) && right instanceof Literal literal
                    && (literal.value instanceof String || literal.value instanceof Number
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
                throw new ExpressionException("Type error: cannot order " + kind(a) + " " + abbreviate(a) + " and "
                        + kind(b) + " " + abbreviate(b) + " with '" + op + "' in: " + text, false);
            }
            int order = compare(a, b);
            switch (op) {
                case "<": return order < 0;
                case "<=": return order <= 0;
                case ">": return order > 0;
                default: return order >= 0;
            }
        }
    }

    private static String kind(Object value) {
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

    private static String abbreviate(Object value) {
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

    /**
     * Compares two values the way the fake sorts: numbers by value, strings by code point, booleans false first;
     * null before everything, then booleans, numbers, strings.
     *
     * @param a one value
     * @param b the other
     * @return negative, zero or positive
     */
    public static int compare(Object a, Object b) {
        return io.github.pendoclient.internal.json.JsonValues.compare(a, b);
    }

    private static boolean isIntegral(Number number) {
        return number instanceof Long || number instanceof Integer || number instanceof Short
                || number instanceof Byte;
    }

    private static boolean comparable(Object a, Object b) {
        return a instanceof Number && b instanceof Number || a instanceof String && b instanceof String
                || a instanceof Boolean && b instanceof Boolean;
    }

    private static boolean equal(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        return comparable(a, b) ? compare(a, b) == 0 : a.equals(b);
    }

    private static Object arithmetic(String op, Object a, Object b, String text) {
        if (op.equals("+") && (a instanceof String || b instanceof String) && !(a instanceof Map || a instanceof List
                || b instanceof Map || b instanceof List)) {
            return String.valueOf(a) + b;
        }
        if (a == null || b == null) {
            return null;
        }
        if (!(a instanceof Number x) || !(b instanceof Number y)) {
            throw new ExpressionException("Type error: cannot apply '" + op + "' to " + kind(a) + " and " + kind(b)
                    + " in: " + text, false);
        }
        if ((op.equals("/") || op.equals("%")) && y.doubleValue() == 0) {
            throw new ExpressionException("Division by zero in: " + text, false);
        }
        if (isIntegral(x) && isIntegral(y)) {
            long l = x.longValue();
            long r = y.longValue();
            switch (op) {
                case "+": return l + r;
                case "-": return l - r;
                case "*": return l * r;
                case "/": return l % r == 0 ? (Object) (l / r) : (Object) ((double) l / r);
                default: return l % r;
            }
        }
        double l = x.doubleValue();
        double r = y.doubleValue();
        switch (op) {
            case "+": return l + r;
            case "-": return l - r;
            case "*": return l * r;
            case "/": return l / r;
            default: return l % r;
        }
    }

    private static final class Parser {
        private final String text;
        private int pos;
        private int depth;

        Parser(String text) {
            this.text = text;
        }

        ExpressionException error(String what) {
            return new ExpressionException("Invalid expression at position " + pos + " (" + what + "): " + text,
                    false);
        }

        void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        boolean take(String token) {
            skipSpace();
            if (text.startsWith(token, pos)) {
                // '=' must not be read as the start of '==', nor '<' of '<='.
                if ((token.equals("<") || token.equals(">") || token.equals("!"))
                        && text.startsWith("=", pos + 1)) {
                    return false;
                }
                if ((token.equals("&") || token.equals("|")) && !text.startsWith(token + token, pos)) {
                    return false;
                }
                pos += token.length();
                return true;
            }
            return false;
        }

        private void enter() {
            if (++depth > MAX_DEPTH) {
                throw error("nested deeper than " + MAX_DEPTH + " levels");
            }
        }

        Node or() {
            enter();
            Node left = and();
            while (take("||")) {
                left = new Or(left, and());
            }
            depth--;
            return left;
        }

        Node and() {
            Node left = equality();
            while (take("&&")) {
                left = new And(left, equality());
            }
            return left;
        }

        Node equality() {
            Node left = relation();
            while (true) {
                if (take("==")) {
                    left = new Comparison("==", left, relation(), text);
                } else if (take("!=")) {
                    left = new Comparison("!=", left, relation(), text);
                } else {
                    return left;
                }
            }
        }

        Node relation() {
            Node left = additive();
            while (true) {
                String op = take("<=") ? "<=" : take(">=") ? ">=" : take("<") ? "<" : take(">") ? ">" : null;
                if (op == null) {
                    return left;
                }
                left = new Comparison(op, left, additive(), text);
            }
        }

        Node additive() {
            Node left = multiplicative();
            while (true) {
                String op = take("+") ? "+" : take("-") ? "-" : null;
                if (op == null) {
                    return left;
                }
                Node l = left;
                Node r = multiplicative();
                left = (row, clock) -> arithmetic(op, l.eval(row, clock), r.eval(row, clock), text);
            }
        }

        Node multiplicative() {
            Node left = unary();
            while (true) {
                String op = take("*") ? "*" : take("/") ? "/" : take("%") ? "%" : null;
                if (op == null) {
                    return left;
                }
                Node l = left;
                Node r = unary();
                left = (row, clock) -> arithmetic(op, l.eval(row, clock), r.eval(row, clock), text);
            }
        }

        Node unary() {
            if (take("!")) {
                enter();
                Node operand = unary();
                depth--;
                return (row, clock) -> !truthy(operand.eval(row, clock));
            }
            if (take("-")) {
                enter();
                Node operand = unary();
                depth--;
                if (operand instanceof Literal literal && literal.value instanceof Number number) {
                    return new Literal(arithmetic("-", 0L, number, text));
                }
                return (row, clock) -> arithmetic("-", 0L, operand.eval(row, clock), text);
            }
            return primary();
        }

        Node primary() {
            skipSpace();
            if (pos >= text.length()) {
                throw error("expression ends early");
            }
            char c = text.charAt(pos);
            if (c == '(') {
                pos++;
                Node inner = or();
                if (!take(")")) {
                    throw error("missing ')'");
                }
                return inner;
            }
            if (c == '"') {
                return new Literal(doubleQuoted());
            }
            if (c == '`') {
                int end = text.indexOf('`', pos + 1);
                if (end < 0) {
                    throw error("unterminated backtick string");
                }
                String value = text.substring(pos + 1, end);
                pos = end + 1;
                return new Literal(value);
            }
            if (Character.isDigit(c) || c == '.') {
                return new Literal(number());
            }
            if (Character.isLetter(c) || c == '_' || c == '$') {
                int start = pos;
                while (pos < text.length() && isPathChar(text.charAt(pos))) {
                    pos++;
                }
                String name = text.substring(start, pos);
                skipSpace();
                if (pos < text.length() && text.charAt(pos) == '(') {
                    pos++;
                    return call(name, arguments());
                }
                switch (name) {
                    case "true": return new Literal(Boolean.TRUE);
                    case "false": return new Literal(Boolean.FALSE);
                    case "null": return new Literal(null);
                    default: return new Field(name);
                }
            }
            throw error("unexpected '" + c + "'");
        }

        private static boolean isPathChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.' || c == '[' || c == ']';
        }

        private List<Node> arguments() {
            List<Node> arguments = new ArrayList<>();
            if (take(")")) {
                return arguments;
            }
            do {
                arguments.add(or());
            } while (take(","));
            if (!take(")")) {
                throw error("missing ')' after arguments");
            }
            return arguments;
        }

        private Object number() {
            int start = pos;
            boolean decimal = false;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (Character.isDigit(c)) {
                    pos++;
                } else if (c == '.' || c == 'e' || c == 'E') {
                    decimal = true;
                    pos++;
                } else {
                    break;
                }
            }
            String digits = text.substring(start, pos);
            try {
                return decimal ? (Object) Double.parseDouble(digits) : (Object) Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw error("bad number '" + digits + "'");
            }
        }

        private String doubleQuoted() {
            StringBuilder out = new StringBuilder();
            pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (pos >= text.length()) {
                    break;
                }
                char escaped = text.charAt(pos++);
                switch (escaped) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("bad \\u escape");
                        }
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> out.append(escaped);
                }
            }
            throw error("unterminated string");
        }

        private Node call(String name, List<Node> args) {
            switch (name) {
                case "isNull":
                case "isNil":
                    arity(name, args, 1);
                    return (row, clock) -> args.get(0).eval(row, clock) == null;
                case "contains":
                    arity(name, args, 2);
                    return (row, clock) -> {
                        Object haystack = args.get(0).eval(row, clock);
                        Object needle = args.get(1).eval(row, clock);
                        if (haystack instanceof String s && needle instanceof String n) {
                            return s.contains(n);
                        }
                        return haystack instanceof List<?> list && list.stream().anyMatch(e -> equal(e, needle));
                    };
                case "startsWith":
                    arity(name, args, 2);
                    return (row, clock) -> args.get(0).eval(row, clock) instanceof String s
                            && args.get(1).eval(row, clock) instanceof String p && s.startsWith(p);
                case "now":
                    arity(name, args, 0);
                    return (row, clock) -> clock.getAsLong();
                case "if":
                    arity(name, args, 3);
                    return (row, clock) -> truthy(args.get(0).eval(row, clock)) ? args.get(1).eval(row, clock)
                            : args.get(2).eval(row, clock);
                case "date":
                    if (args.size() != 3 && args.size() != 6) {
                        throw error("date takes 3 or 6 arguments");
                    }
                    return (row, clock) -> {
                        int[] parts = new int[6];
                        for (int i = 0; i < args.size(); i++) {
                            parts[i] = ((Number) args.get(i).eval(row, clock)).intValue();
                        }
                        return LocalDateTime.of(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5])
                                .toInstant(ZoneOffset.UTC).toEpochMilli();
                    };
                case "dateAdd":
                    arity(name, args, 3);
                    return (row, clock) -> {
                        long base = ((Number) args.get(0).eval(row, clock)).longValue();
                        long amount = ((Number) args.get(1).eval(row, clock)).longValue();
                        ChronoUnit unit = unit(String.valueOf(args.get(2).eval(row, clock)));
                        return Instant.ofEpochMilli(base).atZone(ZoneOffset.UTC).plus(amount, unit).toInstant()
                                .toEpochMilli();
                    };
                case "startOfPeriod":
                    arity(name, args, 2);
                    return (row, clock) -> {
                        String period = String.valueOf(args.get(0).eval(row, clock));
                        long time = ((Number) args.get(1).eval(row, clock)).longValue();
                        ChronoUnit unit = period.startsWith("hour") ? ChronoUnit.HOURS : ChronoUnit.DAYS;
                        return Instant.ofEpochMilli(time).truncatedTo(unit).toEpochMilli();
                    };
                default:
                    throw new ExpressionException("The fake does not implement the function " + name + "() used in: "
                            + text, true);
            }
        }

        private ChronoUnit unit(String unit) {
            switch (unit) {
                case "days": case "day": return ChronoUnit.DAYS;
                case "hours": case "hour": return ChronoUnit.HOURS;
                case "minutes": case "minute": return ChronoUnit.MINUTES;
                case "weeks": case "week": return ChronoUnit.WEEKS;
                case "months": case "month": return ChronoUnit.MONTHS;
                default: throw new ExpressionException("dateAdd unit '" + unit + "' is not known to the fake", true);
            }
        }

        private void arity(String name, List<Node> args, int expected) {
            if (args.size() != expected) {
                throw error(name + " takes " + expected + " argument(s), not " + args.size());
            }
        }
    }
}
