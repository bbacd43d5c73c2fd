package io.github.pendoclient.testsupport;

import io.github.pendoclient.http.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that never waits: sleeps advance it and are recorded, so tests assert exact backoff. */
public final class FakeTime implements TimeSource {

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

    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
