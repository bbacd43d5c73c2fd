package io.github.pendoclient.connect.internal;

import io.github.pendoclient.error.OutcomeUnknownException;
import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.track.InvalidTrackEventException;
import io.github.pendoclient.track.TrackClient;
import io.github.pendoclient.track.TrackEvent;
import io.github.pendoclient.track.TrackListener;
import io.github.pendoclient.track.TrackQueueFullException;
import io.github.pendoclient.track.TrackSender;
import io.github.pendoclient.track.TrackSenderOptions;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Track events through the SDK's {@link TrackSender}: one event per request (Pendo has no batch endpoint), at most
 * {@code concurrency} in flight, through the client's rate limit and retries. Records wait in the delivery's own
 * queue and a feeder thread hands the sender a small window of them at a time ({@link #WINDOW_PER_REQUEST} per
 * request in flight), so that records of a partition the task gave up (a rebalance, a stop) are dropped before
 * they are sent rather than sent by both the old and the new owner. An event the sender gives up on for a
 * transient reason (a 429 storm, the network, 5xx) is queued again after a backoff instead of failing the task;
 * one Pendo refused (400) is rejected; a refused shared secret is fatal.
 */
public final class TrackDelivery implements Delivery<TrackEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(TrackDelivery.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Outcomes outcomes;
    private final String credentialSetting;
    private final TrackClient client;
    private final TrackSender sender;
    private final ScheduledExecutorService retries;
    private final Map<TrackEvent, Pending> inFlight = Collections.synchronizedMap(new IdentityHashMap<>());
    private final LinkedBlockingQueue<Entry> waiting = new LinkedBlockingQueue<>();
    private final Semaphore window;
    private final Thread feeder;
    private volatile boolean closing;

    /** Events handed to the sender at once, per request in flight. */
    public static final int WINDOW_PER_REQUEST = 4;

    private record Entry(Pending pending, TrackEvent event) {}

    /**
     * Starts a delivery.
     *
     * @param client the track client (rate limit, retries, shared secret); closed with the delivery
     * @param concurrency requests in flight at most
     * @param capacity events held at most (the sender's queue is sized above it)
     * @param outcomes where outcomes go
     * @param credentialSetting the shared secret's setting, for the fatal message
     */
    public TrackDelivery(
            TrackClient client, int concurrency, int capacity, Outcomes outcomes, String credentialSetting) {
        this.client = client;
        this.outcomes = outcomes;
        this.credentialSetting = credentialSetting;
        this.retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pendo-sink-retry-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.sender = client.sender(TrackSenderOptions.builder()
                .queueCapacity(capacity + 1_000)
                .overflow(TrackSender.OverflowPolicy.THROW)
                .concurrency(concurrency)
                .closeTimeout(Duration.ofSeconds(2))
                .listener(new Listener())
                .build());
        this.window = new Semaphore(concurrency * WINDOW_PER_REQUEST);
        this.feeder = new Thread(this::feed, "pendo-sink-track-" + THREADS.incrementAndGet());
        feeder.setDaemon(true);
        feeder.start();
    }

    @Override
    public void submit(Pending pending, TrackEvent event) {
        waiting.add(new Entry(pending, event));
    }

    /** Hands waiting events to the sender within the window; skips those of partitions the task gave up. */
    private void feed() {
        try {
            while (!closing) {
                Entry entry = waiting.poll(250, TimeUnit.MILLISECONDS);
                if (entry == null || entry.pending().settled()) {
                    continue;
                }
                window.acquire();
                if (closing || entry.pending().settled()) {
                    window.release();
                    continue;
                }
                track(entry.pending(), entry.event());
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private void track(Pending pending, TrackEvent event) {
        inFlight.put(event, pending);
        try {
            sender.track(event);
        } catch (InvalidTrackEventException e) {
            inFlight.remove(event);
            window.release();
            outcomes.rejected(pending, "the track event is not valid: " + e.getMessage());
        } catch (TrackQueueFullException e) {
            inFlight.remove(event);
            window.release();
            retryLater(event, pending);
        }
    }

    private void retryLater(TrackEvent event, Pending pending) {
        if (closing) {
            return;
        }
        Duration wait = Failures.backoff(pending.retried());
        try {
            retries.schedule(() -> submit(pending, event), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // closing: the record stays unsettled, and its offset uncommitted
        }
    }

    @Override
    public void close(Duration timeout) {
        closing = true;
        feeder.interrupt();
        retries.shutdownNow();
        sender.close();
        client.close();
        inFlight.clear();
    }

    private final class Listener implements TrackListener {
        @Override
        public void onDelivered(TrackEvent event) {
            window.release();
            Pending pending = inFlight.remove(event);
            if (pending != null) {
                outcomes.accepted(pending);
            }
        }

        @Override
        public void onDeliveredPossiblyTwice(TrackEvent event) {
            outcomes.possibleDuplicates(1);
            onDelivered(event);
        }

        @Override
        public void onFailed(TrackEvent event, PendoException failure) {
            window.release();
            Pending pending = inFlight.remove(event);
            if (pending == null || closing) {
                return;
            }
            switch (Failures.classify(failure)) {
                case REJECTED -> {
                    outcomes.rejected(pending, "Pendo refused the track event: " + failure.getMessage());
                }
                case FATAL -> {
                    outcomes.fatal(Failures.fatal(failure, credentialSetting));
                }
                case TRANSIENT -> {
                    if (failure instanceof OutcomeUnknownException) {
                        outcomes.possibleDuplicates(1);
                    }
                    LOG.debug(
                            "Track event of {} failed transiently ({}); sending it again",
                            pending.where(),
                            failure.getClass().getSimpleName());
                    retryLater(event, pending);
                }
            }
        }

        @Override
        public void onDropped(TrackEvent event, DropReason reason) {
            window.release();
            Pending pending = inFlight.remove(event);
            if (pending != null) {
                retryLater(event, pending);
            }
        }
    }
}
