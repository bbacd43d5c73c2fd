package io.github.pendoclient.track.internal;

import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.http.TimeSource;
import io.github.pendoclient.track.InvalidTrackEventException;
import io.github.pendoclient.track.TrackEvent;
import io.github.pendoclient.track.TrackSender;
import io.github.pendoclient.track.TrackSenderOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sender's start and end with its spool: at start, the spooled events of earlier senders are queued before any new
 * one; at close, what is left is sent within one deadline, and what is still not delivered then is written to the
 * spool or failed.
 */
final class Drain {

    private static final Logger LOG = LoggerFactory.getLogger(TrackSender.class);

    private final Ledger ledger;
    private final Dispatch dispatch;
    private final TrackSenderOptions options;
    private final TimeSource time;
    private final Spool spool;

    Drain(Ledger ledger, Dispatch dispatch, TrackSenderOptions options, TimeSource time, Spool spool) {
        this.ledger = ledger;
        this.dispatch = dispatch;
        this.options = options;
        this.time = time;
        this.spool = spool;
    }

    /** Queues the spooled events of earlier senders, before any new one. */
    void recover(SenderCore.Client client) {
        List<Spool.Record> records = spool.load();
        if (!records.isEmpty()) {
            LOG.info("Sending {} events from the spool in {} first", records.size(), spool.directory());
        }
        for (Spool.Record record : records) {
            TrackEvent event;
            try {
                event = client.parse(record.json());
            } catch (IllegalArgumentException unreadable) {
                LOG.warn(
                        "Skipping an event of spool file {} at byte {} that cannot be read: {}",
                        record.file(),
                        record.offset(),
                        unreadable.getMessage());
                spool.ended(record);
                continue;
            }
            QueuedEvent item = new QueuedEvent(
                    event, record.json().getBytes(StandardCharsets.UTF_8), ledger.sequence.incrementAndGet());
            item.origin = record;
            item.mayHaveReached = record.outcomeUnknown();
            ledger.accept(item);
            try {
                client.validate(event);
            } catch (InvalidTrackEventException invalid) {
                ledger.settle(item, Ledger.Outcome.FAILED, Failures.failureOf(item, invalid), null);
                continue;
            }
            item.call = client.prepare(item.json);
            dispatch.addReady(item);
        }
        dispatch.pump();
    }

    /** The close procedure; see {@link TrackSender#close()}. Runs once. */
    void close() {
        ledger.closing = true;
        Duration timeout = options.closeTimeout();
        CompletableFuture<Void> deadline = new CompletableFuture<>();
        ScheduledFuture<?> timer = time.schedule(() -> deadline.complete(null), timeout);
        dispatch.wakeAll();
        dispatch.pump();
        ledger.checkQuiet();
        try {
            CompletableFuture.anyOf(ledger.quiet, deadline).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        timer.cancel(false);
        ledger.closeState.set(2);
        long left = ledger.stats().pending();
        if (left > 0) {
            LOG.warn(
                    "The track sender could not deliver {} events within {}; {}",
                    left,
                    timeout,
                    spool == null ? "failing them" : "writing them to the spool in " + spool.directory());
        }
        dispatch.clear();
        // Stop every wait and every call first, so that no event is delivered after it was written to the spool.
        List<QueuedEvent> unsettled = new ArrayList<>(ledger.liveItems);
        unsettled.sort(Comparator.comparingLong(item -> item.sequence));
        List<QueuedEvent> ending = new ArrayList<>();
        List<Boolean> inFlight = new ArrayList<>();
        for (QueuedEvent item : unsettled) {
            boolean sending;
            synchronized (ledger.lock) {
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
            ledger.inFlightItems.remove(item);
            synchronized (ledger.lock) {
                if (item.settled) {
                    continue;
                }
                ending.add(item);
                inFlight.add(sending);
            }
        }
        end(ending, inFlight);
        if (spool != null) {
            spool.close();
        }
    }

    /** Writes the events left at the deadline to the spool, or fails them when there is none or it cannot. */
    private void end(List<QueuedEvent> ending, List<Boolean> inFlight) {
        IOException spoolFailure = null;
        if (spool != null && !ending.isEmpty()) {
            List<Spool.Entry> entries = new ArrayList<>();
            for (int i = 0; i < ending.size(); i++) {
                QueuedEvent item = ending.get(i);
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
            QueuedEvent item = ending.get(i);
            if (spool != null && spoolFailure == null) {
                ledger.settle(item, Ledger.Outcome.SPOOLED, null, null);
            } else {
                PendoException failure = Failures.atClose(item, inFlight.get(i), options.closeTimeout());
                if (spoolFailure != null) {
                    failure.addSuppressed(spoolFailure);
                }
                ledger.settle(item, Ledger.Outcome.FAILED, failure, null);
            }
        }
    }
}
