package io.github.pendoclient.testing.internal;

import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.FakePendo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import mockwebserver3.MockWebServer;

/**
 * The fake's server without any test framework: configuration, lifecycle, and what it recorded. {@link FakePendo}
 * is its public face in programs and tests ({@code FakePendoExtension} runs it in JUnit 5); {@code FakePendoServer} runs it standalone, so the standalone jar needs no JUnit.
 * Thread-safe.
 */
public final class FakeServer implements AutoCloseable {

    /** The one address it listens on, and the host of {@link #baseUrl()}: {@code 127.0.0.1} on most systems. */
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final Keys keys = new Keys(FakePendo.DEFAULT_INTEGRATION_KEY, FakePendo.DEFAULT_SHARED_SECRET);
    private final FaultQueue faults = new FaultQueue();
    private final Recorder recorder = new Recorder();
    private volatile Dataset dataset = Dataset.empty();
    private volatile Clock clock = Clock.systemUTC();
    private volatile double rateLimit;
    private volatile int port;
    private volatile RequestLimits limits = RequestLimits.defaults();
    private volatile MockWebServer server;
    private volatile FakeApi api;

    public void dataset(Dataset dataset) {
        requireNotStarted();
        this.dataset = Objects.requireNonNull(dataset, "dataset");
    }

    public Dataset dataset() {
        return dataset;
    }

    /**
     * Serves a changed dataset from now on, running or not: a running server answers every request that starts after
     * this returns from the new one (see {@link FakeApi#over(Dataset)} for what carries over).
     */
    public synchronized void changeDataset(UnaryOperator<Dataset> change) {
        replaceDataset(change.apply(dataset));
    }

    /**
     * Serves another dataset from now on (see {@link #changeDataset(UnaryOperator)}).
     */
    public synchronized void replaceDataset(Dataset dataset) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        if (api != null) {
            api = api.over(dataset);
        }
    }

    public void clock(Clock clock) {
        requireNotStarted();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void rateLimit(double requestsPerSecond) {
        if (requestsPerSecond < 0) {
            throw new IllegalArgumentException("The rate limit must not be negative");
        }
        requireNotStarted();
        this.rateLimit = requestsPerSecond;
    }

    public void requestReadTimeout(Duration timeout) {
        requireNotStarted();
        this.limits = new RequestLimits(timeout);
    }

    public void port(int port) {
        requireNotStarted();
        this.port = port;
    }

    public Keys keys() {
        return keys;
    }

    public FaultQueue faults() {
        return faults;
    }

    public Recorder recorder() {
        return recorder;
    }

    public void requireNotStarted() {
        if (server != null) {
            throw new IllegalStateException("Configure the fake before it starts");
        }
    }

    public synchronized void start() {
        requireNotStarted();
        FakeApi started = new FakeApi(dataset, clock::millis);
        MockWebServer listening = new MockWebServer();
        listening.setServerSocketFactory(new GuardedServerSockets(limits));
        listening.setBodyLimit(RequestLimits.MAX_BODY_BYTES);
        listening.setDispatcher(new Front(
                () -> api,
                change -> changeDataset(change),
                keys,
                new RateLimiter(rateLimit, () -> TimeUnit.MILLISECONDS.toNanos(clock.millis())),
                faults,
                recorder));
        api = started;
        try {
            listening.start(LOOPBACK, port);
        } catch (IOException e) {
            throw new UncheckedIOException("The fake could not listen on port " + port + ": " + e.getMessage(), e);
        }
        server = listening;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public boolean isRunning() {
        return server != null;
    }

    private MockWebServer running() {
        MockWebServer running = server;
        if (running == null) {
            throw new IllegalStateException("The fake is not running: call start(), or register"
                    + " FakePendoExtension.create(fake) with @RegisterExtension");
        }
        return running;
    }

    /** The base URL with the address it listens on, not a name that could resolve to another loopback. */
    public URI baseUrl() {
        String host = LOOPBACK.getHostAddress();
        return URI.create("http://" + (LOOPBACK instanceof Inet6Address ? "[" + host + "]" : host) + ":"
                + running().getPort() + "/");
    }

    public int port() {
        return running().getPort();
    }

    /** The API behind the running server (the last one, after it stopped); null before the first start. */
    public FakeApi api() {
        return api;
    }
}
