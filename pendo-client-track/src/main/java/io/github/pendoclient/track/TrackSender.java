package io.github.pendoclient.track;

import io.github.pendoclient.error.OutcomeUnknownException;
import io.github.pendoclient.error.PendoApiException;
import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.error.PendoNetworkException;
import io.github.pendoclient.error.PendoRequestException;
import io.github.pendoclient.error.RateLimitedException;
import io.github.pendoclient.http.TimeSource;
import io.github.pendoclient.internal.http.PendoHttp;
import io.github.pendoclient.internal.http.StepwiseCall;
import io.github.pendoclient.track.internal.SenderEvents;
import io.github.pendoclient.track.internal.Spool;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
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
 * delivered, failed, dropped or spooled, and each end reaches the {@link TrackListener} and the counters
 * ({@link #stats()}).
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
 *       running every listener callback. While closing, events waiting to be retried are sent again as soon as the
 *       rate limit and any {@code Retry-After} allow, without their backoff. What is not delivered by the deadline
 *       fails through the listener.</li>
 * </ul>
 *
 * <p>Delivery is at least once by default (see {@link Delivery}): an event whose answer was lost is sent again, so
 * Pendo may rarely count it twice; such an event is reported with {@link TrackListener#onDeliveredPossiblyTwice} and
 * counted in {@link TrackSenderStats#possibleDuplicates()}. A client built with {@link Delivery#AT_MOST_ONCE} fails
 * such an event instead. An event that fails after an attempt that may have reached Pendo (an answer lost, a 5xx or
 * 408, a request in flight at the close deadline) fails with {@link OutcomeUnknownException}: it may have been
 * delivered, and sending it again may count it twice.
 *
 * <p>With {@link TrackSenderOptions.Builder#spoolDirectory(java.nio.file.Path)}, events not delivered by the close
 * deadline are written to disk instead of failing, and the next sender on the directory sends them first. All waits
 * use the client's {@link io.github.pendoclient.http.TimeSource}. Thread-safe.
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
    private final SenderEvents events;
    private final LinkedBlockingDeque<Item> queue;
    /** Events whose retry time has come: sent before new ones. */
    private final ConcurrentLinkedQueue<Item> ready = new ConcurrentLinkedQueue<>();

    private final ExecutorService sendThreads;
    private final boolean ownsSendThreads;
    private final ThreadPoolExecutor listenerThread;
    private final Set<Item> inFlightItems = ConcurrentHashMap.newKeySet();
    private final Set<Item> waitingItems = ConcurrentHashMap.newKeySet();
    /** Every event accepted and not yet settled: what the close deadline ends. */
    private final Set<Item> liveItems = ConcurrentHashMap.newKeySet();
    /** Events that ran out of attempts while closing, kept for the spool. */
    private final Set<Item> heldItems = ConcurrentHashMap.newKeySet();

    private final Spool spool;
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
    private long spooled;
    private long possibleDuplicates;
    private volatile boolean closing;
    private final AtomicInteger closeState = new AtomicInteger();

    TrackSender(TrackClient client, TrackSenderOptions options) {
        this.client = client;
        this.http = client.http();
        this.time = client.timeSource();
        this.options = options;
        this.events = new SenderEvents(http.options().eventListener());
        this.spool = options.spoolDirectory().map(Spool::open).orElse(null);
        this.queue = new LinkedBlockingDeque<>(options.queueCapacity());
        this.freeSlots = new AtomicInteger(options.concurrency());
        int id = SENDERS.incrementAndGet();
        this.ownsSendThreads = options.executor().isEmpty();
        this.sendThreads = ownsSendThreads
                ? Executors.newFixedThreadPool(
                        Math.min(2, options.concurrency()), daemonThreads("pendo-track-sender-" + id + "-"))
                : options.executor().orElseThrow();
        this.listenerThread = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                daemonThreads("pendo-track-listener-" + id + "-"));
        if (spool != null) {
            try {
                recover();
            } catch (RuntimeException e) {
                spool.close();
                if (ownsSendThreads) {
                    sendThreads.shutdown();
                }
                listenerThread.shutdown();
                throw e;
            }
        }
    }

    /** Queues the spooled events of earlier senders, before any new one. */
    private void recover() {
        List<Spool.Record> records = spool.load();
        if (!records.isEmpty()) {
            LOG.info("Sending {} events from the spool in {} first", records.size(), spool.directory());
        }
        for (Spool.Record record : records) {
            TrackEvent event;
            try {
                event = TrackEvent.fromJson(record.json());
            } catch (IllegalArgumentException unreadable) {
                LOG.warn(
                        "Skipping an event of spool file {} at byte {} that cannot be read: {}",
                        record.file(),
                        record.offset(),
                        unreadable.getMessage());
                spool.ended(record);
                continue;
            }
            Item item = new Item(event, record.json().getBytes(StandardCharsets.UTF_8), sequence.incrementAndGet());
            item.origin = record;
            item.mayHaveReached = record.outcomeUnknown();
            accept(item);
            try {
                client.validate(event);
            } catch (InvalidTrackEventException invalid) {
                settle(item, Outcome.FAILED, failureOf(item, invalid), null);
                continue;
            }
            item.call = prepare(item.json);
            events.queued();
            ready.add(item);
        }
        pump();
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
        Item item = new Item(event, event.toJson().getBytes(StandardCharsets.UTF_8), sequence.incrementAndGet());
        item.call = prepare(item.json);
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
                    events.dropped(TrackListener.DropReason.QUEUE_FULL);
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
        events.queued();
        pump();
        return true;
    }

    /** The event's call, built once from its encoded body; every attempt sends this request as it is. */
    private StepwiseCall prepare(byte[] json) {
        return http.stepwise(client.call(json), options.maxAttempts());
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
        liveItems.add(item);
    }

    /** Un-counts an event refused with an exception. */
    private void unaccept(Item item) {
        synchronized (lock) {
            enqueued--;
            pendingSequences.remove(item.sequence);
        }
        liveItems.remove(item);
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
                settle(next, Outcome.FAILED, failureAtClose(next, false), null);
            }
        }
    }

    private void send(Item item) {
        CompletableFuture<Void> attempt;
        synchronized (lock) {
            if (item.settled || closeState.get() == 2) {
                freeSlots.incrementAndGet();
                pump();
                return;
            }
            item.inFlight = true;
            item.attempts++;
            inFlightItems.add(item);
            // Started and published under the lock: close() sees an event in flight only with the call it must
            // cancel, and no call starts once close() has ended the events (executeOnceAsync never blocks).
            attempt = item.call.attempt();
            item.current = attempt;
        }
        attempt.whenComplete((ignored, failure) -> {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                    ? c.getCause()
                    : failure;
            if (cause != null && mayHaveReachedPendo(cause)) {
                item.mayHaveReached = true;
            }
            inFlightItems.remove(item);
            synchronized (lock) {
                item.inFlight = false;
            }
            freeSlots.incrementAndGet();
            if (cause == null) {
                settle(item, item.mayHaveReached ? Outcome.DELIVERED_POSSIBLY_TWICE : Outcome.DELIVERED, null, null);
            } else {
                retryOrFail(item, cause);
            }
            pump();
        });
        if (closeState.get() == 2 && item.settled) {
            attempt.cancel(true);
        }
    }

    /**
     * Whether an attempt that ended this way may have been recorded by Pendo: anything but a refused connection, a
     * 429, and a 4xx refusal. A 503 does not prove the event was not recorded, with or without {@code Retry-After}.
     */
    static boolean mayHaveReachedPendo(Throwable failure) {
        if (failure instanceof RateLimitedException || failure instanceof InvalidTrackEventException) {
            return false;
        }
        if (failure instanceof OutcomeUnknownException || failure instanceof CancellationException) {
            return true;
        }
        if (failure instanceof PendoApiException api) {
            return api.statusCode() == 408 || api.statusCode() >= 500;
        }
        if (failure instanceof PendoNetworkException network) {
            Throwable cause = network.getCause();
            return !(cause instanceof ConnectException
                    || cause instanceof NoRouteToHostException
                    || cause instanceof UnknownHostException);
        }
        return true;
    }

    private void retryOrFail(Item item, Throwable failure) {
        if (closeState.get() == 2) {
            return; // close() ends every unsettled event at its deadline
        }
        PendoException pendo = failure instanceof PendoException p
                ? p
                : new PendoException("Sending a track event failed unexpectedly: " + failure, failure);
        item.lastFailure = pendo;
        Optional<Duration> delay = item.call.nextDelay();
        if (delay.isEmpty()) {
            if (closing
                    && spool != null
                    && item.attempts >= options.maxAttempts()
                    && item.call.lastFailureTransient()) {
                heldItems.add(item); // out of attempts while closing: the spool keeps it
                checkQuiet();
                return;
            }
            settle(item, Outcome.FAILED, failureOf(item, pendo), null);
            return;
        }
        boolean retryAfter =
                pendo instanceof PendoApiException api && api.error().retryAfter() != null;
        item.retryAfterWait = retryAfter;
        synchronized (lock) {
            retried++;
        }
        if (closing && !retryAfter) {
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
        if (closing && !retryAfter) {
            wake(item);
        }
    }

    /** Sends a waiting event again now, unless the server asked for a wait ({@code Retry-After}). */
    private void wake(Item item) {
        if (!item.retryAfterWait && waitingItems.remove(item)) {
            ScheduledFuture<?> timer = item.timer;
            if (timer != null) {
                timer.cancel(false);
            }
            ready.add(item);
        }
    }

    /** The failure to report: an {@link OutcomeUnknownException} when an attempt may have reached Pendo. */
    private PendoException failureOf(Item item, PendoException last) {
        if (!item.mayHaveReached || last instanceof OutcomeUnknownException) {
            return last;
        }
        String path = last instanceof PendoRequestException request ? request.path() : "/data/track";
        return new OutcomeUnknownException(
                "The track event failed after " + item.attempts + " attempts (" + last.getMessage()
                        + "), and an earlier attempt may have reached Pendo: it may have been delivered, and"
                        + " sending it again may count it twice.",
                "POST",
                path,
                item.attempts,
                WHAT_TO_CHECK,
                last);
    }

    private static final String WHAT_TO_CHECK = "Pendo has no way to look an event up; count it as possibly"
            + " delivered, and send it again only if a duplicate does less harm than a loss";

    private enum Outcome {
        DELIVERED,
        DELIVERED_POSSIBLY_TWICE,
        FAILED,
        DROPPED,
        SPOOLED
    }

    private void settle(Item item, Outcome outcome, PendoException failure, TrackListener.DropReason reason) {
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

    private void notifyListener(
            TrackEvent event, Outcome outcome, PendoException failure, TrackListener.DropReason reason) {
        TrackListener listener = options.listener();
        Runnable callback = () -> {
            try {
                switch (outcome) {
                    case DELIVERED -> listener.onDelivered(event);
                    case DELIVERED_POSSIBLY_TWICE -> listener.onDeliveredPossiblyTwice(event);
                    case FAILED -> listener.onFailed(event, failure);
                    case SPOOLED -> listener.onSpooled(event);
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
            if (closing && pendingSequences.size() == heldItems.size() && callbacksOutstanding.get() == 0) {
                quiet.complete(null);
            }
        }
    }

    /**
     * Why an event not delivered by the close deadline failed: outcome unknown when its request was in flight or an
     * earlier attempt may have reached Pendo, else not processed.
     */
    private PendoException failureAtClose(Item item, boolean inFlight) {
        if (inFlight || item.mayHaveReached) {
            PendoException last = item.lastFailure;
            String path = last instanceof PendoRequestException request ? request.path() : "/data/track";
            return new OutcomeUnknownException(
                    "The track sender closed (close timeout " + options.closeTimeout()
                            + ") "
                            + (inFlight
                                    ? "while this event's request was in flight"
                                    : "after an attempt of this event" + " whose answer was lost")
                            + ": it may have been delivered, and sending it again may count it"
                            + " twice. Set spoolDirectory to have a later sender deliver it and count it as a possible"
                            + " duplicate.",
                    "POST",
                    path,
                    item.attempts,
                    WHAT_TO_CHECK,
                    last);
        }
        return new TrackSenderClosedException("The track sender closed (close timeout " + options.closeTimeout()
                + ") before this event was delivered; Pendo has not processed it, so sending it again cannot count it"
                + " twice. Send it again, raise closeTimeout, or set spoolDirectory to keep such events.");
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
     * Stops intake, then within one deadline, the close timeout, sends what is left and runs every listener
     * callback. Events waiting to be retried are sent at once, held back only by the rate limit and a server's
     * {@code Retry-After}. At the deadline, calls in flight are cancelled, and events not yet delivered fail through
     * the listener ({@link OutcomeUnknownException} when they may have reached Pendo, else
     * {@link TrackSenderClosedException}) or, with a spool directory, are written to it and synced before this
     * returns. Callbacks the listener thread has not reached run on the calling thread, so when this returns the
     * listener has heard of every event (except for a callback stuck in the listener itself). Events tracked after
     * close are dropped, and the listener hears of them on the caller's thread. Idempotent.
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
        for (Item item : List.copyOf(waitingItems)) {
            wake(item);
        }
        pump();
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
        long left = stats().pending();
        if (left > 0) {
            LOG.warn(
                    "The track sender could not deliver {} events within {}; {}",
                    left,
                    timeout,
                    spool == null ? "failing them" : "writing them to the spool in " + spool.directory());
        }
        queue.clear();
        ready.clear();
        waitingItems.clear();
        // Stop every wait and every call first, so that no event is delivered after it was written to the spool.
        List<Item> unsettled = new ArrayList<>(liveItems);
        unsettled.sort(java.util.Comparator.comparingLong(item -> item.sequence));
        List<Item> ending = new ArrayList<>();
        List<Boolean> inFlight = new ArrayList<>();
        for (Item item : unsettled) {
            boolean sending;
            synchronized (lock) {
                sending = item.inFlight;
            }
            ScheduledFuture<?> wait = item.timer;
            if (wait != null) {
                wait.cancel(false);
            }
            CompletableFuture<Void> current = item.current;
            if (sending && current != null) {
                current.cancel(true);
            }
            // Its cancelled call is over: not in flight, even before the send thread hears of the cancellation.
            inFlightItems.remove(item);
            synchronized (lock) {
                if (item.settled) {
                    continue;
                }
                ending.add(item);
                inFlight.add(sending);
            }
        }
        IOException spoolFailure = null;
        if (spool != null && !ending.isEmpty()) {
            List<Spool.Entry> entries = new ArrayList<>();
            for (int i = 0; i < ending.size(); i++) {
                Item item = ending.get(i);
                entries.add(new Spool.Entry(
                        new String(item.json, StandardCharsets.UTF_8), inFlight.get(i) || item.mayHaveReached));
            }
            try {
                spool.write(entries);
            } catch (IOException e) {
                spoolFailure = e;
                LOG.warn(
                        "Could not write {} undelivered events to the spool in {} ({}); failing them",
                        entries.size(),
                        spool.directory(),
                        e.getMessage());
            }
        }
        for (int i = 0; i < ending.size(); i++) {
            Item item = ending.get(i);
            if (spool != null && spoolFailure == null) {
                settle(item, Outcome.SPOOLED, null, null);
            } else {
                PendoException failure = failureAtClose(item, inFlight.get(i));
                if (spoolFailure != null) {
                    failure.addSuppressed(spoolFailure);
                }
                settle(item, Outcome.FAILED, failure, null);
            }
        }
        if (spool != null) {
            spool.close();
        }
        if (ownsSendThreads) {
            sendThreads.shutdown();
        }
        listenerThread.shutdown();
        List<Runnable> notRun = new ArrayList<>();
        listenerThread.getQueue().drainTo(notRun);
        notRun.forEach(Runnable::run);
        try {
            // A callback the listener thread had already begun: let it finish, unless it is stuck.
            listenerThread.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "TrackSender{" + stats() + ", overflow=" + options.overflow() + ", concurrency=" + options.concurrency()
                + "}";
    }

    private static final class Item {
        final TrackEvent event;
        /** The request body, encoded once when the event was tracked (or as read from the spool). */
        final byte[] json;

        final long sequence;
        boolean inFlight;
        boolean settled;
        volatile int attempts;
        /** Some attempt may have reached Pendo: delivering it may count it twice; failing it is outcome unknown. */
        volatile boolean mayHaveReached;
        /** The current wait is the server's {@code Retry-After}, which closing does not cut short. */
        volatile boolean retryAfterWait;

        volatile PendoException lastFailure;
        volatile CompletableFuture<Void> current;
        volatile ScheduledFuture<?> timer;
        /** Where the event came from when it was read from the spool, else null. */
        Spool.Record origin;
        /** The event's call, prepared once when it was queued; null for an event that failed validation. */
        volatile StepwiseCall call;

        Item(TrackEvent event, byte[] json, long sequence) {
            this.event = event;
            this.json = json;
            this.sequence = sequence;
        }
    }

    private record FlushWaiter(long upTo, CompletableFuture<Void> future) {}
}
