package io.github.pendoclient.connect.internal;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * One record a sink task took and has not yet settled: Pendo accepted it, or it went to the dead letter queue.
 * Its offset is committed only once it and every earlier record of its partition are settled.
 */
public final class Pending {

    private final SinkRecord record;
    private final TopicPartition partition;
    private final long offset;
    private volatile boolean settled;
    private int retries;

    Pending(SinkRecord record) {
        this.record = record;
        this.partition = new TopicPartition(record.topic(), record.kafkaPartition());
        this.offset = record.kafkaOffset();
    }

    /**
     * The record.
     *
     * @return the record as Connect gave it
     */
    public SinkRecord record() {
        return record;
    }

    /**
     * The record's partition.
     *
     * @return the topic partition
     */
    public TopicPartition partition() {
        return partition;
    }

    /**
     * The record's offset.
     *
     * @return the Kafka offset
     */
    public long offset() {
        return offset;
    }

    /**
     * Counts one more transient failure of this record.
     *
     * @return how many there were, this one included
     */
    public synchronized int retried() {
        return ++retries;
    }

    /**
     * Where the record sits, for messages: topic, partition and offset.
     *
     * @return {@code topic-partition@offset}
     */
    public String where() {
        return "topic " + partition.topic() + ", partition " + partition.partition() + ", offset " + offset;
    }

    /**
     * Whether the record is settled, or its partition was given up.
     *
     * @return true once settled
     */
    public boolean settled() {
        return settled;
    }

    void settle() {
        settled = true;
    }
}
