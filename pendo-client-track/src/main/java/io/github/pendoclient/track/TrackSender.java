package io.github.pendoclient.track;

import io.github.pendoclient.error.PendoException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;

/**
 * Sends track events in the background through a bounded queue, and never loses one silently: each event ends
 * delivered, failed or dropped, and each end reaches the {@link TrackListener} and the counters ({@link #stats()}).
 *
 * <ul>
 *   <li>{@link #track(TrackEvent)} validates the event and queues it; it blocks only under
 *       {@link OverflowPolicy#BLOCK}, and then at most for the block timeout.</li>
 *   <li>Several sending threads ({@code pendo-track-sender-N}, daemon) share the client's per-endpoint rate limit;
 *       a 429 with {@code Retry-After} pauses all of them. Transient failures are retried with backoff within the
 *       client's retry budget; 400, 401 and 403 fail at once.</li>
 *   <li>{@link #flush()} completes once every event queued before the call has ended.</li>
 *   <li>{@link #close()} stops intake, drains within the close timeout, then cancels what is in flight and fails
 *       what is left through the listener. It is idempotent.</li>
 * </ul>
 *
 * <p>Delivery is at least once while the process lives: an event whose answer was lost may be sent again by a
 * retry. Nothing is kept on disk. Thread-safe.
 */
public final class TrackSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrackSender.class);
    private static final AtomicInteger SENDERS = new AtomicInteger();

    /** What {@link #track(TrackEvent)} does when the queue is full. */
    public enum OverflowPolicy {
        /** Wait up to the block timeout for room, then drop the new event ({@link TrackListener.DropReason#QUEUE_FULL}). */
        BLOCK,
        /** Drop the new event at once. */
        DROP_NEWEST,
        /** Drop the oldest queued event to make room ({@link TrackListener.DropReason#OLDEST_EVICTED}). */
        DROP_OLDEST,
        /** Refuse the new event with {@link TrackQueueFullException}; it is the caller's to keep. */
        THROW
    }

    private final TrackClient client;
    private final Options options;
    private final LinkedBlockingDeque<Item> queue;
    private final ExecutorService workers;
    private final boolean ownsWorkers;
    private final List<Future<?>> workerFutures = new ArrayList<>();
    private final ExecutorService listenerThread;
    private final Set<Call<Void>> calls = ConcurrentHashMap.newKeySet();
    private final Set<Item> inFlightItems = ConcurrentHashMap.newKeySet();
    private final long retriesAtStart;
    private final AtomicLong sequence = new AtomicLong();
    private final Object lock = new Object();
    private final List<FlushWaiter> flushWaiters = new ArrayList<>();
    private final java.util.TreeSet<Long> pendingSequences = new java.util.TreeSet<>();
    private long enqueued;
    private long delivered;
    private long failed;
    private long dropped;
    private long inFlight;
    private volatile boolean closing;
    private final AtomicInteger closeState = new AtomicInteger();

    TrackSender(TrackClient client, Options options) {
        this.client = client;
        this.options = options;
        this.queue = new LinkedBlockingDeque<>(options.queueCapacity);
        int id = SENDERS.incrementAndGet();
        this.ownsWorkers = options.executor == null;
        this.workers = ownsWorkers
                ? Executors.newFixedThreadPool(options.concurrency, daemonThreads("pendo-track-sender-" + id + "-"))
                : options.executor;
        this.listenerThread = Executors.newSingleThreadExecutor(daemonThreads("pendo-track-listener-" + id + "-"));
        this.retriesAtStart = client.stats().retries();
        for (int i = 0; i < options.concurrency; i++) {
            workerFutures.add(workers.submit(this::sendLoop));
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Queues an event for sending.
     *
     * @param event the event
     * @return true if queued; false if dropped (the listener hears why)
     * @throws InvalidTrackEventException if the event breaks a rule; nothing is queued
     * @throws TrackQueueFullException if the queue is full and the policy is {@link OverflowPolicy#THROW}
     */
    public boolean track(TrackEvent event) {
        client.validate(event);
        Item item = new Item(event, sequence.incrementAndGet());
        if (closing) {
            accept(item);
            settleDropped(item, TrackListener.DropReason.SENDER_CLOSED);
            return false;
        }
        switch (options.overflow) {
            case THROW -> {
                synchronized (lock) {
                    if (queue.offerLast(item)) {
                        accepted(item);
                        return true;
                    }
                }
                throw new TrackQueueFullException(options.queueCapacity);
            }
            case DROP_NEWEST -> {
                return offerOrDrop(item, false);
            }
            case DROP_OLDEST -> {
                while (true) {
                    synchronized (lock) {
                        if (queue.offerLast(item)) {
                            accepted(item);
                            return true;
                        }
                    }
                    Item oldest = queue.pollFirst();
                    if (oldest != null) {
                        settleDropped(oldest, TrackListener.DropReason.OLDEST_EVICTED);
                    }
                }
            }
            default -> {
                return offerOrDrop(item, true);
            }
        }
    }

    private boolean offerOrDrop(Item item, boolean block) {
        synchronized (lock) {
            if (queue.offerLast(item)) {
                accepted(item);
                return true;
            }
        }
        if (block) {
            long deadline = System.nanoTime() + options.blockTimeout.toNanos();
            while (System.nanoTime() < deadline && !closing) {
                synchronized (lock) {
                    if (queue.offerLast(item)) {
                        accepted(item);
                        return true;
                    }
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        accept(item);
        settleDropped(item, TrackListener.DropReason.QUEUE_FULL);
        return false;
    }

    /** Counts an event that entered the queue; caller holds the lock. */
    private void accepted(Item item) {
        enqueued++;
        pendingSequences.add(item.sequence);
    }

    /** Counts an event that is dropped on arrival, so it is settled like any other. */
    private void accept(Item item) {
        synchronized (lock) {
            accepted(item);
        }
    }

    private void sendLoop() {
        while (true) {
            Item item;
            try {
                item = queue.pollFirst(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (item == null) {
                if (closing && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            synchronized (lock) {
                if (item.settled) {
                    continue;
                }
                item.inFlight = true;
                inFlight++;
            }
            inFlightItems.add(item);
            send(item);
            inFlightItems.remove(item);
            if (Thread.currentThread().isInterrupted() && closeState.get() == 2) {
                return;
            }
        }
    }

    private void send(Item item) {
        Call<Void> call;
        try {
            call = client.call(item.event);
        } catch (PendoException e) {
            settle(item, Outcome.FAILED, e, null);
            return;
        }
        calls.add(call);
        try {
            client.http().execute(call);
            settle(item, Outcome.DELIVERED, null, null);
        } catch (PendoException e) {
            settle(item, Outcome.FAILED, e, null);
        } catch (RuntimeException e) {
            settle(item, Outcome.FAILED, new PendoException("Sending a track event failed unexpectedly: " + e, e),
                    null);
        } finally {
            calls.remove(call);
        }
    }

    private void settleDropped(Item item, TrackListener.DropReason reason) {
        settle(item, Outcome.DROPPED, null, reason);
    }

    private enum Outcome { DELIVERED, FAILED, DROPPED }

    private void settle(Item item, Outcome outcome, PendoException failure, TrackListener.DropReason reason) {
        List<CompletableFuture<Void>> done = new ArrayList<>();
        synchronized (lock) {
            if (item.settled) {
                return;
            }
            item.settled = true;
            if (item.inFlight) {
                inFlight--;
            }
            switch (outcome) {
                case DELIVERED -> delivered++;
                case FAILED -> failed++;
                default -> dropped++;
            }
            pendingSequences.remove(item.sequence);
            long firstPending = pendingSequences.isEmpty() ? Long.MAX_VALUE : pendingSequences.first();
            for (Iterator<FlushWaiter> it = flushWaiters.iterator(); it.hasNext(); ) {
                FlushWaiter waiter = it.next();
                if (waiter.upTo < firstPending) {
                    done.add(waiter.future);
                    it.remove();
                }
            }
        }
        notifyListener(item.event, outcome, failure, reason);
        done.forEach(future -> future.complete(null));
    }

    private void notifyListener(TrackEvent event, Outcome outcome, PendoException failure,
                                TrackListener.DropReason reason) {
        TrackListener listener = options.listener;
        Runnable callback = switch (outcome) {
            case DELIVERED -> () -> listener.onDelivered(event);
            case FAILED -> () -> listener.onFailed(event, failure);
            default -> () -> listener.onDropped(event, reason);
        };
        try {
            listenerThread.execute(() -> {
                try {
                    callback.run();
                } catch (RuntimeException e) {
                    LOG.warn("The track listener threw on {} of {}; ignored", outcome, event, e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.warn("Track event {} ended {} after the sender's listener stopped", event, outcome);
        }
    }

    /**
     * Waits for every event queued before this call to end (delivered, failed or dropped).
     *
     * @return a future that completes then; it never completes exceptionally
     */
    public CompletableFuture<Void> flush() {
        CompletableFuture<Void> future = new CompletableFuture<>();
        synchronized (lock) {
            long upTo = sequence.get();
            if (pendingSequences.isEmpty() || pendingSequences.first() > upTo) {
                future.complete(null);
            } else {
                flushWaiters.add(new FlushWaiter(upTo, future));
            }
        }
        return future;
    }

    /**
     * A consistent snapshot of the counters.
     *
     * @return the counters
     */
    public TrackSenderStats stats() {
        synchronized (lock) {
            long pending = pendingSequences.size();
            return new TrackSenderStats(enqueued, delivered, client.stats().retries() - retriesAtStart, failed,
                    dropped, pending - inFlight, inFlight);
        }
    }

    /**
     * Stops intake, sends what is queued within the close timeout, then cancels what is in flight and fails what is
     * left through the listener. Idempotent; returns once the listener has heard of every event (or after a further
     * close timeout if the listener is stuck).
     */
    @Override
    public void close() {
        if (!closeState.compareAndSet(0, 1)) {
            return;
        }
        closing = true;
        Duration timeout = options.closeTimeout;
        try {
            flush().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("The track sender could not deliver {} events within {}; failing them", stats().pending(),
                    timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
        closeState.set(2);
        PendoException closed = new PendoException("The track sender was closed before this event was delivered"
                + " (close timeout " + timeout + "); send it again or raise closeTimeout.");
        for (Item item = queue.pollFirst(); item != null; item = queue.pollFirst()) {
            settle(item, Outcome.FAILED, closed, null);
        }
        calls.forEach(Call::cancel);
        for (Item item : List.copyOf(inFlightItems)) {
            settle(item, Outcome.FAILED, closed, null);
        }
        if (ownsWorkers) {
            workers.shutdownNow();
        } else {
            workerFutures.forEach(future -> future.cancel(true));
        }
        listenerThread.shutdown();
        try {
            if (!listenerThread.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("The track listener did not finish its callbacks within {}", timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "TrackSender{" + stats() + ", overflow=" + options.overflow + ", concurrency=" + options.concurrency
                + "}";
    }

    private static final class Item {
        final TrackEvent event;
        final long sequence;
        boolean inFlight;
        boolean settled;

        Item(TrackEvent event, long sequence) {
            this.event = event;
            this.sequence = sequence;
        }
    }

    private record FlushWaiter(long upTo, CompletableFuture<Void> future) {
    }

    /** How a {@link TrackSender} queues, sends and reports. Immutable; start from {@link #defaults()}. */
    public static final class Options {

        /** Default queue capacity. */
        public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
        /** Default number of requests in flight. */
        public static final int DEFAULT_CONCURRENCY = 4;
        /** Default time {@link OverflowPolicy#BLOCK} waits for room. */
        public static final Duration DEFAULT_BLOCK_TIMEOUT = Duration.ofMillis(250);
        /** Default time {@link TrackSender#close()} waits for the queue to drain. */
        public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(10);

        private final int queueCapacity;
        private final OverflowPolicy overflow;
        private final Duration blockTimeout;
        private final int concurrency;
        private final Duration closeTimeout;
        private final TrackListener listener;
        private final ExecutorService executor;

        private Options(int queueCapacity, OverflowPolicy overflow, Duration blockTimeout, int concurrency,
                        Duration closeTimeout, TrackListener listener, ExecutorService executor) {
            this.queueCapacity = queueCapacity;
            this.overflow = overflow;
            this.blockTimeout = blockTimeout;
            this.concurrency = concurrency;
            this.closeTimeout = closeTimeout;
            this.listener = listener;
            this.executor = executor;
        }

        /**
         * The defaults: 10,000 events, block up to 250 ms then drop, 4 in flight, 10 s to drain on close, no
         * listener, the sender's own threads.
         *
         * @return the default options
         */
        public static Options defaults() {
            return new Options(DEFAULT_QUEUE_CAPACITY, OverflowPolicy.BLOCK, DEFAULT_BLOCK_TIMEOUT,
                    DEFAULT_CONCURRENCY, DEFAULT_CLOSE_TIMEOUT, TrackListener.NONE, null);
        }

        /**
         * Sets the queue capacity.
         *
         * @param capacity at least 1
         * @return new options
         */
        public Options queueCapacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("queueCapacity must be at least 1, was " + capacity);
            }
            return new Options(capacity, overflow, blockTimeout, concurrency, closeTimeout, listener, executor);
        }

        /**
         * Sets the overflow policy.
         *
         * @param policy what {@code track} does when the queue is full
         * @return new options
         */
        public Options overflow(OverflowPolicy policy) {
            return new Options(queueCapacity, Objects.requireNonNull(policy, "policy"), blockTimeout, concurrency,
                    closeTimeout, listener, executor);
        }

        /**
         * Sets how long {@link OverflowPolicy#BLOCK} waits for room.
         *
         * @param timeout zero or more
         * @return new options
         */
        public Options blockTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("blockTimeout must not be negative, was " + timeout);
            }
            return new Options(queueCapacity, overflow, timeout, concurrency, closeTimeout, listener, executor);
        }

        /**
         * Sets how many requests may be in flight at once.
         *
         * @param concurrency at least 1
         * @return new options
         */
        public Options concurrency(int concurrency) {
            if (concurrency < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
            }
            return new Options(queueCapacity, overflow, blockTimeout, concurrency, closeTimeout, listener, executor);
        }

        /**
         * Sets how long {@link TrackSender#close()} waits for the queue to drain before failing what is left.
         *
         * @param timeout zero or more
         * @return new options
         */
        public Options closeTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("closeTimeout must not be negative, was " + timeout);
            }
            return new Options(queueCapacity, overflow, blockTimeout, concurrency, timeout, listener, executor);
        }

        /**
         * Sets the listener.
         *
         * @param listener hears the end of every event
         * @return new options
         */
        public Options listener(TrackListener listener) {
            return new Options(queueCapacity, overflow, blockTimeout, concurrency, closeTimeout,
                    Objects.requireNonNull(listener, "listener"), executor);
        }

        /**
         * Runs the sending loops on the caller's executor instead of the sender's own threads. It needs room for
         * {@code concurrency} long-running tasks; the sender cancels them on close but does not shut it down.
         *
         * @param executor the executor
         * @return new options
         */
        public Options executor(ExecutorService executor) {
            return new Options(queueCapacity, overflow, blockTimeout, concurrency, closeTimeout, listener,
                    Objects.requireNonNull(executor, "executor"));
        }
    }
}
