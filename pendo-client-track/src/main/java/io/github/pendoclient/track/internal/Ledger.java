package io.github.pendoclient.track.internal;

import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.track.TrackListener;
import io.github.pendoclient.track.TrackSender;
import io.github.pendoclient.track.TrackSenderStats;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sender's account of its events: what arrived, what is pending, and how each one ended. Settling an event counts
 * it once, tells the {@link TrackListener} on the listener thread and the event listener, ends its call, and
 * completes the flushes it held up. Also the sender's lifecycle flags, which every part reads.
 */
final class Ledger {

    private static final Logger LOG = LoggerFactory.getLogger(TrackSender.class);

    /** How an event ended. */
    enum Outcome {
        DELIVERED,
        DELIVERED_POSSIBLY_TWICE,
        FAILED,
        DROPPED,
        SPOOLED
    }

    final Object lock = new Object();
    final AtomicLong sequence = new AtomicLong();
    final Set<QueuedEvent> inFlightItems = ConcurrentHashMap.newKeySet();
    /** Every event accepted and not yet settled: what the close deadline ends. */
    final Set<QueuedEvent> liveItems = ConcurrentHashMap.newKeySet();
    /** Events that ran out of attempts while closing, kept for the spool. */
    final Set<QueuedEvent> heldItems = ConcurrentHashMap.newKeySet();
    /** Completes once closing and nothing but held events is pending and every callback ran. */
    final CompletableFuture<Void> quiet = new CompletableFuture<>();
    /** 0 open, 1 closing (draining), 2 closed (the deadline passed; every event is being ended). */
    final AtomicInteger closeState = new AtomicInteger();

    volatile boolean closing;

    private final TrackListener listener;
    private final ThreadPoolExecutor listenerThread;
    private final SenderEvents events;
    private final Spool spool;
    private final List<FlushWaiter> flushWaiters = new ArrayList<>();
    private final TreeSet<Long> pendingSequences = new TreeSet<>();
    private final AtomicLong callbacksOutstanding = new AtomicLong();
    private long enqueued;
    private long delivered;
    private long failed;
    private long dropped;
    private long retried;
    private long spooled;
    private long possibleDuplicates;

    Ledger(TrackListener listener, ThreadPoolExecutor listenerThread, SenderEvents events, Spool spool) {
        this.listener = listener;
        this.listenerThread = listenerThread;
        this.events = events;
        this.spool = spool;
    }

    SenderEvents events() {
        return events;
    }

    /** Counts an event that arrived; it is pending until it is settled. */
    void accept(QueuedEvent item) {
        synchronized (lock) {
            enqueued++;
            pendingSequences.add(item.sequence);
        }
        liveItems.add(item);
    }

    /** Un-counts an event refused with an exception. */
    void unaccept(QueuedEvent item) {
        synchronized (lock) {
            enqueued--;
            pendingSequences.remove(item.sequence);
        }
        liveItems.remove(item);
        completeFlushWaiters();
    }

    void retried() {
        synchronized (lock) {
            retried++;
        }
    }

    /** Ends an event once: later calls for the same event do nothing. */
    void settle(QueuedEvent item, Outcome outcome, PendoException failure, TrackListener.DropReason reason) {
        synchronized (lock) {
            if (item.settled) {
                return;
            }
            item.settled = true;
            switch (outcome) {
                case DELIVERED -> delivered++;
                case DELIVERED_POSSIBLY_TWICE -> {
                    delivered++;
                    possibleDuplicates++;
                }
                case FAILED -> failed++;
                case SPOOLED -> spooled++;
                default -> dropped++;
            }
            pendingSequences.remove(item.sequence);
            callbacksOutstanding.incrementAndGet();
        }
        liveItems.remove(item);
        if (item.origin != null) {
            spool.ended(item.origin);
        }
        if (item.call != null) {
            item.call.abandon(failure);
        }
        switch (outcome) {
            case DELIVERED, DELIVERED_POSSIBLY_TWICE -> events.delivered();
            case FAILED -> events.failed(failure);
            case SPOOLED -> events.failed(null);
            default -> events.dropped(reason);
        }
        notifyListener(item, outcome, failure, reason);
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

    private void notifyListener(
            QueuedEvent item, Outcome outcome, PendoException failure, TrackListener.DropReason reason) {
        Runnable callback = () -> {
            try {
                switch (outcome) {
                    case DELIVERED -> listener.onDelivered(item.event);
                    case DELIVERED_POSSIBLY_TWICE -> listener.onDeliveredPossiblyTwice(item.event);
                    case FAILED -> listener.onFailed(item.event, failure);
                    case SPOOLED -> listener.onSpooled(item.event);
                    default -> listener.onDropped(item.event, reason);
                }
            } catch (RuntimeException e) {
                LOG.warn("The track listener threw on {} of {}; ignored", outcome, item.event, e);
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

    /** Completes {@link #quiet} once closing and nothing but held events is pending and every callback ran. */
    void checkQuiet() {
        synchronized (lock) {
            if (closing && pendingSequences.size() == heldItems.size() && callbacksOutstanding.get() == 0) {
                quiet.complete(null);
            }
        }
    }

    /** A future that completes once every event accepted before the call has ended. */
    CompletableFuture<Void> flush() {
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

    /** A consistent snapshot of the counters. */
    TrackSenderStats stats() {
        synchronized (lock) {
            long pending = pendingSequences.size();
            long inFlight = inFlightItems.size();
            return new TrackSenderStats(
                    enqueued,
                    delivered,
                    retried,
                    failed,
                    dropped,
                    Math.max(0, pending - inFlight),
                    inFlight,
                    spooled,
                    possibleDuplicates);
        }
    }

    /**
     * Stops the listener thread: callbacks it has not reached run on the calling thread, and one it had begun gets a
     * second to finish unless it is stuck.
     */
    void stopListenerThread() {
        listenerThread.shutdown();
        List<Runnable> notRun = new ArrayList<>();
        listenerThread.getQueue().drainTo(notRun);
        notRun.forEach(Runnable::run);
        try {
            listenerThread.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record FlushWaiter(long upTo, CompletableFuture<Void> future) {}
}
