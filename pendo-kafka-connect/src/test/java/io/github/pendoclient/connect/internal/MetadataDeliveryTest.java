package io.github.pendoclient.connect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.http.TimeSource;
import io.github.pendoclient.resource.MetadataRow;
import io.github.pendoclient.sync.push.PushKind;
import io.github.pendoclient.sync.push.PushTarget;
import io.github.pendoclient.track.TrackEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The metadata delivery's backoff after a transient failure: on the injected clock, and ended by close(). */
class MetadataDeliveryTest {

    /** How long a test waits for the delivery's thread to get somewhere before it fails; never spent when it works. */
    private static final long WAIT_MS = 10_000;

    private final HeldClock clock = new HeldClock();
    private final ScriptedTarget target = new ScriptedTarget();
    private final BlockingQueue<Pending> accepted = new LinkedBlockingQueue<>();
    private final AtomicBoolean released = new AtomicBoolean();
    private MetadataDelivery delivery;

    @AfterEach
    void close() {
        if (delivery != null) {
            delivery.close(Duration.ofSeconds(1));
        }
    }

    private MetadataDelivery start() {
        delivery = new MetadataDelivery(
                target,
                PushKind.VISITOR,
                "custom",
                10,
                false,
                new AcceptedOutcomes(),
                "pendo.integration.key",
                () -> released.set(true),
                clock);
        return delivery;
    }

    private static Pending pending(long offset) {
        return new Pending(new SinkRecord("visitors", 0, null, "v-" + offset, null, Map.of(), offset));
    }

    private static MetadataRow row(String id) {
        return new MetadataRow(id, Map.of("plan_tier", "gold"));
    }

    @Test
    void aBatchThatFailsTransientlyIsSentAgainAfterEachDoublingBackoffOnTheInjectedClock() throws Exception {
        target.failures.set(2);
        Pending pending = pending(0);
        start().submit(pending, row("v-1"));

        assertThat(clock.awaitSleeps(1)).containsExactly(Failures.FIRST_BACKOFF);
        assertThat(target.calls.get())
                .as("no second send while the backoff lasts")
                .isEqualTo(1);
        clock.releaseOne();
        assertThat(clock.awaitSleeps(2))
                .containsExactly(Failures.FIRST_BACKOFF, Failures.FIRST_BACKOFF.multipliedBy(2));
        assertThat(target.calls.get()).isEqualTo(2);
        clock.releaseOne();

        assertThat(accepted.poll(WAIT_MS, TimeUnit.MILLISECONDS)).isSameAs(pending);
        assertThat(target.calls.get()).isEqualTo(3);
    }

    @Test
    void closeDuringABackoffEndsItAtOnceAndSendsNothingMore() throws Exception {
        target.failures.set(Integer.MAX_VALUE);
        start().submit(pending(0), row("v-1"));
        assertThat(clock.awaitSleeps(1)).containsExactly(Failures.FIRST_BACKOFF);
        Thread sleeper = clock.sleeper();

        // The clock never moves: only the interrupt of close() can end this backoff.
        delivery.close(Duration.ofMillis(WAIT_MS));

        assertThat(sleeper.isAlive()).as("the delivery's thread ended").isFalse();
        assertThat(clock.interrupted())
                .as("the backoff was ended by the interrupt")
                .isTrue();
        assertThat(released).as("the client's calls were cancelled").isTrue();
        assertThat(target.calls.get()).isEqualTo(1);
        assertThat(accepted).isEmpty();
    }

    /**
     * A clock that never moves by itself: each sleep is recorded, then blocks until the test releases it or its thread
     * is interrupted. The test waits on its monitor for the delivery to sleep, so no real time passes.
     */
    private static final class HeldClock implements TimeSource {
        private final List<Duration> sleeps = new ArrayList<>();
        private int releases;
        private Thread sleeper;
        private boolean interrupted;

        @Override
        public Instant now() {
            return Instant.EPOCH;
        }

        @Override
        public long nanoTime() {
            return 0;
        }

        @Override
        public synchronized void sleep(Duration duration) throws InterruptedException {
            sleeps.add(duration);
            sleeper = Thread.currentThread();
            int mine = sleeps.size();
            notifyAll();
            try {
                while (releases < mine) {
                    wait();
                }
            } catch (InterruptedException e) {
                interrupted = true;
                throw e;
            }
        }

        /** Waits for the delivery's n-th sleep and returns the durations so far. */
        synchronized List<Duration> awaitSleeps(int count) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
            while (sleeps.size() < count) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    break;
                }
                wait(left);
            }
            return List.copyOf(sleeps);
        }

        /** Ends the oldest sleep still held, as if its time had passed. */
        synchronized void releaseOne() {
            releases++;
            notifyAll();
        }

        synchronized Thread sleeper() {
            return sleeper;
        }

        synchronized boolean interrupted() {
            return interrupted;
        }
    }

    /** Throws a transient failure for the first {@code failures} updates, then accepts every row. */
    private static final class ScriptedTarget implements PushTarget {
        final AtomicInteger failures = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Map<String, String> fields(PushKind kind, String group) {
            return Map.of("plan_tier", "string");
        }

        @Override
        public UpdateResult update(PushKind kind, String group, List<MetadataRow> rows, boolean createMissing) {
            calls.incrementAndGet();
            if (failures.getAndDecrement() > 0) {
                throw new PendoException("Pendo answered 503 after the client's retries");
            }
            return new UpdateResult(rows.stream().map(MetadataRow::id).toList(), List.of(), Map.of(), 1);
        }

        @Override
        public List<EventOutcome> send(List<TrackEvent> events) {
            throw new UnsupportedOperationException("metadata only");
        }
    }

    private final class AcceptedOutcomes implements Outcomes {
        @Override
        public void accepted(Pending pending) {
            accepted.add(pending);
        }

        @Override
        public void rejected(Pending pending, String reason) {
            throw new AssertionError("rejected: " + reason);
        }

        @Override
        public void fatal(ConnectException failure) {
            throw new AssertionError("fatal", failure);
        }

        @Override
        public void possibleDuplicates(long count) {}
    }
}
