package io.github.pendoclient.sync;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes one table's rows into the sink on a thread of its own, so that the sink's work (serialising, appending,
 * merging, committing) overlaps the download and parsing of the next rows. The reading thread hands rows over in
 * batches through a bounded queue, so at most {@link #QUEUE_BATCHES} batches of {@link #BATCH_ROWS} rows wait in
 * memory whatever the table's size.
 *
 * <p>A checkpoint is handed over in the same queue, after the rows it covers: the writer commits the sink and only
 * then records the checkpoint in the state, so a stored checkpoint never runs ahead of what the sink holds durably,
 * and a killed run resumes exactly as when the engine wrote on one thread. The sink is called from the writer
 * thread only, one call at a time.
 *
 * <p>When the sink fails, the writer keeps the error, drops whatever else is queued (rows after a failed write
 * must not be committed) and the reading thread gets the sink's own exception at its next hand-over or at
 * {@link #finish}. When reading fails, {@link #close} lets the writer finish what was handed over before the
 * failure (commits included), then stops it.
 */
final class TableWriter implements AutoCloseable {

    /** Rows per batch handed to the writer. */
    static final int BATCH_ROWS = 256;
    /**
     * Batches (and checkpoints) that may wait for the writer. More let reading run further ahead while the sink
     * merges, but every waiting row is live heap: with 16 the demo's DuckDB sync used more CPU (collecting garbage
     * under {@code -Xmx128m}) and ran slower than with 4.
     */
    static final int QUEUE_BATCHES = 4;

    private static final Object STOP = new Object();

    /** A commit of everything handed over before it, then the checkpoint (if any) stored with its position. */
    private record Commit(Checkpoint checkpoint) {}

    private final Table table;
    private final Sink sink;
    private final SyncState state;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
    private final Thread thread;
    private List<Map<String, Object>> batch = new ArrayList<>(BATCH_ROWS);
    private volatile Throwable failure;
    private boolean stopped;

    private TableWriter(Table table, Sink sink, SyncState state) {
        this.table = table;
        this.sink = sink;
        this.state = state;
        this.thread = new Thread(this::drain, "pendo-sync-writer-" + table.name());
        this.thread.setDaemon(true);
    }

    /**
     * Starts a writer for a table the sink has opened.
     *
     * @param table the table
     * @param sink the sink, opened for the table
     * @param state where checkpoints go once the sink has committed
     * @return the writer, running
     */
    static TableWriter start(Table table, Sink sink, SyncState state) {
        TableWriter writer = new TableWriter(table, sink, state);
        writer.thread.start();
        return writer;
    }

    /**
     * Hands a row over.
     *
     * @param row the row
     * @throws IOException the sink's error if the writer has failed, or if interrupted while waiting
     */
    void write(Map<String, Object> row) throws IOException {
        batch.add(row);
        if (batch.size() >= BATCH_ROWS) {
            handOver(batch);
            batch = new ArrayList<>(BATCH_ROWS);
        }
    }

    /**
     * Hands a checkpoint over: the sink commits every row handed over so far, then the checkpoint is stored.
     *
     * @param checkpoint the checkpoint that holds once those rows are durable
     * @throws IOException the sink's error if the writer has failed, or if interrupted while waiting
     */
    void checkpoint(Checkpoint checkpoint) throws IOException {
        flushBatch();
        handOver(new Commit(checkpoint));
    }

    /**
     * Commits what is left (storing the checkpoint, if any) and waits until the writer is done.
     *
     * @param checkpoint the table's final checkpoint, or null to commit without storing one
     * @throws IOException the sink's error, or if interrupted while waiting
     */
    void finish(Checkpoint checkpoint) throws IOException {
        flushBatch();
        handOver(new Commit(checkpoint));
        stop();
        rethrow();
    }

    private void flushBatch() throws IOException {
        if (!batch.isEmpty()) {
            handOver(batch);
            batch = new ArrayList<>(BATCH_ROWS);
        }
    }

    private void handOver(Object item) throws IOException {
        rethrow();
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing rows of " + table.name() + " to the sink");
        }
        rethrow();
    }

    private void rethrow() throws IOException {
        Throwable failed = failure;
        if (failed instanceof IOException io) {
            throw io;
        }
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failed instanceof Error error) {
            throw error;
        }
    }

    /** Lets the writer finish what is queued, then ends its thread. */
    private void stop() throws InterruptedIOException {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            queue.put(STOP);
            thread.join();
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the sink to write " + table.name());
        }
    }

    @SuppressWarnings("unchecked")
    private void drain() {
        try {
            for (Object item = queue.take(); item != STOP; item = queue.take()) {
                if (failure != null) {
                    continue; // after a failure, nothing more is written or committed
                }
                try {
                    if (item instanceof Commit commit) {
                        OptionalLong position = sink.commit(table);
                        if (commit.checkpoint() != null) {
                            state.put(table.name(), TableState.of(commit.checkpoint(), position));
                        }
                    } else {
                        for (Map<String, Object> row : (List<Map<String, Object>>) item) {
                            sink.write(table, row);
                        }
                    }
                } catch (IOException | RuntimeException | Error e) {
                    failure = e;
                }
            }
        } catch (InterruptedException e) {
            failure = new InterruptedIOException("the writer of " + table.name() + " was interrupted");
        }
    }

    /**
     * Stops the writer after what was handed over; for the reading thread's failure path (after {@link #finish}
     * it does nothing). An interrupt while waiting is kept as the thread's interrupt flag.
     */
    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedIOException e) {
            // The interrupt flag is set again; the reading thread's own exception is already on its way.
        }
    }
}
