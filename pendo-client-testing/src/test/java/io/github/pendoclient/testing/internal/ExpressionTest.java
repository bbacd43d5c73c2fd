package io.github.pendoclient.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionTest {

    private static final Map<String, Object> ROW = Map.of(
            "visitorId",
            "v-1",
            "n",
            7L,
            "ratio",
            0.5,
            "metadata",
            Map.of("auto", Map.of("lastupdated", 1000L)),
            "tags",
            List.of("a", "b"),
            "polls",
            List.of(Map.of("id", "p1")));

    private static Object eval(String expression) {
        return Expression.parse(expression).evaluate(ROW, () -> 86_400_000L);
    }

    @Test
    void literalsPathsAndArithmetic() {
        assertThat(eval("n * 2 + 1")).isEqualTo(15L);
        assertThat(eval("n / 2")).isEqualTo(3.5);
        assertThat(eval("n % 4")).isEqualTo(3L);
        assertThat(eval("-n")).isEqualTo(-7L);
        assertThat(eval("ratio * 4")).isEqualTo(2.0);
        assertThat(eval("metadata.auto.lastupdated")).isEqualTo(1000L);
        assertThat(eval("polls[0].id")).isEqualTo("p1");
        assertThat(eval("missing.field")).isNull();
        assertThat(eval("\"a\\\"b\\\\c\\n\\u00e9\"")).isEqualTo("a\"b\\c\né");
        assertThat(eval("`back`")).isEqualTo("back");
    }

    @Test
    void comparisonsAndLogicWithCPrecedence() {
        assertThat(eval("n > 5 && n < 10")).isEqualTo(true);
        assertThat(eval("n == 1 || n == 7 && visitorId == \"v-1\"")).isEqualTo(true);
        assertThat(eval("(n == 1 || n == 7) && visitorId == \"x\"")).isEqualTo(false);
        assertThat(eval("!(n >= 7)")).isEqualTo(false);
        assertThat(eval("visitorId != \"\"")).isEqualTo(true);
        assertThat(eval("n == 7.0")).isEqualTo(true);
        assertThat(eval("visitorId == 5")).isEqualTo(false);
    }

    @Test
    void orderingAStringAgainstANumberIsATypeError() {
        assertThatThrownBy(() -> eval("visitorId > 5"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("Type error")
                .hasMessageContaining("a string \"v-1\" and a number 5");
    }

    @Test
    void divisionAndRemainderByZeroAreErrors() {
        assertThatThrownBy(() -> eval("n / 0"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("Division by zero");
        assertThatThrownBy(() -> eval("ratio % 0.0"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("Division by zero");
    }

    @Test
    void missingFieldsMakeComparisonsFalseAndArithmeticNull() {
        assertThat(eval("missing > 5")).isEqualTo(false);
        assertThat(eval("missing + 1")).isNull();
        assertThat(eval("missing / 0")).isNull();
    }

    @Test
    void arithmeticOnAnObjectOrAStringIsATypeError() {
        assertThatThrownBy(() -> eval("metadata * 2"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("an object");
        assertThatThrownBy(() -> eval("visitorId - 1")).isInstanceOf(ExpressionException.class);
        assertThatThrownBy(() -> eval("date(\"x\", 1, 2)")).isInstanceOf(ExpressionException.class);
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "(".repeat(5_000) + "n" + ")".repeat(5_000);
        assertThatThrownBy(() -> Expression.parse(deep))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("nested deeper than " + Expression.MAX_DEPTH);
        assertThatThrownBy(() -> Expression.parse("!".repeat(5_000) + "n")).isInstanceOf(ExpressionException.class);
        assertThatThrownBy(() -> Expression.parse("-".repeat(5_000) + "n")).isInstanceOf(ExpressionException.class);
        assertThat(Expression.parse("(".repeat(30) + "n" + ")".repeat(30)).evaluate(ROW, () -> 0L))
                .isEqualTo(7L);
    }

    @Test
    void overlongExpressionsAreRefused() {
        assertThatThrownBy(() -> Expression.parse("n + ".repeat(20_000) + "n"))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("characters long");
    }

    @Test
    void recognizesAKeysetCursorConditionAndNothingElse() {
        List<String> fields = List.of("metadata.auto.lastupdated", "visitorId");
        Expression cursor = Expression.parse(
                "metadata.auto.lastupdated > 5 || metadata.auto.lastupdated == 5" + " && visitorId >= \"v-9\"");
        assertThat(cursor.keysetBound(fields)).isEqualTo(new Expression.KeysetBound(List.of(5L, "v-9"), true));
        assertThat(Expression.parse("visitorId > \"a\"").keysetBound(List.of("visitorId")))
                .isEqualTo(new Expression.KeysetBound(List.of("a"), false));
        assertThat(Expression.parse("visitorId > \"a\" && n > 1").keysetBound(List.of("visitorId")))
                .isNull();
        assertThat(Expression.parse("metadata.auto.lastupdated > 5 || metadata.auto.lastupdated == 6"
                                + " && visitorId >= \"v\"")
                        .keysetBound(fields))
                .isNull();
        assertThat(Expression.parse("visitorId < \"a\"").keysetBound(List.of("visitorId")))
                .isNull();
    }

    @Test
    void functions() {
        assertThat(eval("isNull(accountId) && !isNull(visitorId)")).isEqualTo(true);
        assertThat(eval("contains(visitorId, \"-\") && contains(tags, \"b\")")).isEqualTo(true);
        assertThat(eval("startsWith(visitorId, \"v\")")).isEqualTo(true);
        assertThat(eval("now()")).isEqualTo(86_400_000L);
        assertThat(eval("date(1970, 1, 2)")).isEqualTo(86_400_000L);
        assertThat(eval("dateAdd(now(), -1, \"days\")")).isEqualTo(0L);
        assertThat(eval("startOfPeriod(\"daily\", now() + 5)")).isEqualTo(86_400_000L);
        assertThat(eval("if(n > 5, \"big\", \"small\")")).isEqualTo("big");
    }

    @Test
    void errorsSayWhatIsWrong() {
        assertThatThrownBy(() -> Expression.parse("n =="))
                .isInstanceOfSatisfying(
                        ExpressionException.class,
                        e -> assertThat(e.unsupported()).isFalse())
                .hasMessageContaining("ends early");
        assertThatThrownBy(() -> Expression.parse("\"open")).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> Expression.parse("hash(visitorId)"))
                .isInstanceOfSatisfying(
                        ExpressionException.class,
                        e -> assertThat(e.unsupported()).isTrue());
        assertThatThrownBy(() -> Expression.parse("a b")).hasMessageContaining("unexpected");
    }
}
