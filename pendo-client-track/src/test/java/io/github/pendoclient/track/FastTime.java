package io.github.pendoclient.track;

import io.github.pendoclient.http.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A clock that runs {@code factor} times faster than the wall clock: a {@code Retry-After: 1} or a 10 s close
 * timeout keeps its proportions to the network's real speed but costs a hundredth of the time.
 */
final class FastTime implements TimeSource {

    private final long factor;
    private final long origin = System.nanoTime();
    private final Instant start = Instant.now();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "fast-time");
        thread.setDaemon(true);
        return thread;
    });

    FastTime(long factor) {
        this.factor = factor;
    }

    @Override
    public Instant now() {
        return start.plusNanos(nanoTime());
    }

    @Override
    public long nanoTime() {
        return (System.nanoTime() - origin) * factor;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(duration.toNanos() / factor);
    }

    @Override
    public ScheduledFuture<?> schedule(Callable<?> task, Duration delay) {
        return timer.schedule(task, Math.max(0, delay.toNanos() / factor), TimeUnit.NANOSECONDS);
    }

    void shutdown() {
        timer.shutdownNow();
    }
}
