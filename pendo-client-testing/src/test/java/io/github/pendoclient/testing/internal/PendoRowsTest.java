package io.github.pendoclient.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.internal.json.JsonValues;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link PendoRows} gives back the very shape {@link RowsFromJson} read, members in the same order, so the fake serves
 * and writes the same bytes as when its rows were maps.
 */
class PendoRowsTest {

    private static void sameText(Map<String, Object> shape, Map<String, Object> written) {
        assertThat(JsonValues.toJson(written)).isEqualTo(JsonValues.toJson(shape));
    }

    @Test
    void catalogRowsComeBackMemberForMember() {
        Map<String, Object> page = Shapes.page("page-1", -323232, "Home", "/home", 1_700_000_000_000L);
        Map<String, Object> feature = Shapes.feature("feature-1", 5L, "Export", "page-1", 1_700_000_000_000L);
        Map<String, Object> trackType = Shapes.trackType("tt-1", -323232, "Exported", 1_700_000_000_000L);

        sameText(page, PendoRows.json(RowsFromJson.catalog(page, "pages[0]")));
        sameText(feature, PendoRows.json(RowsFromJson.catalog(feature, "features[0]")));
        sameText(trackType, PendoRows.json(RowsFromJson.catalog(trackType, "trackTypes[0]")));
    }

    @Test
    void aGuideKeepsItsStateAfterAppIdsAndItsStepsBeforePolls() {
        Map<String, Object> guide =
                GuideShapes.guide("guide-1", -323232, "Survey", "public", 2, "NPSRating", 1_700_000_000_000L);

        sameText(guide, PendoRows.json(RowsFromJson.guide(guide, "guides[0]")));
    }

    @Test
    void aGuideWithoutAppIdsOrPollsHasItsStateAfterItsNameAndItsStepsLast() {
        Map<String, Object> written = PendoRows.json(RowsFromJson.guide(
                Shapes.ordered("id", "g", "appId", 1L, "name", "Tour", "kind", "Guide", "state", "draft"),
                "guides[0]"));

        assertThat(JsonValues.toJson(written))
                .isEqualTo("{\"id\":\"g\",\"appId\":1,\"name\":\"Tour\",\"state\":\"draft\",\"kind\":\"Guide\","
                        + "\"steps\":[]}");
    }

    @Test
    void segmentsReportsAndSchemaEntriesComeBackMemberForMember() {
        Map<String, Object> segment = Shapes.segment("seg-1", "Admins");
        Map<String, Object> report = Shapes.report("rep-1", "Active");
        Map<String, Object> field = Shapes.field("visitor", "custom", "tier", "string");

        sameText(segment, PendoRows.json(RowsFromJson.segment(segment, "segments[0]")));
        sameText(report, PendoRows.json(RowsFromJson.report(report, "reports[0]")));
        sameText(field, PendoRows.json(RowsFromJson.field(field, "metadataSchema.visitor.custom.tier")));
    }
}
