package io.github.pendoclient.testing;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.http.RateLimitConfig;
import io.github.pendoclient.http.RetryConfig;
import io.github.pendoclient.testing.internal.Answer;
import io.github.pendoclient.testing.internal.FakeApi;
import io.github.pendoclient.track.Context;
import io.github.pendoclient.track.TrackClient;
import io.github.pendoclient.track.TrackEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import okio.BufferedSink;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-process Pendo on loopback, for testing integrations without a subscription. It serves the REST endpoints,
 * {@code POST /api/v1/aggregation} (a real subset of the pipeline language, see {@link Dataset}) and
 * {@code POST /data/track} over a {@link Dataset}; checks keys like Pendo; plays faults on demand; and records every
 * request. Thread-safe.
 *
 * <pre>{@code
 * @RegisterExtension
 * static FakePendo pendo = FakePendo.create().withDataset(Dataset.generated(42, 1_000));
 *
 * @Test
 * void syncsVisitors() {
 *     PendoClient client = pendo.client();          // pointed at the fake, with a valid key
 *     pendo.enqueueFault(Endpoint.AGGREGATION, Fault.status(429).retryAfterSeconds(1).times(2));
 *     ...
 *     assertThat(pendo.trackEvents()).extracting(TrackEvent::event).contains("Report Exported");
 * }
 * }</pre>
 *
 * <p>As a JUnit 5 extension in a static field it starts before the first test and stops after the last; in an
 * instance field, around each test. By hand: {@link #start()} and {@link #close()}.
 *
 * <p>Authentication is Pendo's: a missing or wrong {@code x-pendo-integration-key} gets 401, and so does a key
 * registered with {@link #withKeyForOtherRegion(String)}, with a message naming the region mix-up. The track
 * endpoint checks the shared secret instead. An aggregation operator the fake does not implement gets 422 naming
 * it, so a test fails loudly instead of passing on wrong data.
 */
public final class FakePendo implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        AutoCloseable {

    /** The integration key the fake accepts unless told otherwise. */
    public static final String DEFAULT_INTEGRATION_KEY = "fake-pendo-integration-key";
    /** The track event shared secret the fake accepts unless told otherwise. */
    public static final String DEFAULT_SHARED_SECRET = "fake-pendo-shared-secret";

    private Dataset dataset = Dataset.empty();
    private String integrationKey = DEFAULT_INTEGRATION_KEY;
    private final Set<String> extraKeys = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Set<String> otherRegionKeys = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private String sharedSecret = DEFAULT_SHARED_SECRET;
    private Clock clock = Clock.systemUTC();
    private double rateLimit;
    private int port;

    private final Object lock = new Object();
    private final Map<Endpoint, Deque<Fault>> faults = new EnumMap<>(Endpoint.class);
    private final List<RecordedCall> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<Endpoint, double[]> buckets = new EnumMap<>(Endpoint.class);
    private MockWebServer server;
    private FakeApi api;
    private PendoClient client;
    private TrackClient trackClient;
    private boolean startedPerTest;

    private FakePendo() {
    }

    /**
     * A fake with an empty dataset and the default keys; not started yet.
     *
     * @return the fake
     */
    public static FakePendo create() {
        return new FakePendo();
    }

    /**
     * Serves this dataset. Set it before starting.
     *
     * @param dataset the data
     * @return this fake
     */
    public FakePendo withDataset(Dataset dataset) {
        requireNotStarted();
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        return this;
    }

    /**
     * Accepts this integration key (instead of {@value #DEFAULT_INTEGRATION_KEY}); {@link #client()} uses it.
     *
     * @param key the key
     * @return this fake
     */
    public FakePendo withIntegrationKey(String key) {
        requireNotStarted();
        this.integrationKey = Objects.requireNonNull(key, "key");
        return this;
    }

    /**
     * Accepts one more integration key; may be called while the fake runs.
     *
     * @param key the key
     * @return this fake
     */
    public FakePendo acceptIntegrationKey(String key) {
        extraKeys.add(Objects.requireNonNull(key, "key"));
        return this;
    }

    /**
     * Treats a key as valid in another region: requests with it get 401, as Pendo answers a key sent to the wrong
     * data centre. May be called while the fake runs.
     *
     * @param key the key
     * @return this fake
     */
    public FakePendo withKeyForOtherRegion(String key) {
        otherRegionKeys.add(Objects.requireNonNull(key, "key"));
        return this;
    }

    /**
     * Accepts this track event shared secret (instead of {@value #DEFAULT_SHARED_SECRET}).
     *
     * @param secret the secret
     * @return this fake
     */
    public FakePendo withSharedSecret(String secret) {
        requireNotStarted();
        this.sharedSecret = Objects.requireNonNull(secret, "secret");
        return this;
    }

    /**
     * Sets the clock behind {@code now()} in aggregations and {@code startTime}.
     *
     * @param clock the clock
     * @return this fake
     */
    public FakePendo withClock(Clock clock) {
        requireNotStarted();
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Answers 429 with {@code Retry-After: 1} when an endpoint gets more than this many requests per second.
     *
     * @param requestsPerSecond the limit per endpoint; 0 (the default) for none
     * @return this fake
     */
    public FakePendo withRateLimit(double requestsPerSecond) {
        if (requestsPerSecond < 0) {
            throw new IllegalArgumentException("The rate limit must not be negative");
        }
        this.rateLimit = requestsPerSecond;
        return this;
    }

    /**
     * Listens on this port instead of a free one.
     *
     * @param port the port
     * @return this fake
     */
    public FakePendo withPort(int port) {
        requireNotStarted();
        this.port = port;
        return this;
    }

    private void requireNotStarted() {
        if (server != null) {
            throw new IllegalStateException("Configure the fake before it starts");
        }
    }

    /**
     * Starts listening on loopback.
     *
     * @return this fake
     * @throws IllegalStateException if it is already running
     */
    public FakePendo start() {
        synchronized (lock) {
            requireNotStarted();
            api = new FakeApi(dataset, clock::millis);
            MockWebServer started = new MockWebServer();
            started.setServerSocketFactory(new NoDelayServerSockets());
            started.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                    return answer(request);
                }
            });
            try {
                started.start(InetAddress.getLoopbackAddress(), port);
            } catch (IOException e) {
                throw new UncheckedIOException("The fake could not listen on port " + port, e);
            }
            server = started;
            return this;
        }
    }

    /** Stops the fake and the clients it made. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            if (client != null) {
                client.close();
                client = null;
            }
            if (trackClient != null) {
                trackClient.close();
                trackClient = null;
            }
            if (server != null) {
                server.close();
                server = null;
            }
        }
    }

    /**
     * Whether the fake is running.
     *
     * @return true between start and close
     */
    public boolean isRunning() {
        return server != null;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!isRunning()) {
            start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!isRunning()) {
            startedPerTest = true;
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (startedPerTest) {
            startedPerTest = false;
            close();
        }
    }

    private MockWebServer running() {
        MockWebServer running = server;
        if (running == null) {
            throw new IllegalStateException("The fake is not running: call start(), or register it with"
                    + " @RegisterExtension");
        }
        return running;
    }

    /**
     * The base URL, for example {@code http://127.0.0.1:53123/}.
     *
     * @return the base URL
     */
    public URI baseUrl() {
        return running().url("/").uri();
    }

    /**
     * The port.
     *
     * @return the port
     */
    public int port() {
        return running().getPort();
    }

    /**
     * The integration key the fake accepts.
     *
     * @return the key
     */
    public String integrationKey() {
        return integrationKey;
    }

    /**
     * The track event shared secret the fake accepts.
     *
     * @return the secret
     */
    public String sharedSecret() {
        return sharedSecret;
    }

    /**
     * The dataset.
     *
     * @return the dataset as configured (changes made by requests are not in it)
     */
    public Dataset dataset() {
        return dataset;
    }

    /**
     * A client pointed at the fake with a valid key, quick retries and no client-side rate limit; closed with the
     * fake.
     *
     * @return the shared client
     */
    public PendoClient client() {
        synchronized (lock) {
            if (client == null) {
                client = clientBuilder().build();
            }
            return client;
        }
    }

    /**
     * A builder pointed at the fake with a valid key, quick retries (10 ms to 100 ms) and no client-side rate limit,
     * to adjust before building. The caller closes what it builds.
     *
     * @return the builder
     */
    public PendoClient.Builder clientBuilder() {
        return PendoClient.builder().integrationKey(integrationKey).baseUrl(baseUrl()).retries(quickRetries())
                .rateLimit(RateLimitConfig.disabled());
    }

    /**
     * A track client pointed at the fake with the valid shared secret; closed with the fake.
     *
     * @return the shared track client
     */
    public TrackClient trackClient() {
        synchronized (lock) {
            if (trackClient == null) {
                trackClient = trackClientBuilder().build();
            }
            return trackClient;
        }
    }

    /**
     * A track client builder pointed at the fake with the valid shared secret, to adjust before building.
     *
     * @return the builder
     */
    public TrackClient.Builder trackClientBuilder() {
        return TrackClient.builder().sharedSecret(sharedSecret).baseUrl(baseUrl()).retries(quickRetries())
                .rateLimit(RateLimitConfig.disabled());
    }

    private static RetryConfig quickRetries() {
        return RetryConfig.builder().initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(100))
                .maxRetryAfter(Duration.ofSeconds(2)).build();
    }

    /**
     * Plays a fault on the next requests to an endpoint, after the faults already queued for it.
     *
     * @param endpoint the endpoint
     * @param fault the fault
     * @return this fake
     */
    public FakePendo enqueueFault(Endpoint endpoint, Fault fault) {
        synchronized (lock) {
            faults.computeIfAbsent(Objects.requireNonNull(endpoint, "endpoint"), e -> new ArrayDeque<>())
                    .add(Objects.requireNonNull(fault, "fault"));
        }
        return this;
    }

    /**
     * Faults queued and not yet played.
     *
     * @return the number of requests the queued faults will still affect
     */
    public int pendingFaults() {
        synchronized (lock) {
            return faults.values().stream().flatMap(Deque::stream).mapToInt(Fault::times).sum();
        }
    }

    /**
     * Every request received, in order.
     *
     * @return the requests
     */
    public List<RecordedCall> requests() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /**
     * The requests to one endpoint.
     *
     * @param endpoint the endpoint
     * @return the requests
     */
    public List<RecordedCall> requests(Endpoint endpoint) {
        return requests().stream().filter(call -> call.endpoint() == endpoint).toList();
    }

    /**
     * How many requests an endpoint received.
     *
     * @param endpoint the endpoint
     * @return the count
     */
    public int requestCount(Endpoint endpoint) {
        return requests(endpoint).size();
    }

    /** Forgets the recorded requests and the queued faults. */
    public void clearRequests() {
        calls.clear();
        synchronized (lock) {
            faults.clear();
        }
    }

    /**
     * The track events received and accepted, in arrival order.
     *
     * @return the events
     */
    @SuppressWarnings("unchecked")
    public List<TrackEvent> trackEvents() {
        List<TrackEvent> events = new ArrayList<>();
        for (Map<String, Object> body : running0().trackEvents()) {
            TrackEvent.Builder builder = TrackEvent.builder().event((String) body.get("event"))
                    .visitorId((String) body.get("visitorId")).accountId((String) body.get("accountId"))
                    .timestamp(Instant.ofEpochMilli((Long) body.get("timestamp")));
            if (body.get("properties") instanceof Map<?, ?> properties) {
                builder.properties((Map<String, ?>) properties);
            }
            if (body.get("context") instanceof Map<?, ?> context) {
                builder.context(Context.builder().ip((String) context.get("ip"))
                        .userAgent((String) context.get("userAgent")).url((String) context.get("url"))
                        .title((String) context.get("title")).build());
            }
            events.add(builder.build());
        }
        return events;
    }

    private FakeApi running0() {
        running();
        return api;
    }

    // ---- serving

    private MockResponse answer(RecordedRequest request) throws InterruptedException {
        String method = request.getMethod();
        String path = request.getUrl().encodedPath();
        String query = request.getUrl().encodedQuery();
        Endpoint endpoint = Endpoint.of(method, path);
        String body = request.getBody() == null ? "" : request.getBody().utf8();

        Answer answer = authenticate(endpoint, request);
        boolean throttled = false;
        if (answer == null) {
            answer = rateLimited(endpoint);
            throttled = answer != null;
        }
        Fault fault = answer == null ? nextFault(endpoint) : null;
        if (fault != null && fault.statusCode() != 0) {
            answer = new Answer(fault.statusCode(), fault.contentType(),
                    fault.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        }
        if (fault != null && !fault.delayBeforeAnswer().isZero()) {
            Thread.sleep(fault.delayBeforeAnswer().toMillis());
        }
        if (answer == null) {
            answer = api.handle(endpoint, method, path.substring(1), queryParameters(query), body);
        }
        boolean disconnect = fault != null && fault.disconnects();
        calls.add(new RecordedCall(method, path, query == null ? "" : query, endpoint, redactedHeaders(request),
                body, disconnect ? 0 : answer.status()));
        MockResponse.Builder response = new MockResponse.Builder().code(answer.status());
        if (fault != null && fault.retryAfter() != null) {
            response.addHeader("Retry-After", fault.retryAfter());
        } else if (throttled) {
            response.addHeader("Retry-After", 1);
        }
        if (answer.contentType() != null) {
            response.addHeader("Content-Type", answer.contentType());
        }
        if (disconnect) {
            Buffer whole = new Buffer();
            write(answer, whole);
            long size = whole.size();
            Buffer half = new Buffer();
            half.write(whole, size / 2);
            return response.body(half).setHeader("Content-Length", size)
                    .onResponseEnd(new SocketEffect.CloseSocket(false, false, true)).build();
        }
        if (answer.streaming() != null) {
            // MockWebServer ends the connection after a body of unknown length: say so, so that clients do not
            // reuse it (and silently replay the next request on a dead connection).
            return response.setHeader("Transfer-Encoding", "chunked").setHeader("Connection", "close")
                    .body(new ChunkedBody(answer.streaming())).build();
        }
        return response.body(new Buffer().write(answer.body())).build();
    }

    private static void write(Answer answer, Buffer into) {
        try {
            if (answer.streaming() != null) {
                answer.streaming().writeTo(into);
            } else {
                into.write(answer.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Server sockets whose connections send small writes at once. MockWebServer writes the headers and the body
     * separately; with Nagle's algorithm on, the body waits for the client's delayed acknowledgement (40 ms on
     * Linux), which would make every small answer slow.
     */
    private static final class NoDelayServerSockets extends javax.net.ServerSocketFactory {
        @Override
        public java.net.ServerSocket createServerSocket() throws IOException {
            return new java.net.ServerSocket() {
                @Override
                public java.net.Socket accept() throws IOException {
                    java.net.Socket socket = super.accept();
                    socket.setTcpNoDelay(true);
                    return socket;
                }
            };
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port) throws IOException {
            java.net.ServerSocket socket = createServerSocket();
            socket.bind(new java.net.InetSocketAddress(port));
            return socket;
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
            java.net.ServerSocket socket = createServerSocket();
            socket.bind(new java.net.InetSocketAddress(port), backlog);
            return socket;
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog, InetAddress address)
                throws IOException {
            java.net.ServerSocket socket = createServerSocket();
            socket.bind(new java.net.InetSocketAddress(address, port), backlog);
            return socket;
        }
    }

    /** Writes a streamed body in HTTP/1.1 chunks, so nothing has to know its length in advance. */
    private static final class ChunkedBody implements MockResponseBody {
        private final Answer.Streaming streaming;

        ChunkedBody(Answer.Streaming streaming) {
            this.streaming = streaming;
        }

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            Buffer pending = new Buffer();
            okio.Sink chunker = new okio.Sink() {
                @Override
                public void write(Buffer source, long byteCount) throws IOException {
                    pending.write(source, byteCount);
                    if (pending.size() >= 64 * 1024) {
                        flushChunk();
                    }
                }

                private void flushChunk() throws IOException {
                    if (pending.size() > 0) {
                        sink.writeUtf8(Long.toHexString(pending.size())).writeUtf8("\r\n");
                        sink.write(pending, pending.size());
                        sink.writeUtf8("\r\n");
                        sink.flush();
                    }
                }

                @Override
                public void flush() throws IOException {
                    flushChunk();
                }

                @Override
                public okio.Timeout timeout() {
                    return okio.Timeout.NONE;
                }

                @Override
                public void close() throws IOException {
                    flushChunk();
                }
            };
            BufferedSink buffered = okio.Okio.buffer(chunker);
            try {
                streaming.writeTo(buffered);
                buffered.flush();
            } catch (RuntimeException e) {
                // An error after the 200 went out: end the body without its last chunk, so the client sees a cut.
                sink.flush();
                throw new IOException("The aggregation failed while streaming: " + e, e);
            }
            sink.writeUtf8("0\r\n\r\n");
            sink.flush();
        }
    }

    private Answer authenticate(Endpoint endpoint, RecordedRequest request) {
        String key = request.getHeaders().get("x-pendo-integration-key");
        if (endpoint.usesSharedSecret()) {
            return sharedSecret.equals(key) ? null : Answer.error(401, "The track event shared secret is missing"
                    + " or wrong");
        }
        if (key == null || key.isEmpty()) {
            return Answer.error(401, "Missing x-pendo-integration-key header");
        }
        if (otherRegionKeys.contains(key)) {
            return Answer.error(401, "Invalid integration key: it belongs to a subscription in another region");
        }
        if (!key.equals(integrationKey) && !extraKeys.contains(key)) {
            return Answer.error(401, "Invalid integration key");
        }
        return null;
    }

    private Answer rateLimited(Endpoint endpoint) {
        if (rateLimit <= 0) {
            return null;
        }
        synchronized (lock) {
            long now = System.nanoTime();
            double[] bucket = buckets.computeIfAbsent(endpoint, e -> new double[] {0, now});
            bucket[0] = Math.max(0, bucket[0] - (now - bucket[1]) / 1e9 * rateLimit);
            bucket[1] = now;
            if (bucket[0] + 1 > Math.max(1, rateLimit)) {
                return new Answer(429, "application/json", "{\"message\":\"Too Many Requests\"}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
            }
            bucket[0] += 1;
            return null;
        }
    }

    private Fault nextFault(Endpoint endpoint) {
        synchronized (lock) {
            Deque<Fault> queue = faults.get(endpoint);
            if (queue == null || queue.isEmpty()) {
                return null;
            }
            Fault fault = queue.peekFirst();
            queue.pollFirst();
            if (fault.times() > 1) {
                queue.addFirst(fault.times(fault.times() - 1));
            }
            return fault;
        }
    }

    private static Map<String, String> queryParameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            parameters.put(java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8),
                    equals < 0 ? "" : pair.substring(equals + 1));
        }
        return parameters;
    }

    private static Map<String, String> redactedHeaders(RecordedRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : request.getHeaders().names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            headers.put(lower, lower.equals("x-pendo-integration-key") || lower.equals("authorization")
                    ? "[redacted]" : request.getHeaders().get(name));
        }
        return Collections.unmodifiableMap(headers);
    }

    @Override
    public String toString() {
        return "FakePendo{" + (isRunning() ? baseUrl() : "stopped") + ", " + dataset + "}";
    }
}
