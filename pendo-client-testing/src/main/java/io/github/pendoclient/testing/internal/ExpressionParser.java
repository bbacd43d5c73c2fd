package io.github.pendoclient.testing.internal;

import static io.github.pendoclient.testing.internal.Expression.MAX_DEPTH;
import static io.github.pendoclient.testing.internal.ExpressionEvaluator.arithmetic;
import static io.github.pendoclient.testing.internal.ExpressionEvaluator.equal;
import static io.github.pendoclient.testing.internal.ExpressionEvaluator.truthy;

import io.github.pendoclient.testing.internal.ExpressionEvaluator.And;
import io.github.pendoclient.testing.internal.ExpressionEvaluator.Comparison;
import io.github.pendoclient.testing.internal.ExpressionEvaluator.Field;
import io.github.pendoclient.testing.internal.ExpressionEvaluator.Literal;
import io.github.pendoclient.testing.internal.ExpressionEvaluator.Node;
import io.github.pendoclient.testing.internal.ExpressionEvaluator.Or;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The parsing half of {@link Expression}: a recursive-descent parser that turns the text into
 * {@link ExpressionEvaluator} nodes, refusing nesting deeper than {@link Expression#MAX_DEPTH}. One use per text.
 */
final class ExpressionParser {
    private final String text;
    int pos;
    private int depth;

    ExpressionParser(String text) {
        this.text = text;
    }

    ExpressionException error(String what) {
        return new ExpressionException("Invalid expression at position " + pos + " (" + what + "): " + text, false);
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
            if ((token.equals("<") || token.equals(">") || token.equals("!")) && text.startsWith("=", pos + 1)) {
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
            if (operand instanceof Literal literal && literal.value() instanceof Number number) {
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
                case "true":
                    return new Literal(Boolean.TRUE);
                case "false":
                    return new Literal(Boolean.FALSE);
                case "null":
                    return new Literal(null);
                default:
                    return new Field(name);
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
                        && args.get(1).eval(row, clock) instanceof String p
                        && s.startsWith(p);
            case "now":
                arity(name, args, 0);
                return (row, clock) -> clock.getAsLong();
            case "if":
                arity(name, args, 3);
                return (row, clock) -> truthy(args.get(0).eval(row, clock))
                        ? args.get(1).eval(row, clock)
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
                            .toInstant(ZoneOffset.UTC)
                            .toEpochMilli();
                };
            case "dateAdd":
                arity(name, args, 3);
                return (row, clock) -> {
                    long base = ((Number) args.get(0).eval(row, clock)).longValue();
                    long amount = ((Number) args.get(1).eval(row, clock)).longValue();
                    ChronoUnit unit = unit(String.valueOf(args.get(2).eval(row, clock)));
                    return Instant.ofEpochMilli(base)
                            .atZone(ZoneOffset.UTC)
                            .plus(amount, unit)
                            .toInstant()
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
                throw new ExpressionException(
                        "The fake does not implement the function " + name + "() used in: " + text, true);
        }
    }

    private ChronoUnit unit(String unit) {
        switch (unit) {
            case "days":
            case "day":
                return ChronoUnit.DAYS;
            case "hours":
            case "hour":
                return ChronoUnit.HOURS;
            case "minutes":
            case "minute":
                return ChronoUnit.MINUTES;
            case "weeks":
            case "week":
                return ChronoUnit.WEEKS;
            case "months":
            case "month":
                return ChronoUnit.MONTHS;
            default:
                throw new ExpressionException("dateAdd unit '" + unit + "' is not known to the fake", true);
        }
    }

    private void arity(String name, List<Node> args, int expected) {
        if (args.size() != expected) {
            throw error(name + " takes " + expected + " argument(s), not " + args.size());
        }
    }
}
