package io.github.pendoclient.testsupport;

import io.github.pendoclient.http.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A clock that moves only when the test says: scheduled tasks wait until {@link #advance(Duration)} passes their
 * time, and a thread that sleeps blocks until then too. Tests see what is waiting without any real wait.
 */
public final class ManualTime implements TimeSource {

    private final Instant origin = Instant.parse("2026-11-22T10:00:00Z");
    private final List<Task> tasks = new ArrayList<>();
    private long nanos;
    private int sleepers;

    @Override
    public synchronized Instant now() {
        return origin.plusNanos(nanos);
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized void sleep(Duration duration) throws InterruptedException {
        long until = nanos + duration.toNanos();
        sleepers++;
        try {
            while (nanos < until) {
                wait();
            }
        } finally {
            sleepers--;
        }
    }

    @Override
    public ScheduledFuture<?> schedule(Callable<?> callable, Duration delay) {
        Task task;
        synchronized (this) {
            task = new Task(callable, nanos + Math.max(0, delay.toNanos()), delay);
            if (delay.toNanos() > 0) {
                tasks.add(task);
                notifyAll(); // wakes awaitPending
                return task;
            }
        }
        task.run();
        return task;
    }

    /** Moves the clock and runs every task now due, in time order, on the calling thread. */
    public void advance(Duration duration) {
        List<Task> due = new ArrayList<>();
        synchronized (this) {
            nanos += duration.toNanos();
            tasks.removeIf(task -> {
                if (task.at <= nanos) {
                    due.add(task);
                    return true;
                }
                return false;
            });
            notifyAll();
        }
        due.sort((a, b) -> Long.compare(a.at, b.at));
        due.forEach(Task::run);
    }

    /**
     * Waits until at least {@code count} tasks wait for the clock, as another thread schedules them: each schedule
     * wakes this wait, so it neither polls nor spins. Fails after 10 s of real time, for a task that never comes.
     *
     * @param count how many tasks
     * @throws InterruptedException if the test is interrupted
     */
    public synchronized void awaitPending(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (tasks.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(count + " tasks were not scheduled within 10 s; " + tasks.size() + " were");
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** The delays of the tasks waiting now. */
    public synchronized List<Duration> pendingDelays() {
        List<Duration> delays = new ArrayList<>();
        tasks.forEach(task -> delays.add(task.delay));
        return delays;
    }

    /** How many threads are blocked in {@link #sleep(Duration)}. */
    public synchronized int sleepers() {
        return sleepers;
    }

    private static final class Task extends CompletableFuture<Object> implements ScheduledFuture<Object> {
        private final Callable<?> callable;
        private final long at;
        private final Duration delay;

        Task(Callable<?> callable, long at, Duration delay) {
            this.callable = callable;
            this.at = at;
            this.delay = delay;
        }

        void run() {
            if (isDone()) {
                return;
            }
            try {
                complete(callable.call());
            } catch (Exception e) {
                completeExceptionally(e);
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(delay);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
