package io.github.pendoclient.resource;

import java.util.List;

/**
 * The combined outcome of a metadata bulk update over every chunk. The counters are the sums of what Pendo's answers
 * reported; an answer that left a counter out (or sent it as a fraction) adds nothing to it, and its
 * {@code missing} ids and {@code errors} still count.
 *
 * @param total rows Pendo counted, summed over requests
 * @param updated rows Pendo updated
 * @param failed rows Pendo reported as failed
 * @param missing ids Pendo did not know (send {@code create=true} to create them)
 * @param errors Pendo's error entries, as sent
 * @param rejected rows that were never applied: rejected by Pendo alone in a batch, or by local validation
 * @param requests how many bulk requests were sent
 */
public record BulkUpdateReport(
        long total,
        long updated,
        long failed,
        List<String> missing,
        List<Object> errors,
        List<RejectedRow> rejected,
        int requests) {

    /**
     * A row that was not applied, and why.
     *
     * @param row the row
     * @param reason Pendo's or the validator's message
     */
    public record RejectedRow(MetadataRow row, String reason) {}

    /**
     * Copies the lists.
     *
     * @param total rows counted
     * @param updated rows updated
     * @param failed rows failed
     * @param missing unknown ids
     * @param errors Pendo's errors
     * @param rejected rows not applied
     * @param requests requests sent
     */
    public BulkUpdateReport {
        missing = List.copyOf(missing);
        errors = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(errors));
        rejected = List.copyOf(rejected);
    }

    /**
     * Whether every row was applied: nothing failed, missing or rejected.
     *
     * @return true when the update was complete
     */
    public boolean complete() {
        return failed == 0 && missing.isEmpty() && rejected.isEmpty();
    }
}
