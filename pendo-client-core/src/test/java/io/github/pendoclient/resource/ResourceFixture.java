package io.github.pendoclient.resource;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.testsupport.FakeTime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A MockWebServer, a client on it with a fake clock, and fixture loading. */
final class ResourceFixture implements AutoCloseable {

    static final String KEY = "fake-rest-key-5678";

    final MockWebServer server = new MockWebServer();
    final FakeTime time = new FakeTime();
    final PendoClient client;

    ResourceFixture() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client = PendoClient.builder()
                .integrationKey(KEY)
                .baseUrl(server.url("/").toString())
                .retries(RetryOptions.builder().jitter(0).build())
                .timeSource(time)
                .build();
    }

    static String fixture(String name) {
        try (InputStream in = ResourceFixture.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    void respond(String fixtureName) {
        server.enqueue(json(200, fixture(fixtureName)));
    }

    void respond(int code, String body) {
        server.enqueue(json(code, body));
    }

    RecordedRequest take() {
        try {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("no request arrived");
            }
            if (!KEY.equals(request.getHeaders().get("x-pendo-integration-key"))) {
                throw new AssertionError("request without the integration key: " + request);
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String body(RecordedRequest request) {
        return request.getBody() == null ? "" : request.getBody().utf8();
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
