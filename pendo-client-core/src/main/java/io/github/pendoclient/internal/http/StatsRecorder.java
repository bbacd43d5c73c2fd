package io.github.pendoclient.internal.http;

import io.github.pendoclient.http.HttpStats;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counters behind {@link HttpStats}. */
final class StatsRecorder {
    private final LongAdder attempts = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder throttledNanos = new LongAdder();

    void attempt() {
        attempts.increment();
    }

    void retry() {
        retries.increment();
    }

    void rateLimitedResponse() {
        rateLimited.increment();
    }

    void throttled(Duration wait) {
        throttled.increment();
        throttledNanos.add(wait.toNanos());
    }

    HttpStats snapshot() {
        return new HttpStats(
                attempts.sum(),
                retries.sum(),
                rateLimited.sum(),
                throttled.sum(),
                Duration.ofNanos(throttledNanos.sum()));
    }
}
