package io.github.pendoclient.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Dataset}'s typed rows: the records its accessors return, and what the records accept. */
class DatasetRowsTest {

    private static final Instant HOUR = Instant.parse("2026-11-01T10:00:00Z");

    @Test
    void theAccessorsReturnTheRowsTheBuilderAdded() {
        Dataset dataset = Dataset.builder()
                .visitor("v-1", Map.of("agent", Map.of("email", "ada@example.com")))
                .account("acme", Map.of("custom", Map.of("seats", 12L)))
                .page("page-1", -323232, "Home")
                .feature("feature-1", 5L, "Export")
                .trackType("tt-1", -323232, "Exported")
                .guide("guide-1", -323232, "Tour", "draft", 3)
                .segment("seg-1", "Admins")
                .report("rep-1", "Active", List.of(Map.of("visitorId", "v-1")))
                .metadataField("visitor", "custom", "tier", MetadataType.STRING)
                .build();

        assertThat(dataset.visitors())
                .containsExactly(new VisitorRow("v-1", Map.of("agent", Map.of("email", "ada@example.com"))));
        assertThat(dataset.accounts()).containsExactly(new AccountRow("acme", Map.of("custom", Map.of("seats", 12L))));
        assertThat(dataset.pages()).singleElement().satisfies(page -> {
            assertThat(page.id()).isEqualTo("page-1");
            assertThat(page.appId()).isEqualTo(-323232L);
            assertThat(page.name()).isEqualTo("Home");
            assertThat(page.members()).containsEntry("kind", "Page");
        });
        assertThat(dataset.features()).extracting(CatalogRow::appId).containsExactly(5L);
        assertThat(dataset.trackTypes()).extracting(CatalogRow::name).containsExactly("Exported");
        assertThat(dataset.guides()).singleElement().satisfies(guide -> {
            assertThat(guide.state()).isEqualTo("draft");
            assertThat(guide.steps())
                    .extracting(GuideRow.Step::id)
                    .containsExactly("guide-1-s1", "guide-1-s2", "guide-1-s3");
        });
        assertThat(dataset.segments())
                .extracting(SegmentRow::id, SegmentRow::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("seg-1", "Admins"));
        assertThat(dataset.reports()).extracting(ReportRow::id).containsExactly("rep-1");
        assertThat(dataset.metadataSchema("visitor").get("custom").get("tier").type())
                .isEqualTo("string");
    }

    @Test
    void aDatasetFileKeepsEveryOtherMemberOfACatalogRow() {
        Dataset dataset = Dataset.fromJson("{\"pages\": [{\"id\": \"page-1\", \"appId\": -323232, \"name\": \"Home\","
                + " \"kind\": \"Page\", \"isAutoTagged\": true}]}");

        assertThat(dataset.pages())
                .containsExactly(
                        new CatalogRow("page-1", -323232, "Home", Map.of("kind", "Page", "isAutoTagged", true)));
        assertThat(dataset.toJson())
                .contains(
                        "{\"id\":\"page-1\",\"appId\":-323232,\"name\":\"Home\",\"kind\":\"Page\",\"isAutoTagged\":true}");
    }

    @Test
    void rowsRefuseANullIdSayingWhichRow() {
        assertThatThrownBy(() -> new VisitorRow(null, Map.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("visitor")
                .hasMessageContaining("id");
        assertThatThrownBy(() -> new AccountRow(null, Map.of())).hasMessageContaining("account");
        assertThatThrownBy(() -> new CatalogRow(null, 1, "x", Map.of())).hasMessageContaining("id");
        assertThatThrownBy(() -> new GuideRow(null, 1, "x", "public", List.of(), Map.of()))
                .hasMessageContaining("guide");
        assertThatThrownBy(() -> new SegmentRow(null, "x", Map.of())).hasMessageContaining("segment");
        assertThatThrownBy(() -> new ReportRow(null, "x", Map.of())).hasMessageContaining("report");
        assertThatThrownBy(() -> Dataset.builder().visitor(null, Map.of())).hasMessageContaining("visitor");
    }

    @Test
    void aRowsMembersCannotRepeatItsTypedComponents() {
        assertThatThrownBy(() -> new CatalogRow("page-1", 1, "Home", Map.of("name", "Other")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
    }

    @Test
    void rowsCopyWhatTheyAreGivenAndCannotBeChanged() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("email", "ada@example.com");
        Map<String, Map<String, Object>> metadata = new LinkedHashMap<>();
        metadata.put("agent", fields);

        VisitorRow visitor = new VisitorRow("v-1", metadata);
        fields.put("email", "changed@example.com");
        metadata.put("custom", Map.of());

        assertThat(visitor.metadata()).isEqualTo(Map.of("agent", Map.of("email", "ada@example.com")));
        assertThatThrownBy(() -> visitor.metadata().get("agent").put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aVisitorsToStringNamesItsGroupsNotItsValues() {
        VisitorRow visitor = new VisitorRow("v-1", Map.of("agent", Map.of("email", "ada@example.com")));

        assertThat(visitor.toString()).contains("v-1").contains("agent").doesNotContain("ada@example.com");
    }

    @Test
    void fromJsonThenToJsonGivesTheSameTextAndTheSameRows() {
        Dataset generated = Dataset.generator(7)
                .visitors(40)
                .days(1)
                .endingAt(Instant.parse("2026-11-01T00:00:00Z"))
                .typedMetadata()
                .build();

        Dataset read = Dataset.fromJson(generated.toJson());

        assertThat(read.toJson()).isEqualTo(generated.toJson());
        assertThat(read.visitors()).isEqualTo(generated.visitors());
        assertThat(read.guides()).isEqualTo(generated.guides());
        assertThat(read.metadataSchema("account")).isEqualTo(generated.metadataSchema("account"));
    }

    @Test
    void aCatalogRowWithoutAnAppIdIsRefusedNamingTheList() {
        assertThatThrownBy(() -> Dataset.fromJson("{\"pages\": [{\"id\": \"page-1\", \"name\": \"Home\"}]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pages")
                .hasMessageContaining("appId");
    }

    @Test
    void theEventRangeIsEmptyWithoutEvents() {
        assertThat(Dataset.empty().eventRange()).isEmpty();
    }

    @Test
    void theEventRangeRunsFromTheFirstHourToTheEndOfTheLast() {
        Dataset dataset = Dataset.builder()
                .pageEvents("v-1", "acme", -323232, HOUR.plusSeconds(600), "page-1", 2)
                .pageEvents("v-1", "acme", -323232, HOUR.plusSeconds(7200), "page-1", 2)
                .build();

        assertThat(dataset.eventRange()).contains(new EventRange(HOUR, HOUR.plusSeconds(3 * 3600)));
    }
}
