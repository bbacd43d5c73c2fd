package io.github.pendoclient.connect.internal;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The records a sink task holds, per partition in offset order, and the offsets it may commit: up to the first
 * record not yet settled, so a crash re-sends at most what Pendo had not accepted (at least once). A record at or
 * below an offset the task already took (Connect redelivering after a rewind) is not taken again, and is counted.
 * Thread-safe: the task thread adds and commits, delivery threads settle.
 */
public final class OffsetTracker {

    private final Map<TopicPartition, Part> parts = new HashMap<>();
    private int outstanding;
    private long redelivered;

    private static final class Part {
        final ArrayDeque<Pending> queue = new ArrayDeque<>();
        long highest = -1;
        long next = -1;
    }

    /**
     * Takes a record.
     *
     * @param record the record
     * @return its pending entry, or null when the task already took this offset
     */
    public synchronized Pending add(SinkRecord record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.kafkaPartition());
        Part part = parts.computeIfAbsent(partition, p -> new Part());
        if (record.kafkaOffset() <= part.highest) {
            redelivered++;
            return null;
        }
        Pending pending = new Pending(record);
        part.highest = record.kafkaOffset();
        part.queue.addLast(pending);
        outstanding++;
        return pending;
    }

    /**
     * Settles a record: Pendo accepted it, or it was reported to the dead letter queue.
     *
     * @param pending the record
     */
    public synchronized void settle(Pending pending) {
        if (pending.settled()) {
            return;
        }
        pending.settle();
        outstanding--;
        notifyAll();
    }

    /**
     * The offsets to commit: per partition, the offset of its first unsettled record, or one past the last record
     * taken when all are settled.
     *
     * @return committable offsets, for the partitions where a record was settled
     */
    public synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        parts.forEach((partition, part) -> {
            while (!part.queue.isEmpty() && part.queue.peekFirst().settled()) {
                part.next = part.queue.pollFirst().offset() + 1;
            }
            long next =
                    part.queue.isEmpty() ? part.next : part.queue.peekFirst().offset();
            if (part.next >= 0) {
                offsets.put(partition, new OffsetAndMetadata(next));
            }
        });
        return offsets;
    }

    /**
     * Forgets partitions the task no longer owns; their unsettled records are sent again by the next owner.
     *
     * @param partitions the partitions
     */
    public synchronized void forget(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            Part part = parts.remove(partition);
            if (part != null) {
                for (Pending pending : part.queue) {
                    if (!pending.settled()) {
                        pending.settle();
                        outstanding--;
                    }
                }
            }
        }
        notifyAll();
    }

    /**
     * Records taken and not settled.
     *
     * @return the count
     */
    public synchronized int outstanding() {
        return outstanding;
    }

    /**
     * Waits until fewer than {@code limit} records are outstanding.
     *
     * @param limit the limit
     * @param millis the longest wait
     * @return true if below the limit
     * @throws InterruptedException if interrupted
     */
    public synchronized boolean awaitBelow(int limit, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (outstanding >= limit) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /**
     * Records Connect delivered again at offsets the task had taken (not sent twice).
     *
     * @return the count
     */
    public synchronized long redelivered() {
        return redelivered;
    }
}
