package io.github.pendoclient.testsupport;

import io.github.pendoclient.http.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that never waits: sleeps and scheduled delays advance it and are recorded, so tests assert exact backoff
 * of synchronous and asynchronous calls.
 */
public final class FakeTime implements TimeSource {

    private static final ScheduledExecutorService RUNNER = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "fake-time-runner");
        thread.setDaemon(true);
        return thread;
    });

    private final Instant origin = Instant.parse("2026-11-22T10:00:00Z");
    private final AtomicLong nanos = new AtomicLong();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public Instant now() {
        return origin.plusNanos(nanos.get());
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        nanos.addAndGet(Math.max(0, duration.toNanos()));
    }

    /** Records the delay as a wait, moves the clock past it, and runs the task at once on another thread. */
    @Override
    public ScheduledFuture<?> schedule(Callable<?> task, Duration delay) {
        if (delay.toNanos() > 0) {
            sleep(delay);
        }
        return RUNNER.schedule(task, 0, TimeUnit.NANOSECONDS);
    }

    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
