package io.github.pendoclient.track;

import io.github.pendoclient.http.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when the test says so: timer tasks run when {@link #advance(Duration)} passes their time
 * (tasks without a delay run at once), so a backoff of an hour or a close deadline costs no real time.
 */
final class ManualTime implements TimeSource {

    private final Instant start = Instant.now();
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong order = new AtomicLong();
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private final ExecutorService runner = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "manual-time");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public Instant now() {
        return start.plusNanos(nanos.get());
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public void sleep(Duration duration) {
        advance(duration);
    }

    @Override
    public ScheduledFuture<?> schedule(Callable<?> task, Duration delay) {
        Task scheduled;
        synchronized (tasks) {
            scheduled = new Task(task, nanos.get() + Math.max(0, delay.toNanos()), order.incrementAndGet());
            if (delay.isZero() || delay.isNegative()) {
                runner.execute(scheduled.future);
                return scheduled;
            }
            tasks.add(scheduled);
            tasks.notifyAll(); // wakes awaitPending
        }
        return scheduled;
    }

    /** How many timer tasks wait for the clock to move. */
    int waiting() {
        synchronized (tasks) {
            return tasks.size();
        }
    }

    /**
     * Waits until at least {@code count} timer tasks wait for the clock, as other threads schedule them: each schedule
     * wakes this wait, so it neither polls nor sleeps. Fails after 10 s of real time, for a task that never comes.
     */
    void awaitPending(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (tasks) {
            while (tasks.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(
                            count + " timer tasks were not scheduled within 10 s; " + tasks.size() + " were");
                }
                TimeUnit.NANOSECONDS.timedWait(tasks, left);
            }
        }
    }

    /** Moves the clock on and runs every task whose time has come, in time order. */
    void advance(Duration duration) {
        List<Task> due = new ArrayList<>();
        synchronized (tasks) {
            long now = nanos.addAndGet(duration.toNanos());
            while (!tasks.isEmpty() && tasks.peek().at <= now) {
                due.add(tasks.poll());
            }
        }
        due.forEach(task -> runner.execute(task.future));
    }

    private final class Task implements ScheduledFuture<Object>, Comparable<Delayed> {
        final FutureTask<Object> future;
        final long at;
        final long seq;

        Task(Callable<?> task, long at, long seq) {
            this.future = new FutureTask<>(task::call);
            this.at = at;
            this.seq = seq;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(at - nanos.get(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            Task that = (Task) other;
            return at != that.at ? Long.compare(at, that.at) : Long.compare(seq, that.seq);
        }

        @Override
        public boolean cancel(boolean mayInterrupt) {
            synchronized (tasks) {
                tasks.remove(this);
            }
            return future.cancel(mayInterrupt);
        }

        @Override
        public boolean isCancelled() {
            return future.isCancelled();
        }

        @Override
        public boolean isDone() {
            return future.isDone();
        }

        @Override
        public Object get() throws InterruptedException, ExecutionException {
            return future.get();
        }

        @Override
        public Object get(long timeout, TimeUnit unit)
                throws InterruptedException, ExecutionException, TimeoutException {
            return future.get(timeout, unit);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(seq);
        }
    }
}
