package io.github.pendoclient.spring;

import io.github.pendoclient.KeyVerification;
import io.github.pendoclient.PendoClient;
import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.http.TimeSource;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports {@code UP} while Pendo accepts the integration key ({@link PendoClient#verifyKey()}) and {@code DOWN} when
 * it refuses it or cannot be reached. The answer is reused for at least a minute, so health probes never call
 * Pendo more than once a minute. The details name the status and the SDK's message, never the key.
 */
public final class PendoHealthIndicator implements HealthIndicator {

    /** The shortest time an answer is reused. */
    public static final Duration MIN_CACHE = Duration.ofMinutes(1);

    private final PendoClient client;
    private final Duration cacheFor;
    private final TimeSource time;
    private Health cached;
    private long checkedAtNanos;

    private PendoHealthIndicator(PendoClient client, Duration cacheFor, TimeSource time) {
        this.client = client;
        this.cacheFor = cacheFor;
        this.time = time;
    }

    /**
     * A health indicator on a client.
     *
     * @param client the client whose key is checked
     * @param cacheFor how long an answer is reused, at least {@link #MIN_CACHE}
     * @param time the clock that measures it ({@link TimeSource#system()} outside tests)
     * @return the indicator
     * @throws IllegalArgumentException if {@code cacheFor} is shorter than a minute
     */
    public static PendoHealthIndicator create(PendoClient client, Duration cacheFor, TimeSource time) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(cacheFor, "cacheFor");
        Objects.requireNonNull(time, "time");
        if (cacheFor.compareTo(MIN_CACHE) < 0) {
            throw new IllegalArgumentException("pendo.health.cache-for is " + cacheFor + ", but a key check is reused"
                    + " for at least a minute so that health probes do not use up Pendo's rate limit; set 1m or more.");
        }
        return new PendoHealthIndicator(client, cacheFor, time);
    }

    /**
     * The cached answer, or a new key check once the cached one is older than the cache time.
     *
     * @return UP or DOWN, with the check's status and message
     */
    @Override
    public synchronized Health health() {
        long now = time.nanoTime();
        if (cached != null && now - checkedAtNanos < cacheFor.toNanos()) {
            return cached;
        }
        cached = check();
        checkedAtNanos = now;
        return cached;
    }

    private Health check() {
        try {
            KeyVerification verification = client.verifyKey();
            Health.Builder builder = verification.valid() ? Health.up() : Health.down();
            return builder.withDetail("statusCode", verification.statusCode())
                    .withDetail("message", verification.message())
                    .build();
        } catch (PendoException e) {
            return Health.down()
                    .withDetail("error", e.getClass().getSimpleName())
                    .withDetail("message", e.getMessage())
                    .build();
        }
    }

    @Override
    public String toString() {
        return "PendoHealthIndicator[" + client.baseUrl() + ", cacheFor=" + cacheFor + "]";
    }
}
