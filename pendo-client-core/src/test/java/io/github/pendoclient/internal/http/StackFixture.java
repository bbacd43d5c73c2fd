package io.github.pendoclient.internal.http;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.event.PendoEventListener;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.testsupport.FakeTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A MockWebServer and a client pointed at it, with a fake clock and no jitter, so waits are exact. */
final class StackFixture implements AutoCloseable {

    static final String KEY = "fake-integration-key-1234.us";

    final MockWebServer server = new MockWebServer();
    final FakeTime time = new FakeTime();
    final PendoClient client;
    final TestApi api;

    StackFixture() {
        this(RetryOptions.builder().jitter(0).build(), RateLimitOptions.disabled());
    }

    StackFixture(RetryOptions retry, RateLimitOptions rateLimit) {
        this(retry, rateLimit, PendoEventListener.NONE, "/");
    }

    StackFixture(RetryOptions retry, RateLimitOptions rateLimit, PendoEventListener listener, String basePath) {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client = PendoClient.builder()
                .integrationKey(KEY)
                .baseUrl(server.url(basePath).toString())
                .retries(retry)
                .rateLimit(rateLimit)
                .timeSource(time)
                .applicationName("stack-test/1.0")
                .eventListener(listener)
                .build();
        api = ClientStacks.of(client).create(TestApi.class);
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    void enqueue(MockResponse... responses) {
        for (MockResponse response : responses) {
            server.enqueue(response);
        }
    }

    RecordedRequest take() {
        try {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("no request arrived");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
