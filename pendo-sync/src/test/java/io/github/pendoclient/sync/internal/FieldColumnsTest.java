package io.github.pendoclient.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.sync.ColumnType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Naming and typing metadata field columns: documented, collision-free, stable from run to run. */
class FieldColumnsTest {

    private static final Set<String> VISITOR_COLUMNS =
            Set.of("visitor_id", "account_id", "first_visit", "last_visit", "last_updated", "metadata");

    private static Map<String, Map<String, String>> schema(String... groupFieldType) {
        Map<String, Map<String, String>> schema = new LinkedHashMap<>();
        for (int i = 0; i < groupFieldType.length; i += 3) {
            schema.computeIfAbsent(groupFieldType[i], g -> new LinkedHashMap<>())
                    .put(groupFieldType[i + 1], groupFieldType[i + 2]);
        }
        return schema;
    }

    @Test
    void aNameIsGroupUnderscoreFieldLowerCasedWithEveryOtherCharacterRunAsOneUnderscore() {
        assertThat(FieldColumns.sanitise("agent", "email")).isEqualTo("agent_email");
        assertThat(FieldColumns.sanitise("custom", "Plan Tier (new)")).isEqualTo("custom_plan_tier_new");
        assertThat(FieldColumns.sanitise("salesforce", "Account.Owner__c")).isEqualTo("salesforce_account_owner_c");
        assertThat(FieldColumns.sanitise("", "1st")).isEqualTo("f_1st");
        assertThat(FieldColumns.sanitise("custom", "日本")).isEqualTo("custom");
        assertThat(FieldColumns.sanitise("custom", "x".repeat(100))).hasSize(FieldColumns.MAX_NAME);
    }

    @Test
    void namesThatCollideAfterSanitisingGetDistinctColumnsInTheOrderOfGroupThenField() {
        List<FieldColumns.Field> fields = FieldColumns.extend(
                List.of(),
                VISITOR_COLUMNS,
                schema(
                        "custom",
                        "plan-tier",
                        "string",
                        "custom",
                        "Plan Tier",
                        "integer",
                        "custom",
                        "plan_tier",
                        "boolean",
                        "last",
                        "visit",
                        "time"));

        assertThat(fields)
                .containsExactly(
                        new FieldColumns.Field("custom", "Plan Tier", "custom_plan_tier", ColumnType.BIGINT),
                        new FieldColumns.Field("custom", "plan-tier", "custom_plan_tier_2", ColumnType.TEXT),
                        new FieldColumns.Field("custom", "plan_tier", "custom_plan_tier_3", ColumnType.BOOLEAN),
                        new FieldColumns.Field("last", "visit", "last_visit_2", ColumnType.TIMESTAMP));
    }

    @Test
    void theSameSchemaInAnotherOrderGivesTheSameColumns() {
        List<FieldColumns.Field> one = FieldColumns.extend(
                List.of(), VISITOR_COLUMNS, schema("custom", "a-b", "string", "custom", "a_b", "string"));
        List<FieldColumns.Field> other = FieldColumns.extend(
                List.of(), VISITOR_COLUMNS, schema("custom", "a_b", "string", "custom", "a-b", "string"));

        assertThat(one).isEqualTo(other);
    }

    @Test
    void aFieldAddedLaterThatCollidesWithAnEarlierOneGetsANewNameAndTheEarlierKeepsItsOwn() {
        List<FieldColumns.Field> first =
                FieldColumns.extend(List.of(), VISITOR_COLUMNS, schema("custom", "plan_tier", "string"));
        // "Plan Tier" sorts before "plan_tier": named from scratch it would take custom_plan_tier.
        List<FieldColumns.Field> second = FieldColumns.extend(
                first, VISITOR_COLUMNS, schema("custom", "Plan Tier", "string", "custom", "plan_tier", "integer"));

        assertThat(second)
                .containsExactly(
                        new FieldColumns.Field("custom", "plan_tier", "custom_plan_tier", ColumnType.TEXT),
                        new FieldColumns.Field("custom", "Plan Tier", "custom_plan_tier_2", ColumnType.TEXT));
    }

    @Test
    void aFieldKeepsItsColumnAndTypeWhenItsTypeChangesOrItLeavesTheSchema() {
        List<FieldColumns.Field> first = FieldColumns.extend(
                List.of(), VISITOR_COLUMNS, schema("agent", "seats", "integer", "agent", "score", "float"));

        assertThat(FieldColumns.extend(first, VISITOR_COLUMNS, schema("agent", "seats", "string")))
                .isEqualTo(first);
    }

    @Test
    void eachSchemaTypeHasItsColumnType() {
        assertThat(FieldColumns.typeOf("string")).isEqualTo(ColumnType.TEXT);
        assertThat(FieldColumns.typeOf("integer")).isEqualTo(ColumnType.BIGINT);
        assertThat(FieldColumns.typeOf("float")).isEqualTo(ColumnType.DOUBLE);
        assertThat(FieldColumns.typeOf("number")).isEqualTo(ColumnType.DOUBLE);
        assertThat(FieldColumns.typeOf("boolean")).isEqualTo(ColumnType.BOOLEAN);
        assertThat(FieldColumns.typeOf("time")).isEqualTo(ColumnType.TIMESTAMP);
        assertThat(FieldColumns.typeOf("list")).isEqualTo(ColumnType.JSON);
        assertThat(FieldColumns.typeOf("object")).isEqualTo(ColumnType.JSON);
        assertThat(FieldColumns.typeOf("")).isEqualTo(ColumnType.JSON);
    }

    @Test
    void aValueThatDisagreesWithTheColumnTypeIsConvertedOnlyWithoutLoss() {
        FieldColumns.FieldValue seats = new FieldColumns.FieldValue("agent", "seats", ColumnType.BIGINT);

        assertThat(seats.apply(metadata("agent", "seats", "42"))).isEqualTo(42L);
        assertThat(seats.apply(metadata("agent", "seats", 42.0))).isEqualTo(42L);
        assertThat(seats.apply(metadata("agent", "seats", 42.5))).isNull();
        assertThat(seats.apply(metadata("agent", "seats", "many"))).isNull();
        assertThat(seats.apply(metadata("custom", "seats", 3L)))
                .as("another group")
                .isNull();
    }

    @Test
    void theMappingReadsBackFromItsJson() {
        List<FieldColumns.Field> fields = FieldColumns.extend(
                List.of(), VISITOR_COLUMNS, schema("agent", "a", "string", "custom", "b", "time", "hubspot", "c", ""));

        assertThat(FieldColumns.fromJson(FieldColumns.toJson(fields))).isEqualTo(fields);
    }

    private static Map<String, Object> metadata(String group, String field, Object value) {
        return Map.of("metadata", Map.of(group, Map.of(field, value)));
    }
}
