package io.github.pendoclient.connect.internal;

import org.apache.kafka.connect.errors.ConnectException;

/** What a delivery tells its task about each record, from the delivery's own threads. */
public interface Outcomes {

    /**
     * Pendo accepted the record.
     *
     * @param pending the record
     */
    void accepted(Pending pending);

    /**
     * Pendo will never accept the record as it is; it goes to the dead letter queue (or fails the task).
     *
     * @param pending the record
     * @param reason why, in words for the dead letter queue's headers
     */
    void rejected(Pending pending, String reason);

    /**
     * Nothing can be delivered (the credential was refused): the task fails with this.
     *
     * @param failure the failure, its message saying what to change
     */
    void fatal(ConnectException failure);

    /**
     * Pendo may have received a record twice (an answer lost, a retry after an unknown outcome).
     *
     * @param count how many more
     */
    void possibleDuplicates(long count);
}
