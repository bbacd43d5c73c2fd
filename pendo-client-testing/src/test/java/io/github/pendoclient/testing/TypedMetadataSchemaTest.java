package io.github.pendoclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.model.MetadataFieldSchema;
import io.github.pendoclient.model.MetadataSchema;
import io.github.pendoclient.resource.MetadataKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The typed metadata schema fixture (issue 26): every type in several groups, a few disagreeing rows, changes. */
class TypedMetadataSchemaTest {

    static final Instant END = Instant.parse("2026-11-01T00:00:00Z");

    private static DatasetGenerator generator() {
        return Dataset.generator(7).visitors(200).days(0).endingAt(END).typedMetadata();
    }

    @SuppressWarnings("unchecked")
    private static Object value(VisitorRow person, String group, String field) {
        Map<String, Object> fields = person.metadata().get(group);
        return fields != null ? fields.get(field) : null;
    }

    private static String type(Dataset dataset, String kind, String group, String field) {
        return dataset.metadataSchema(kind).get(group).get(field).type();
    }

    private static List<VisitorRow> identified(Dataset dataset) {
        return dataset.visitors().stream()
                .filter(v -> !v.id().startsWith("_PENDO_T_"))
                .toList();
    }

    @Test
    void theTypedSchemaHasEveryTypeInEachOfTheFiveGroups() {
        Dataset dataset = generator().build();
        for (String kind : List.of("visitor", "account")) {
            Map<String, Map<String, MetadataField>> schema = dataset.metadataSchema(kind);
            assertThat(schema).containsKeys("agent", "custom", "salesforce", "hubspot", "auto");
            Set<Object> types = schema.values().stream()
                    .flatMap(fields -> fields.values().stream())
                    .map(MetadataField::type)
                    .collect(Collectors.toSet());
            assertThat(types).as(kind).contains("string", "float", "integer", "boolean", "time", "list", "object");
        }
    }

    @Test
    void valuesHaveTheTypeTheirSchemaSaysOnMostRows() {
        Dataset dataset = generator().build();
        List<VisitorRow> visitors = identified(dataset);
        assertThat(type(dataset, "visitor", "custom", "mrr")).isEqualTo("float");
        assertThat(type(dataset, "visitor", "hubspot", "last_contacted")).isEqualTo("time");
        long numbers = visitors.stream()
                .filter(v -> value(v, "custom", "mrr") instanceof Double)
                .count();
        assertThat(numbers).isGreaterThan(visitors.size() * 8L / 10);
        assertThat(visitors).allSatisfy(v -> {
            Object time = value(v, "hubspot", "last_contacted");
            if (time instanceof Long millis) {
                assertThat(Instant.ofEpochMilli(millis)).isBefore(END).isAfter(END.minusSeconds(3L * 365 * 86_400));
            }
        });
        assertThat(visitors)
                .anySatisfy(v -> assertThat(value(v, "agent", "tags")).isInstanceOf(List.class));
        assertThat(visitors)
                .anySatisfy(v -> assertThat(value(v, "custom", "billing")).isInstanceOf(Map.class));
        assertThat(visitors)
                .anySatisfy(
                        v -> assertThat(value(v, "salesforce", "is_customer")).isInstanceOf(Boolean.class));
    }

    @Test
    void aFewRowsSendANumericStringForANumberField() {
        Dataset dataset = generator().build();
        List<VisitorRow> visitors = identified(dataset);
        List<Object> strings = visitors.stream()
                .map(v -> value(v, "custom", "mrr"))
                .filter(String.class::isInstance)
                .toList();
        assertThat(strings).isNotEmpty().hasSizeLessThan(visitors.size() / 5);
        assertThat(strings).allSatisfy(text -> Double.parseDouble((String) text));
    }

    @Test
    void theSameSeedGivesTheSameTypedValues() {
        assertThat(generator().build().toJson()).isEqualTo(generator().build().toJson());
    }

    @Test
    void theGeneratorChangesTheSchemaAndTheValuesTogetherAndLeavesTheOtherFieldsAlone() {
        DatasetGenerator generator = generator();
        Dataset before = generator.build();
        Dataset after = generator
                .metadataField("visitor", "custom", "nps", MetadataType.INTEGER)
                .metadataField("visitor", "custom", "mrr", MetadataType.STRING)
                .removeMetadataField("visitor", "hubspot", "lists")
                .build();

        assertThat(type(after, "visitor", "custom", "nps")).isEqualTo("integer");
        assertThat(type(after, "visitor", "custom", "mrr")).isEqualTo("string");
        assertThat(after.metadataSchema("visitor").get("hubspot")).doesNotContainKey("lists");
        VisitorRow one = identified(after).get(0);
        VisitorRow same = identified(before).get(0);
        assertThat(value(one, "custom", "nps")).isNotNull();
        assertThat(value(one, "custom", "mrr")).isInstanceOf(String.class);
        assertThat(value(one, "hubspot", "lists")).isNull();
        assertThat(value(same, "hubspot", "lists")).isNotNull();
        assertThat(value(one, "agent", "department")).isEqualTo(value(same, "agent", "department"));
        assertThat(value(one, "auto", "lastupdated")).isEqualTo(value(same, "auto", "lastupdated"));
    }

    @Test
    void aChangedCopyOfADatasetHasOneFieldAddedAndOneRetypedAndTheOriginalIsUntouched() {
        Dataset original = generator().build();
        Dataset changed = original.toBuilder()
                .metadataField("account", "hubspot", "deal_stage", MetadataType.STRING)
                .metadataField("account", "custom", "arr", MetadataType.INTEGER)
                .build();

        assertThat(type(changed, "account", "hubspot", "deal_stage")).isEqualTo("string");
        assertThat(type(changed, "account", "custom", "arr")).isEqualTo("integer");
        assertThat(type(original, "account", "custom", "arr")).isEqualTo("float");
        assertThat(original.metadataSchema("account").get("hubspot")).doesNotContainKey("deal_stage");
        assertThat(changed.visitors()).isEqualTo(original.visitors());
    }

    @Test
    void removingAFieldFromACopyLeavesTheOriginalsSchema() {
        Dataset original = generator().build();
        Dataset changed = original.toBuilder()
                .removeMetadataField("visitor", "agent", "tags")
                .build();

        assertThat(changed.metadataSchema("visitor").get("agent")).doesNotContainKey("tags");
        assertThat(original.metadataSchema("visitor").get("agent")).containsKey("tags");
    }

    @Test
    void theBuilderRemovesAFieldAndTakesATypedField() {
        Dataset dataset = Dataset.builder()
                .metadataField("visitor", "custom", "nps", MetadataType.INTEGER)
                .metadataField("visitor", "custom", "gone", MetadataType.BOOLEAN)
                .removeMetadataField("visitor", "custom", "gone")
                .build();

        assertThat(dataset.metadataSchema("visitor").get("custom")).containsOnlyKeys("nps");
        assertThat(type(dataset, "visitor", "custom", "nps")).isEqualTo("integer");
    }

    @Test
    void metadataTypesCarryPendosTypeNames() {
        assertThat(MetadataType.NUMBER.pendoName()).isEqualTo("float");
        assertThat(MetadataType.TIME.pendoName()).isEqualTo("time");
        assertThat(MetadataType.fromPendoName("integer")).contains(MetadataType.INTEGER);
        assertThat(MetadataType.fromPendoName("")).isEmpty();
    }

    @Test
    void theTypedSchemaSurvivesJson() {
        Dataset dataset = generator().build();
        assertThat(Dataset.fromJson(dataset.toJson()).metadataSchema("visitor"))
                .isEqualTo(dataset.metadataSchema("visitor"));
    }

    @Test
    void aRunningFakeServesTheReplacedDatasetsSchema() {
        DatasetGenerator generator = generator();
        try (FakePendo pendo =
                FakePendo.builder().dataset(generator.build()).build().start()) {
            MetadataSchema first = pendo.client().metadata().schema(MetadataKind.VISITOR);
            assertThat(first.field("custom", "mrr").map(MetadataFieldSchema::type))
                    .contains("float");

            pendo.replaceDataset(generator
                    .metadataField("visitor", "custom", "mrr", MetadataType.STRING)
                    .metadataField("visitor", "custom", "nps", MetadataType.INTEGER)
                    .removeMetadataField("visitor", "hubspot", "lists")
                    .build());
            MetadataSchema second = pendo.client().metadata().schema(MetadataKind.VISITOR);

            assertThat(second.field("custom", "mrr").map(MetadataFieldSchema::type))
                    .contains("string");
            assertThat(second.field("custom", "nps")).isPresent();
            assertThat(second.field("hubspot", "lists")).isEmpty();
            assertThat(first.field("hubspot", "lists")).isPresent();
        }
    }

    @Test
    void replacingTheDatasetKeepsRecordedRequests() {
        try (FakePendo pendo =
                FakePendo.builder().dataset(generator().build()).build().start()) {
            pendo.client().metadata().schema(MetadataKind.ACCOUNT);
            pendo.replaceDataset(Dataset.empty());

            assertThat(pendo.requestCount(Endpoint.METADATA_SCHEMA)).isEqualTo(1);
            assertThat(pendo.dataset().visitors()).isEmpty();
        }
    }
}
