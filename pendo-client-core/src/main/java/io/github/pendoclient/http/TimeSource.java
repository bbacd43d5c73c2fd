package io.github.pendoclient.http;

import java.time.Duration;
import java.time.Instant;

/**
 * The clock and the sleep the HTTP stack uses for backoff, {@code Retry-After} and rate limiting. Production code
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
     * The real clock and {@link Thread#sleep(long, int)}.
     *
     * @return the system time source
     */
    static TimeSource system() {
        return SystemTimeSource.INSTANCE;
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
