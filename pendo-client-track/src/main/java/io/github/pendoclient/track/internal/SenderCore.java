package io.github.pendoclient.track.internal;

import io.github.pendoclient.event.PendoEventListener;
import io.github.pendoclient.http.TimeSource;
import io.github.pendoclient.internal.http.StepwiseCall;
import io.github.pendoclient.track.TrackEvent;
import io.github.pendoclient.track.TrackListener;
import io.github.pendoclient.track.TrackSenderOptions;
import io.github.pendoclient.track.TrackSenderStats;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The machinery behind {@link io.github.pendoclient.track.TrackSender}, which documents the behaviour: the
 * {@link Ledger} (counts, settling, callbacks, flushes), the {@link Dispatch} (queue, sending, retry turns) and the
 * {@link Drain} (spool recovery, close). Each event is validated and encoded once, when it is tracked, and its call is
 * prepared then.
 */
public final class SenderCore {

    private static final AtomicInteger SENDERS = new AtomicInteger();

    /** What the sender needs of its {@code TrackClient}, whose methods for it are not public. */
    public interface Client {
        /**
         * Checks an event against the client's rules.
         *
         * @param event the event
         * @throws io.github.pendoclient.track.InvalidTrackEventException if it breaks one
         */
        void validate(TrackEvent event);

        /**
         * Prepares the call that sends an encoded event.
         *
         * @param json the event as JSON
         * @return the call
         */
        StepwiseCall prepare(byte[] json);

        /**
         * Reads an event from its JSON, as the spool holds it.
         *
         * @param json the event as JSON
         * @return the event
         * @throws IllegalArgumentException if it cannot be read
         */
        TrackEvent parse(String json);
    }

    private final Client client;
    private final Ledger ledger;
    private final Dispatch dispatch;
    private final Drain drain;
    private final ExecutorService sendThreads;
    private final boolean ownsSendThreads;

    /**
     * Starts a sender, sending the spooled events of earlier senders first when the options name a spool.
     *
     * @param client the client's validation, calls and parsing
     * @param options the sender's options
     * @param time the client's clock and timer
     * @param eventListener the client's event listener
     */
    public SenderCore(Client client, TrackSenderOptions options, TimeSource time, PendoEventListener eventListener) {
        this.client = client;
        Spool spool = options.spoolDirectory().map(Spool::open).orElse(null);
        int id = SENDERS.incrementAndGet();
        this.ownsSendThreads = options.executor().isEmpty();
        this.sendThreads = ownsSendThreads
                ? Executors.newFixedThreadPool(
                        Math.min(2, options.concurrency()), daemonThreads("pendo-track-sender-" + id + "-"))
                : options.executor().orElseThrow();
        ThreadPoolExecutor listenerThread = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                daemonThreads("pendo-track-listener-" + id + "-"));
        this.ledger = new Ledger(options.listener(), listenerThread, new SenderEvents(eventListener), spool);
        this.dispatch = new Dispatch(ledger, options, time, sendThreads, spool != null);
        this.drain = new Drain(ledger, dispatch, options, time, spool);
        if (spool != null) {
            try {
                drain.recover(client);
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

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Validates, encodes and queues an event.
     *
     * @param event the event
     * @return true if queued; false if dropped (the listener hears why)
     */
    public boolean track(TrackEvent event) {
        client.validate(event);
        QueuedEvent item = new QueuedEvent(
                event, event.toJson().getBytes(StandardCharsets.UTF_8), ledger.sequence.incrementAndGet());
        item.call = client.prepare(item.json);
        ledger.accept(item);
        if (ledger.closing) {
            ledger.settle(item, Ledger.Outcome.DROPPED, null, TrackListener.DropReason.SENDER_CLOSED);
            return false;
        }
        if (!dispatch.offer(item)) {
            return false;
        }
        dispatch.pump();
        return true;
    }

    /**
     * A future that completes once every event tracked before the call has ended.
     *
     * @return the future; it never completes exceptionally
     */
    public CompletableFuture<Void> flush() {
        return ledger.flush();
    }

    /**
     * A consistent snapshot of the counters.
     *
     * @return the counters
     */
    public TrackSenderStats stats() {
        return ledger.stats();
    }

    /** Stops intake, drains within the close timeout, ends what is left and stops the threads. Idempotent. */
    public void close() {
        if (!ledger.closeState.compareAndSet(0, 1)) {
            return;
        }
        drain.close();
        if (ownsSendThreads) {
            sendThreads.shutdown();
        }
        ledger.stopListenerThread();
    }
}
