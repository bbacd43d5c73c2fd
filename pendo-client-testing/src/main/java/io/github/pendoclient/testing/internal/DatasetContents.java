package io.github.pendoclient.testing.internal;

import io.github.pendoclient.testing.AccountRow;
import io.github.pendoclient.testing.CatalogRow;
import io.github.pendoclient.testing.EventRange;
import io.github.pendoclient.testing.GuideRow;
import io.github.pendoclient.testing.HourlyEvents;
import io.github.pendoclient.testing.MetadataField;
import io.github.pendoclient.testing.ReportRow;
import io.github.pendoclient.testing.SegmentRow;
import io.github.pendoclient.testing.VisitorRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@code Dataset} holds, as one immutable value; {@link DatasetDraft} makes it. Lists and maps are
 * unmodifiable, and so are the rows in them (report results and other sources' rows excepted: treat those as
 * read-only).
 *
 * @param visitors the visitors
 * @param visitorsGenerated whether the visitors are computed on demand from a seed (and not copied by a draft)
 * @param accounts the accounts
 * @param features the features
 * @param pages the pages
 * @param guides the guides
 * @param trackTypes the track types
 * @param segments the segments
 * @param reports the reports
 * @param reportResults report id to its result rows
 * @param visitorSchema the visitors' metadata schema: group to field to schema entry
 * @param accountSchema the accounts' metadata schema
 * @param hourRows the rolled-up hourly event rows
 * @param rows the rows of every other source, by source name
 */
public record DatasetContents(
        List<VisitorRow> visitors,
        boolean visitorsGenerated,
        List<AccountRow> accounts,
        List<CatalogRow> features,
        List<CatalogRow> pages,
        List<GuideRow> guides,
        List<CatalogRow> trackTypes,
        List<SegmentRow> segments,
        List<ReportRow> reports,
        Map<String, List<Map<String, Object>>> reportResults,
        Map<String, Map<String, MetadataField>> visitorSchema,
        Map<String, Map<String, MetadataField>> accountSchema,
        List<HourlyEvents> hourRows,
        Map<String, List<Map<String, Object>>> rows) {

    /**
     * The metadata schema of a kind.
     *
     * @param kind {@code visitor} or {@code account}
     * @return group to field to schema entry
     */
    public Map<String, Map<String, MetadataField>> schema(String kind) {
        return kind.equals("account") ? accountSchema : visitorSchema;
    }

    /**
     * The time range the hourly events cover: from the first hour to the end of the last.
     *
     * @return the range; empty when there are no hourly events
     */
    public Optional<EventRange> eventRange() {
        if (hourRows.isEmpty()) {
            return Optional.empty();
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (HourlyEvents row : hourRows) {
            first = Math.min(first, row.hour());
            last = Math.max(last, row.hour());
        }
        return Optional.of(new EventRange(Instant.ofEpochMilli(first), Instant.ofEpochMilli(last + 3_600_000L)));
    }
}
