package io.github.pendoclient.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.testing.internal.Expression;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExprTest {

    @Test
    void comparisonsQuoteStringsAndWriteNumbersAndInstants() {
        assertThat(Expr.field("visitorId").ne("")).hasToString("visitorId != \"\"");
        assertThat(Expr.field("day").ge(Instant.parse("2026-01-01T00:00:00Z"))).hasToString("day >= 1767225600000");
        assertThat(Expr.field("metadata.auto.lastupdated").lt(17L)).hasToString("metadata.auto.lastupdated < 17");
        assertThat(Expr.field("ratio").le(0.5)).hasToString("ratio <= 0.5");
        assertThat(Expr.field("polls[0].id").eq("p")).hasToString("polls[0].id == \"p\"");
        assertThat(Expr.field("flag").eq(true)).hasToString("flag == true");
    }

    @Test
    void escapesQuotesBackslashesControlCharactersAndKeepsBackticksAndUnicode() {
        assertThat(Expr.quote("a\"b")).isEqualTo("\"a\\\"b\"");
        assertThat(Expr.quote("a\\b")).isEqualTo("\"a\\\\b\"");
        assertThat(Expr.quote("line\nnext\ttab\r")).isEqualTo("\"line\\nnext\\ttab\\r\"");
        assertThat(Expr.quote("bell\u0007")).isEqualTo("\"bell\\u0007\"");
        assertThat(Expr.quote("`tick`")).isEqualTo("\"`tick`\"");
        assertThat(Expr.quote("Zoë-東京-😀")).isEqualTo("\"Zoë-東京-😀\"");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "abc\" || visitorId != \"",
                "a\\\" || true || \"",
                "x`) || (`y",
                "new\nline\"",
                "\\",
                "東京\"😀",
                "\"\""
            })
    void hostileIdsStayOneStringLiteral(String hostile) {
        Expr filter = Expr.field("visitorId").eq(hostile);
        Expression parsed = Expression.parse(filter.toString());

        assertThat(parsed.test(Map.of("visitorId", hostile), () -> 0L)).isTrue();
        assertThat(parsed.test(Map.of("visitorId", "someone-else"), () -> 0L)).isFalse();
        assertThat(parsed.test(Map.of("visitorId", ""), () -> 0L)).isFalse();
    }

    @Test
    void combinesWithTheParenthesesPrecedenceNeeds() {
        Expr a = Expr.field("a").eq(1);
        Expr b = Expr.field("b").eq(2);
        Expr c = Expr.field("c").eq(3);

        assertThat(a.and(b.or(c))).hasToString("a == 1 && (b == 2 || c == 3)");
        assertThat(a.or(b.and(c))).hasToString("a == 1 || b == 2 && c == 3");
        assertThat(a.and(b).and(c)).hasToString("a == 1 && b == 2 && c == 3");
        assertThat(a.or(b).not()).hasToString("!(a == 1 || b == 2)");
        assertThat(Expr.field("x").minus(Expr.field("y").minus(1))).hasToString("x - (y - 1)");
        assertThat(Expr.field("x").times(Expr.field("y").plus(1))).hasToString("x * (y + 1)");
        assertThat(Expr.raw("a>1").and(b)).hasToString("(a>1) && b == 2");
    }

    @Test
    void precedenceMatchesEvaluation() {
        Expr expr = Expr.field("a")
                .eq(1)
                .and(Expr.field("b").eq(2).or(Expr.field("c").eq(3)));
        Expression parsed = Expression.parse(expr.toString());

        assertThat(parsed.test(Map.of("a", 1L, "b", 0L, "c", 3L), () -> 0L)).isTrue();
        assertThat(parsed.test(Map.of("a", 0L, "b", 2L, "c", 3L), () -> 0L)).isFalse();
    }

    @Test
    void functionsAndTimeExpressions() {
        assertThat(Expr.isNull("accountId")).hasToString("isNull(accountId)");
        assertThat(Expr.contains("url", "/billing")).hasToString("contains(url, \"/billing\")");
        assertThat(Expr.startsWith("visitorId", "_PENDO_T_")).hasToString("startsWith(visitorId, \"_PENDO_T_\")");
        assertThat(Expr.dateAdd(Expr.now(), -30, "days")).hasToString("dateAdd(now(), -30, \"days\")");
        assertThat(Expr.date(2021, 1, 31)).hasToString("date(2021, 1, 31)");
        assertThat(Expr.startOfPeriod("daily", Expr.now())).hasToString("startOfPeriod(\"daily\", now())");
        assertThat(Expr.call("hash", Expr.field("visitorId"))).hasToString("hash(visitorId)");
        assertThat(Expr.anyOf("appId", List.of(1L, 2L))).hasToString("appId == 1 || appId == 2");
    }

    @Test
    void rejectsWhatCannotBeWrittenSafely() {
        assertThatThrownBy(() -> Expr.field("visitorId == \"x\""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a field path");
        assertThatThrownBy(() -> Expr.field("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Expr.value(null)).hasMessageContaining("isNull");
        assertThatThrownBy(() -> Expr.value(new Object())).hasMessageContaining("No expression literal");
        assertThatThrownBy(() -> Expr.number(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Expr.call("drop table", 1)).hasMessageContaining("Not a function name");
        assertThatThrownBy(() -> Expr.anyOf("a", List.of())).hasMessageContaining("at least one");
    }
}
