package io.github.pendoclient.testing.internal;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.track.TrackClient;
import java.time.Duration;

/**
 * The clients a {@code FakePendo} hands out: pointed at its server with a valid key or shared secret, quick retries
 * (10 ms to 100 ms) and no client-side rate limit. The shared ones are made on first use and closed with the fake.
 * Thread-safe.
 */
public final class FakeClients implements AutoCloseable {

    private final FakeServer server;
    private PendoClient client;
    private TrackClient trackClient;

    /** Clients of this server. */
    public FakeClients(FakeServer server) {
        this.server = server;
    }

    /** The shared client, made on first use. */
    public synchronized PendoClient client() {
        if (client == null) {
            client = clientBuilder().build();
        }
        return client;
    }

    /** A builder for a client of the fake; the caller closes what it builds. */
    public PendoClient.Builder clientBuilder() {
        return PendoClient.builder()
                .integrationKey(server.keys().integrationKey())
                .baseUrl(server.baseUrl())
                .retries(quickRetries())
                .rateLimit(RateLimitOptions.disabled());
    }

    /** The shared track client, made on first use. */
    public synchronized TrackClient trackClient() {
        if (trackClient == null) {
            trackClient = trackClientBuilder().build();
        }
        return trackClient;
    }

    /** A builder for a track client of the fake; the caller closes what it builds. */
    public TrackClient.Builder trackClientBuilder() {
        return TrackClient.builder()
                .sharedSecret(server.keys().sharedSecret())
                .baseUrl(server.baseUrl())
                .retries(quickRetries())
                .rateLimit(RateLimitOptions.disabled());
    }

    private static RetryOptions quickRetries() {
        return RetryOptions.builder()
                .initialBackoff(Duration.ofMillis(10))
                .maxBackoff(Duration.ofMillis(100))
                .maxRetryAfter(Duration.ofSeconds(2))
                .build();
    }

    /** Closes the shared clients; the next call to {@link #client()} makes a new one. */
    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (trackClient != null) {
            trackClient.close();
            trackClient = null;
        }
    }
}
