package io.github.pendoclient.track.internal;

import io.github.pendoclient.error.PendoApiException;
import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.http.TimeSource;
import io.github.pendoclient.track.TrackListener;
import io.github.pendoclient.track.TrackQueueFullException;
import io.github.pendoclient.track.TrackSenderOptions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sender's queue and its delivery: the bounded queue with its overflow policy, the events whose retry time has
 * come (sent before new ones), at most {@code concurrency} events in flight, each one attempt of its prepared call,
 * and the events waiting on the timer for their next attempt. Whether and when an event is sent again is the retry
 * engine's answer ({@link io.github.pendoclient.internal.http.StepwiseCall#nextDelay()}); this class only keeps the
 * event's turn.
 */
final class Dispatch {

    private final Ledger ledger;
    private final TrackSenderOptions options;
    private final TimeSource time;
    private final boolean spooling;
    private final ExecutorService sendThreads;
    private final LinkedBlockingDeque<QueuedEvent> queue;
    /** Events whose retry time has come: sent before new ones. */
    private final ConcurrentLinkedQueue<QueuedEvent> ready = new ConcurrentLinkedQueue<>();

    private final Set<QueuedEvent> waitingItems = ConcurrentHashMap.newKeySet();
    private final AtomicInteger freeSlots;

    Dispatch(
            Ledger ledger, TrackSenderOptions options, TimeSource time, ExecutorService sendThreads, boolean spooling) {
        this.ledger = ledger;
        this.options = options;
        this.time = time;
        this.sendThreads = sendThreads;
        this.spooling = spooling;
        this.queue = new LinkedBlockingDeque<>(options.queueCapacity());
        this.freeSlots = new AtomicInteger(options.concurrency());
    }

    /**
     * Queues an accepted event as the overflow policy says.
     *
     * @return true if queued; false if dropped (settled here)
     * @throws TrackQueueFullException if the queue is full and the policy is to throw (the event is un-counted)
     */
    boolean offer(QueuedEvent item) {
        boolean queued;
        switch (options.overflow()) {
            case THROW -> {
                if (!queue.offerLast(item)) {
                    ledger.unaccept(item);
                    ledger.events().dropped(TrackListener.DropReason.QUEUE_FULL);
                    throw new TrackQueueFullException(options.queueCapacity());
                }
                queued = true;
            }
            case DROP_NEWEST -> queued = queue.offerLast(item);
            case DROP_OLDEST -> {
                while (!queue.offerLast(item)) {
                    QueuedEvent oldest = queue.pollFirst();
                    if (oldest != null) {
                        ledger.settle(oldest, Ledger.Outcome.DROPPED, null, TrackListener.DropReason.OLDEST_EVICTED);
                    }
                }
                queued = true;
            }
            default -> queued = offerWithin(item, options.blockTimeout());
        }
        if (!queued) {
            ledger.settle(item, Ledger.Outcome.DROPPED, null, TrackListener.DropReason.QUEUE_FULL);
            return false;
        }
        ledger.events().queued();
        return true;
    }

    private boolean offerWithin(QueuedEvent item, Duration timeout) {
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

    /** Queues an event recovered from the spool, ahead of new ones. */
    void addReady(QueuedEvent item) {
        ledger.events().queued();
        ready.add(item);
    }

    /** Starts as many sends as there are free slots and events to send; never blocks. */
    void pump() {
        while (true) {
            if (freeSlots.getAndDecrement() <= 0) {
                freeSlots.incrementAndGet();
                return;
            }
            QueuedEvent item = ready.poll();
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
            QueuedEvent next = item;
            try {
                sendThreads.execute(() -> send(next));
            } catch (RejectedExecutionException stopped) {
                freeSlots.incrementAndGet();
                ledger.settle(next, Ledger.Outcome.FAILED, Failures.atClose(next, false, options.closeTimeout()), null);
            }
        }
    }

    private void send(QueuedEvent item) {
        CompletableFuture<Void> attempt;
        synchronized (ledger.lock) {
            if (item.settled || ledger.closeState.get() == 2) {
                freeSlots.incrementAndGet();
                pump();
                return;
            }
            item.inFlight = true;
            item.attempts++;
            ledger.inFlightItems.add(item);
            // Started and published under the lock: close() sees an event in flight only with the call it must
            // cancel, and no call starts once close() has ended the events (an attempt never blocks).
            attempt = item.call.attempt();
            item.current = attempt;
        }
        attempt.whenComplete((ignored, failure) -> {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                    ? c.getCause()
                    : failure;
            if (cause != null && Failures.mayHaveReachedPendo(cause)) {
                item.mayHaveReached = true;
            }
            ledger.inFlightItems.remove(item);
            synchronized (ledger.lock) {
                item.inFlight = false;
            }
            if (cause == null) {
                // Settled before its slot is free, so that with one slot the listener hears of deliveries in the
                // order the events were sent, however the threads are scheduled.
                ledger.settle(
                        item,
                        item.mayHaveReached ? Ledger.Outcome.DELIVERED_POSSIBLY_TWICE : Ledger.Outcome.DELIVERED,
                        null,
                        null);
                freeSlots.incrementAndGet();
            } else {
                freeSlots.incrementAndGet();
                retryOrFail(item, cause);
            }
            pump();
        });
        if (ledger.closeState.get() == 2 && item.settled) {
            attempt.cancel(true);
        }
    }

    /** Parks a failed event until the engine's wait is over, or ends it when the engine says the call is over. */
    private void retryOrFail(QueuedEvent item, Throwable failure) {
        if (ledger.closeState.get() == 2) {
            return; // close() ends every unsettled event at its deadline
        }
        PendoException pendo = failure instanceof PendoException p
                ? p
                : new PendoException("Sending a track event failed unexpectedly: " + failure, failure);
        item.lastFailure = pendo;
        Optional<Duration> delay = item.call.nextDelay();
        if (delay.isEmpty()) {
            if (ledger.closing
                    && spooling
                    && item.attempts >= options.maxAttempts()
                    && item.call.lastFailureTransient()) {
                ledger.heldItems.add(item); // out of attempts while closing: the spool keeps it
                ledger.checkQuiet();
                return;
            }
            ledger.settle(item, Ledger.Outcome.FAILED, Failures.failureOf(item, pendo), null);
            return;
        }
        boolean retryAfter =
                pendo instanceof PendoApiException api && api.error().retryAfter() != null;
        item.retryAfterWait = retryAfter;
        ledger.retried();
        if (ledger.closing && !retryAfter) {
            ready.add(item); // closing: no backoff, only the rate limit and Retry-After hold an event back
            return;
        }
        waitingItems.add(item);
        item.timer = time.schedule(
                () -> {
                    if (waitingItems.remove(item)) {
                        ready.add(item);
                        pump();
                    }
                    return null;
                },
                delay.get());
        if (ledger.closing && !retryAfter) {
            wake(item);
        }
    }

    /** Sends every waiting event again now, unless the server asked for a wait ({@code Retry-After}). */
    void wakeAll() {
        for (QueuedEvent item : List.copyOf(waitingItems)) {
            wake(item);
        }
    }

    private void wake(QueuedEvent item) {
        if (!item.retryAfterWait && waitingItems.remove(item)) {
            ScheduledFuture<?> timer = item.timer;
            if (timer != null) {
                timer.cancel(false);
            }
            ready.add(item);
        }
    }

    /** Forgets every queued, ready and waiting event: close() ends them itself. */
    void clear() {
        queue.clear();
        ready.clear();
        waitingItems.clear();
    }
}
