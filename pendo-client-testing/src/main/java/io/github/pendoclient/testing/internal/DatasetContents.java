package io.github.pendoclient.testing.internal;

import io.github.pendoclient.testing.HourlyEvents;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a {@code Dataset} holds, as one immutable value; {@link DatasetDraft} makes it. Lists and maps are
 * unmodifiable; the rows in them are shared, so treat them as read-only.
 *
 * @param visitors the visitors ({@code visitorId}, {@code metadata})
 * @param visitorsGenerated whether the visitors are computed on demand from a seed (and not copied by a draft)
 * @param accounts the accounts ({@code accountId}, {@code metadata})
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
        List<Map<String, Object>> visitors,
        boolean visitorsGenerated,
        List<Map<String, Object>> accounts,
        List<Map<String, Object>> features,
        List<Map<String, Object>> pages,
        List<Map<String, Object>> guides,
        List<Map<String, Object>> trackTypes,
        List<Map<String, Object>> segments,
        List<Map<String, Object>> reports,
        Map<String, List<Map<String, Object>>> reportResults,
        Map<String, Map<String, Map<String, Object>>> visitorSchema,
        Map<String, Map<String, Map<String, Object>>> accountSchema,
        List<HourlyEvents> hourRows,
        Map<String, List<Map<String, Object>>> rows) {

    /**
     * The metadata schema of a kind.
     *
     * @param kind {@code visitor} or {@code account}
     * @return group to field to schema entry
     */
    public Map<String, Map<String, Map<String, Object>>> schema(String kind) {
        return kind.equals("account") ? accountSchema : visitorSchema;
    }

    /**
     * The time range the hourly events cover: from the first hour to the end of the last.
     *
     * @return {@code [first, end)}, or null when there are no hourly events
     */
    public Instant[] eventRange() {
        if (hourRows.isEmpty()) {
            return null;
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (HourlyEvents row : hourRows) {
            first = Math.min(first, row.hour());
            last = Math.max(last, row.hour());
        }
        return new Instant[] {Instant.ofEpochMilli(first), Instant.ofEpochMilli(last + 3_600_000L)};
    }
}
