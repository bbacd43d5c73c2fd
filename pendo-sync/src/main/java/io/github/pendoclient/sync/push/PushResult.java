package io.github.pendoclient.sync.push;

/**
 * What a push did (or, in a dry run, would do). The counters add up: every row read is sent, unchanged, skipped
 * missing, or rejected; for events, delivered (within sent), already delivered (within unchanged), or rejected.
 *
 * @param kind what was pushed
 * @param dryRun whether nothing was sent or changed (the counters then say what would have been)
 * @param rowsRead source rows read
 * @param newObjects rows whose id the state did not hold (metadata), or events not delivered before
 * @param changedObjects rows whose mapped values differ from what Pendo last accepted
 * @param sent rows Pendo accepted (a dry run: rows that would be sent, new plus changed, or all with {@code full})
 * @param unchanged rows not sent because Pendo already holds their values, or events already delivered
 * @param cleared objects gone from the source whose mapped fields were set to null ({@link OnMissing#CLEAR})
 * @param skippedMissing rows whose id Pendo does not know, skipped and written to the rejects
 * @param rejected rows not applied: values that could not be converted, invalid events, rows Pendo refused
 * @param fieldsCreated mapped fields absent from Pendo's schema that were written ({@code createFields})
 * @param eventsDelivered track events Pendo accepted in this run
 * @param outcomeUnknown events whose delivery is unknown (the answer was lost, or a killed run had sent them):
 *     they may reach Pendo twice; each is sent again on the next run until its outcome is known
 * @param requests HTTP requests made (zero in a dry run)
 */
public record PushResult(
        PushKind kind,
        boolean dryRun,
        long rowsRead,
        long newObjects,
        long changedObjects,
        long sent,
        long unchanged,
        long cleared,
        long skippedMissing,
        long rejected,
        long fieldsCreated,
        long eventsDelivered,
        long outcomeUnknown,
        long requests) {

    /**
     * Whether every row was applied or already held: nothing rejected, missing or of unknown outcome.
     *
     * @return true when the run was clean
     */
    public boolean complete() {
        return rejected == 0 && skippedMissing == 0 && outcomeUnknown == 0;
    }
}
