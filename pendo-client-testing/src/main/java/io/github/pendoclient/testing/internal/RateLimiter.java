package io.github.pendoclient.testing.internal;

import io.github.pendoclient.testing.Endpoint;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** A token bucket per endpoint: more than the rate per second on one endpoint is refused. Thread-safe. */
final class RateLimiter {

    private final double perSecond;
    private final LongSupplier nanoTime;
    private final Map<Endpoint, double[]> buckets = new EnumMap<>(Endpoint.class);

    RateLimiter(double perSecond, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
    }

    /** Whether one more call to the endpoint is allowed now; counts it if so. */
    synchronized boolean allow(Endpoint endpoint) {
        if (perSecond <= 0) {
            return true;
        }
        long now = nanoTime.getAsLong();
        double[] bucket = buckets.computeIfAbsent(endpoint, e -> new double[] {0, now});
        bucket[0] = Math.max(0, bucket[0] - (now - bucket[1]) / 1e9 * perSecond);
        bucket[1] = now;
        if (bucket[0] + 1 > Math.max(1, perSecond)) {
            return false;
        }
        bucket[0] += 1;
        return true;
    }
}
