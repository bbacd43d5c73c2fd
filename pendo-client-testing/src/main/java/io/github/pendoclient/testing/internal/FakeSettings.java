package io.github.pendoclient.testing.internal;

import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.FakePendo;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * The settings behind {@code FakePendo.Builder}: each setter checks its argument at once (the messages name the
 * setting, the value and the allowed range), and {@link #applyTo(FakeServer)} configures a server with them. Not
 * thread-safe.
 */
public final class FakeSettings {

    private Dataset dataset = Dataset.empty();
    private String integrationKey = FakePendo.DEFAULT_INTEGRATION_KEY;
    private String sharedSecret = FakePendo.DEFAULT_SHARED_SECRET;
    private final Set<String> keysForOtherRegion = new LinkedHashSet<>();
    private Clock clock = Clock.systemUTC();
    private double rateLimit;
    private int port;
    private Duration requestReadTimeout = Duration.ofSeconds(1);

    /** The defaults of {@code FakePendo.create()}. */
    public FakeSettings() {}

    public void dataset(Dataset dataset) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
    }

    public void integrationKey(String key) {
        this.integrationKey = requireText(key, "integrationKey");
    }

    public void keyForOtherRegion(String key) {
        keysForOtherRegion.add(requireText(key, "keyForOtherRegion"));
    }

    public void sharedSecret(String secret) {
        this.sharedSecret = requireText(secret, "sharedSecret");
    }

    public void clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void rateLimit(double requestsPerSecond) {
        if (!(requestsPerSecond >= 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException(
                    "rateLimit must be a finite number >= 0 (0 for none), got " + requestsPerSecond);
        }
        this.rateLimit = requestsPerSecond;
    }

    public void port(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        this.port = port;
    }

    public void requestReadTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "requestReadTimeout");
        if (timeout.compareTo(Duration.ofMillis(1)) < 0 || timeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("requestReadTimeout must be between 1 ms and 1 hour, got " + timeout);
        }
        this.requestReadTimeout = timeout;
    }

    /** An independent copy. */
    public FakeSettings copy() {
        FakeSettings copy = new FakeSettings();
        copy.dataset = dataset;
        copy.integrationKey = integrationKey;
        copy.sharedSecret = sharedSecret;
        copy.keysForOtherRegion.addAll(keysForOtherRegion);
        copy.clock = clock;
        copy.rateLimit = rateLimit;
        copy.port = port;
        copy.requestReadTimeout = requestReadTimeout;
        return copy;
    }

    /** Configures a server that has not started with these settings. */
    public void applyTo(FakeServer server) {
        server.dataset(dataset);
        server.keys().integrationKey(integrationKey);
        server.keys().sharedSecret(sharedSecret);
        keysForOtherRegion.forEach(server.keys()::otherRegion);
        server.clock(clock);
        server.rateLimit(rateLimit);
        server.port(port);
        server.requestReadTimeout(requestReadTimeout);
    }

    private static String requireText(String value, String setting) {
        Objects.requireNonNull(value, setting);
        if (value.isBlank()) {
            throw new IllegalArgumentException(setting + " must not be blank");
        }
        return value;
    }
}
