package io.github.pendoclient.internal.http;

import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.TimeSource;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A smooth rate limiter per endpoint on the injectable {@link TimeSource}: each endpoint hands out one slot every
 * {@code 1 / rate} seconds, and a caller waits for its slot. A 429 with {@code Retry-After} sets a pause per
 * endpoint, so every thread waits out the server's hint rather than only the one that received it.
 */
final class EndpointRateLimiter {

    private final RateLimitOptions config;
    private final TimeSource time;
    private final StatsRecorder stats;
    private final ConcurrentMap<String, Slots> slots = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Long> pausedUntilNanos = new ConcurrentHashMap<>();

    EndpointRateLimiter(RateLimitOptions config, TimeSource time, StatsRecorder stats) {
        this.config = config;
        this.time = time;
        this.stats = stats;
    }

    /** Waits until the endpoint may be called again and takes its slot; returns how long it waited. */
    Duration acquire(String endpoint) throws InterruptedIOException {
        Duration wait = reserve(endpoint);
        if (!wait.isZero()) {
            try {
                time.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                InterruptedIOException interrupted = new InterruptedIOException("interrupted while rate limited");
                interrupted.initCause(e);
                throw interrupted;
            }
        }
        return wait;
    }

    /** Takes the endpoint's next slot without waiting; returns how long until it (zero for now). */
    Duration reserve(String endpoint) {
        long now = time.nanoTime();
        long wait = 0;
        Long pausedUntil = pausedUntilNanos.get(endpoint);
        if (pausedUntil != null) {
            wait = Math.max(0, pausedUntil - now);
        }
        double perSecond = config.limitFor(endpoint);
        if (perSecond > 0) {
            Slots endpointSlots =
                    slots.computeIfAbsent(endpoint, key -> new Slots(Math.max(1, (long) (1_000_000_000L / perSecond))));
            wait = Math.max(wait, endpointSlots.reserve(now + wait) - now);
        }
        if (wait <= 0) {
            return Duration.ZERO;
        }
        Duration duration = Duration.ofNanos(wait);
        stats.throttled(duration);
        return duration;
    }

    /** Holds every request to the endpoint back until {@code duration} from now. */
    void pause(String endpoint, Duration duration) {
        long until = time.nanoTime() + duration.toNanos();
        pausedUntilNanos.merge(endpoint, until, Math::max);
    }

    /** The next free slot of one endpoint. */
    private static final class Slots {
        private final long intervalNanos;
        private long nextFreeNanos = Long.MIN_VALUE;

        Slots(long intervalNanos) {
            this.intervalNanos = intervalNanos;
        }

        /** Reserves the first slot at or after {@code earliest}; returns its time. */
        synchronized long reserve(long earliest) {
            long slot = nextFreeNanos == Long.MIN_VALUE ? earliest : Math.max(earliest, nextFreeNanos);
            nextFreeNanos = slot + intervalNanos;
            return slot;
        }
    }
}
