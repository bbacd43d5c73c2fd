package io.github.pendoclient.spring;

import io.github.pendoclient.http.TimeSource;
import java.time.Duration;
import java.time.Instant;

/** A clock the test moves by hand. */
final class AdjustableTime implements TimeSource {

    private Instant now = Instant.parse("2026-11-01T09:00:00Z");
    private long nanos;

    synchronized void advance(Duration duration) {
        now = now.plus(duration);
        nanos += duration.toNanos();
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public void sleep(Duration duration) {
        advance(duration);
    }
}
