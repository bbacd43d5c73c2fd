package io.github.pendoclient.http;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The clock, the sleep and the timer the HTTP stack uses for backoff, {@code Retry-After} and rate limiting. Production code
 * keeps {@link #system()}; tests inject a fake that records sleeps instead of waiting, so backoff can be asserted
 * exactly and quickly.
 */
public interface TimeSource {

    /**
     * The current wall-clock time, used to read {@code Retry-After} dates.
     *
     * @return now
     */
    Instant now();

    /**
     * A monotonic reading in nanoseconds, used to measure elapsed time.
     *
     * @return nanoseconds from an arbitrary origin
     */
    long nanoTime();

    /**
     * Waits for the given duration.
     *
     * @param duration how long to wait; zero or negative returns at once
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * Runs a task after a delay without holding a thread while it waits: asynchronous calls schedule each retry and
     * each rate-limit wait this way. The default uses one shared daemon timer thread ({@code pendo-client-timer});
     * the task itself must be short.
     *
     * @param task the task
     * @param delay how long to wait; zero or negative runs it as soon as possible
     * @return the scheduled task, which can be cancelled
     */
    default ScheduledFuture<?> schedule(Callable<?> task, Duration delay) {
        return SharedTimer.INSTANCE.schedule(task, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }

    /**
     * The real clock and {@link Thread#sleep(long, int)}.
     *
     * @return the system time source
     */
    static TimeSource system() {
        return SystemTimeSource.INSTANCE;
    }
}

/** The timer thread shared by every client that keeps the default {@link TimeSource#schedule}. */
final class SharedTimer {
    static final ScheduledExecutorService INSTANCE = create();

    private SharedTimer() {}

    private static ScheduledExecutorService create() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "pendo-client-timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}

/** The real clock. */
enum SystemTimeSource implements TimeSource {
    INSTANCE;

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    }
}
