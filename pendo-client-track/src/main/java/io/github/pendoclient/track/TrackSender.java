package io.github.pendoclient.track;

import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.internal.http.PendoHttp;
import io.github.pendoclient.http.TimeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends track events in the background through a bounded queue, and never loses one silently: each event ends
 * delivered, failed or dropped, and each end reaches the {@link TrackListener} and the counters ({@link #stats()}).
 *
 * <ul>
 *   <li>{@link #track(TrackEvent)} validates the event and queues it; it blocks only under
 *       {@link OverflowPolicy#BLOCK}, and then at most for the block timeout.</li>
 *   <li>At most {@code concurrency} events are being sent at once, each as one non-blocking attempt. An event that
 *       failed transiently waits on the client's timer (backoff, or the server's {@code Retry-After}) without
 *       holding a thread or a sending slot, while others are sent; a 429 with {@code Retry-After} pauses the
 *       endpoint for every event. 400, 401 and 403 fail at once; other failures after
 *       {@link TrackSenderOptions.Builder#maxAttempts(int)} attempts.</li>
 *   <li>{@link #flush()} completes once every event queued before the call has ended.</li>
 *   <li>{@link #close()} stops intake and has one deadline, the close timeout, for sending what is left and for
 *       running every listener callback; what is not delivered by then fails through the listener.</li>
 * </ul>
 *
 * <p>Delivery is at least once by default (see {@link Delivery}): an event whose answer was lost is sent again, so
 * Pendo may rarely count it twice. A client built with {@link Delivery#AT_MOST_ONCE} fails such an event instead.
 * Nothing is kept on disk. All waits use the client's {@link io.github.pendoclient.http.TimeSource}. Thread-safe.
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
    private final PendoHttp http;
    private final TimeSource time;
    private final TrackSenderOptions options;
    private final LinkedBlockingDeque<Item> queue;
    /** Events whose retry time has come: sent before new ones. */
    private final ConcurrentLinkedQueue<Item> ready = new ConcurrentLinkedQueue<>();
    private final ExecutorService sendThreads;
    private final boolean ownsSendThreads;
    private final ThreadPoolExecutor listenerThread;
    private final Set<Item> inFlightItems = ConcurrentHashMap.newKeySet();
    private final Set<Item> waitingItems = ConcurrentHashMap.newKeySet();
    private final AtomicLong sequence = new AtomicLong();
    private final Object lock = new Object();
    private final List<FlushWaiter> flushWaiters = new ArrayList<>();
    private final java.util.TreeSet<Long> pendingSequences = new java.util.TreeSet<>();
    private final AtomicInteger freeSlots;
    private final AtomicLong callbacksOutstanding = new AtomicLong();
    private final CompletableFuture<Void> quiet = new CompletableFuture<>();
    private long enqueued;
    private long delivered;
    private long failed;
    private long dropped;
    private long retried;
    private volatile boolean closing;
    private final AtomicInteger closeState = new AtomicInteger();

    TrackSender(TrackClient client, TrackSenderOptions options) {
        this.client = client;
        this.http = client.http();
        this.time = client.timeSource();
        this.options = options;
        this.queue = new LinkedBlockingDeque<>(options.queueCapacity());
        this.freeSlots = new AtomicInteger(options.concurrency());
        int id = SENDERS.incrementAndGet();
        this.ownsSendThreads = options.executor().isEmpty();
        this.sendThreads = ownsSendThreads
                ? Executors.newFixedThreadPool(Math.min(2, options.concurrency()),
                        daemonThreads("pendo-track-sender-" + id + "-"))
                : options.executor().orElseThrow();
        this.listenerThread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                daemonThreads("pendo-track-listener-" + id + "-"));
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
        accept(item);
        if (closing) {
            settle(item, Outcome.DROPPED, null, TrackListener.DropReason.SENDER_CLOSED);
            return false;
        }
        boolean queued;
        switch (options.overflow()) {
            case THROW -> {
                if (!queue.offerLast(item)) {
                    unaccept(item);
                    throw new TrackQueueFullException(options.queueCapacity());
                }
                queued = true;
            }
            case DROP_NEWEST -> queued = queue.offerLast(item);
            case DROP_OLDEST -> {
                while (!queue.offerLast(item)) {
                    Item oldest = queue.pollFirst();
                    if (oldest != null) {
                        settle(oldest, Outcome.DROPPED, null, TrackListener.DropReason.OLDEST_EVICTED);
                    }
                }
                queued = true;
            }
            default -> queued = offerWithin(item, options.blockTimeout());
        }
        if (!queued) {
            settle(item, Outcome.DROPPED, null, TrackListener.DropReason.QUEUE_FULL);
            return false;
        }
        pump();
        return true;
    }

    private boolean offerWithin(Item item, Duration timeout) {
        if (queue.offerLast(item)) {
            return true;
        }
        try {
            return queue.offerLast(item, timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Counts an event that arrived; it is pending until it is settled. */
    private void accept(Item item) {
        synchronized (lock) {
            enqueued++;
            pendingSequences.add(item.sequence);
        }
    }

    /** Un-counts an event refused with an exception. */
    private void unaccept(Item item) {
        synchronized (lock) {
            enqueued--;
            pendingSequences.remove(item.sequence);
        }
        completeFlushWaiters();
    }

    /** Starts as many sends as there are free slots and events to send; never blocks. */
    private void pump() {
        while (true) {
            if (freeSlots.getAndDecrement() <= 0) {
                freeSlots.incrementAndGet();
                return;
            }
            Item item = ready.poll();
            if (item == null) {
                item = queue.pollFirst();
            }
            if (item == null) {
                freeSlots.incrementAndGet();
                if (ready.isEmpty() && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            Item next = item;
            try {
                sendThreads.execute(() -> send(next));
            } catch (RejectedExecutionException stopped) {
                freeSlots.incrementAndGet();
                settle(next, Outcome.FAILED, closedFailure(), null);
            }
        }
    }

    private void send(Item item) {
        synchronized (lock) {
            if (item.settled) {
                freeSlots.incrementAndGet();
                pump();
                return;
            }
            item.inFlight = true;
        }
        inFlightItems.add(item);
        item.attempts++;
        CompletableFuture<Void> attempt;
        try {
            attempt = http.executeOnceAsync(client.call(item.event));
        } catch (PendoException e) {
            attempt = CompletableFuture.failedFuture(e);
        }
        item.current = attempt;
        attempt.whenComplete((ignored, failure) -> {
            inFlightItems.remove(item);
            synchronized (lock) {
                item.inFlight = false;
            }
            freeSlots.incrementAndGet();
            if (failure == null) {
                settle(item, Outcome.DELIVERED, null, null);
            } else {
                retryOrFail(item, failure);
            }
            pump();
        });
    }

    private void retryOrFail(Item item, Throwable failure) {
        PendoException pendo = failure instanceof PendoException p ? p
                : failure instanceof java.util.concurrent.CancellationException ? closedFailure()
                : new PendoException("Sending a track event failed unexpectedly: " + failure, failure);
        Optional<Duration> delay = item.attempts >= options.maxAttempts() || closeState.get() == 2
                ? Optional.empty() : http.retryDelay(pendo, item.attempts);
        if (delay.isEmpty()) {
            settle(item, Outcome.FAILED, pendo, null);
            return;
        }
        synchronized (lock) {
            retried++;
        }
        waitingItems.add(item);
        item.timer = time.schedule(() -> {
            if (waitingItems.remove(item)) {
                ready.add(item);
                pump();
            }
            return null;
        }, delay.get());
    }

    private enum Outcome { DELIVERED, FAILED, DROPPED }

    private void settle(Item item, Outcome outcome, PendoException failure, TrackListener.DropReason reason) {
        synchronized (lock) {
            if (item.settled) {
                return;
            }
            item.settled = true;
            switch (outcome) {
                case DELIVERED -> delivered++;
                case FAILED -> failed++;
                default -> dropped++;
            }
            pendingSequences.remove(item.sequence);
            callbacksOutstanding.incrementAndGet();
        }
        notifyListener(item.event, outcome, failure, reason);
        completeFlushWaiters();
    }

    private void completeFlushWaiters() {
        List<CompletableFuture<Void>> done = new ArrayList<>();
        synchronized (lock) {
            long firstPending = pendingSequences.isEmpty() ? Long.MAX_VALUE : pendingSequences.first();
            for (Iterator<FlushWaiter> it = flushWaiters.iterator(); it.hasNext(); ) {
                FlushWaiter waiter = it.next();
                if (waiter.upTo < firstPending) {
                    done.add(waiter.future);
                    it.remove();
                }
            }
        }
        done.forEach(future -> future.complete(null));
    }

    private void notifyListener(TrackEvent event, Outcome outcome, PendoException failure,
                                TrackListener.DropReason reason) {
        TrackListener listener = options.listener();
        Runnable callback = () -> {
            try {
                switch (outcome) {
                    case DELIVERED -> listener.onDelivered(event);
                    case FAILED -> listener.onFailed(event, failure);
                    default -> listener.onDropped(event, reason);
                }
            } catch (RuntimeException e) {
                LOG.warn("The track listener threw on {} of {}; ignored", outcome, event, e);
            } finally {
                if (callbacksOutstanding.decrementAndGet() == 0) {
                    checkQuiet();
                }
            }
        };
        try {
            listenerThread.execute(callback);
        } catch (RejectedExecutionException stopped) {
            // The sender is closed and its listener thread gone: the caller's thread hears it.
            callback.run();
        }
    }

    private void checkQuiet() {
        synchronized (lock) {
            if (closing && pendingSequences.isEmpty() && callbacksOutstanding.get() == 0) {
                quiet.complete(null);
            }
        }
    }

    private PendoException closedFailure() {
        return new PendoException("The track sender was closed before this event was delivered (close timeout "
                + options.closeTimeout() + "); send it again or raise closeTimeout.");
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
            long inFlight = inFlightItems.size();
            return new TrackSenderStats(enqueued, delivered, retried, failed, dropped,
                    Math.max(0, pending - inFlight), inFlight);
        }
    }

    /**
     * Stops intake, then within one deadline, the close timeout, sends what is left and runs every listener
     * callback. At the deadline, calls in flight are cancelled, events not yet delivered fail through the listener,
     * and callbacks the listener thread has not reached run on the calling thread, so when this returns the listener
     * has heard of every event (except for a callback stuck in the listener itself). Events tracked after close are
     * dropped, and the listener hears of them on the caller's thread. Idempotent.
     */
    @Override
    public void close() {
        if (!closeState.compareAndSet(0, 1)) {
            return;
        }
        closing = true;
        Duration timeout = options.closeTimeout();
        CompletableFuture<Void> deadline = new CompletableFuture<>();
        ScheduledFuture<?> timer = time.schedule(() -> deadline.complete(null), timeout);
        checkQuiet();
        try {
            CompletableFuture.anyOf(quiet, deadline).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
        timer.cancel(false);
        closeState.set(2);
        if (!quiet.isDone()) {
            LOG.warn("The track sender could not deliver {} events within {}; failing them", stats().pending(),
                    timeout);
        }
        PendoException closed = closedFailure();
        for (Item item = queue.pollFirst(); item != null; item = queue.pollFirst()) {
            settle(item, Outcome.FAILED, closed, null);
        }
        for (Item item = ready.poll(); item != null; item = ready.poll()) {
            settle(item, Outcome.FAILED, closed, null);
        }
        for (Item item : List.copyOf(waitingItems)) {
            waitingItems.remove(item);
            if (item.timer != null) {
                item.timer.cancel(false);
            }
            settle(item, Outcome.FAILED, closed, null);
        }
        for (Item item : List.copyOf(inFlightItems)) {
            if (item.current != null) {
                item.current.cancel(true);
            }
            settle(item, Outcome.FAILED, closed, null);
        }
        if (ownsSendThreads) {
            sendThreads.shutdown();
        }
        listenerThread.shutdown();
        List<Runnable> notRun = new ArrayList<>();
        listenerThread.getQueue().drainTo(notRun);
        notRun.forEach(Runnable::run);
    }

    @Override
    public String toString() {
        return "TrackSender{" + stats() + ", overflow=" + options.overflow() + ", concurrency="
                + options.concurrency() + "}";
    }

    private static final class Item {
        final TrackEvent event;
        final long sequence;
        boolean inFlight;
        boolean settled;
        volatile int attempts;
        volatile CompletableFuture<Void> current;
        volatile ScheduledFuture<?> timer;

        Item(TrackEvent event, long sequence) {
            this.event = event;
            this.sequence = sequence;
        }
    }

    private record FlushWaiter(long upTo, CompletableFuture<Void> future) {
    }
}
