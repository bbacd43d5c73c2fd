package io.github.pendoclient.testing.internal;

import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.Endpoint;
import io.github.pendoclient.testing.Fault;
import io.github.pendoclient.testing.RecordedCall;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Every request's way through the fake: control endpoints, body encoding, key, rate limit, the scripted fault, the
 * API, the recording, and the HTTP response. Every request gets an answer: whatever a handler throws becomes a 500 in
 * Pendo's error shape. Requests outside the fake's limits (head size, body size, framing, read timeout) never get
 * here: the connection's {@code RequestGuard} answers them.
 */
final class Front extends Dispatcher {

    /** What a recorded secret shows instead of its value. */
    static final String REDACTED = "[redacted]";

    /**
     * Parts of header and query parameter names that mark a secret (compared in lower case): their values are
     * recorded as {@value #REDACTED}.
     */
    private static final java.util.List<String> SECRET_NAME_PARTS = java.util.List.of(
            "key", "secret", "token", "password", "passwd", "signature", "auth", "cookie", "session", "credential");

    private final Supplier<FakeApi> api;
    private final Keys keys;
    private final RateLimiter rateLimiter;
    private final FaultQueue faults;
    private final Recorder recorder;
    private final ControlApi control;

    Front(
            Supplier<FakeApi> api,
            Consumer<UnaryOperator<Dataset>> datasets,
            Keys keys,
            RateLimiter rateLimiter,
            FaultQueue faults,
            Recorder recorder) {
        this.api = api;
        this.keys = keys;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.recorder = recorder;
        this.control = new ControlApi(api, datasets, recorder, faults);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        boolean close = "close".equalsIgnoreCase(request.getHeaders().get("Connection"));
        try {
            return serve(request, close);
        } catch (InterruptedException e) {
            throw e;
        } catch (Throwable e) {
            return HttpResponses.response(failure(e), null, false, true);
        }
    }

    private MockResponse serve(RecordedRequest request, boolean close) throws InterruptedException {
        String method = request.getMethod();
        String path = request.getUrl().encodedPath();
        String query = request.getUrl().encodedQuery();
        byte[] bytes =
                request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
        String body = strictUtf8(bytes);
        Answer notUtf8 = body == null ? notUtf8(bytes) : null;
        if (body == null) {
            body = new String(bytes, StandardCharsets.UTF_8);
        }
        if (ControlApi.handles(path)) {
            return HttpResponses.response(
                    notUtf8 != null ? notUtf8 : control.handle(method, path, body), null, false, close);
        }
        Endpoint endpoint = Endpoint.of(method, path);
        boolean throttled = false;
        Answer answer = keys.check(endpoint, request.getHeaders().get("x-pendo-integration-key"));
        if (answer == null) {
            answer = notUtf8;
        }
        if (answer == null && !rateLimiter.allow(endpoint)) {
            answer = Answer.error(429, "Too Many Requests");
            throttled = true;
        }
        Fault taken = answer == null ? faults.take(endpoint) : null;
        FaultAccess.Plan fault = taken == null ? null : FaultAccess.plan(taken);
        if (fault != null && fault.status() != 0) {
            answer = new Answer(
                    fault.status(), fault.contentType(), fault.body().getBytes(StandardCharsets.UTF_8), null);
        }
        if (fault != null && !fault.delay().isZero()) {
            // Real time on purpose, not the fake's Clock: a delay fault plays a slow server on a real socket, which a
            // client's read timeout (OkHttp, on the wall clock) must see, and which keeps calls in flight in the
            // tests that need them there. The fake's Clock only says what "now" is; it has no sleep to route this
            // through.
            Thread.sleep(fault.delay().toMillis());
        }
        boolean disconnect = fault != null && fault.disconnects();
        if (answer == null) {
            answer = answerSafely(endpoint, method, path, query, body, !disconnect);
        }
        recorder.record(new RecordedCall(
                method,
                path,
                redactedQuery(query),
                endpoint,
                redactedHeaders(request),
                body,
                disconnect ? 0 : answer.status()));
        Long retryAfter =
                fault != null && fault.retryAfterSeconds() != null ? fault.retryAfterSeconds() : throttled ? 1L : null;
        return HttpResponses.response(answer, retryAfter, disconnect, close);
    }

    private Answer answerSafely(
            Endpoint endpoint, String method, String path, String query, String body, boolean buffer) {
        try {
            Answer answer = api.get().handle(endpoint, method, path.substring(1), QueryString.parse(query), body);
            return buffer ? HttpResponses.buffer(answer) : answer;
        } catch (AggregationException e) {
            return Answer.error(e.status(), e.field(), e.getMessage());
        } catch (Throwable e) {
            return failure(e);
        }
    }

    private static Answer failure(Throwable e) {
        String what = e instanceof StackOverflowError ? "its stack overflowed" : e.toString();
        return Answer.error(
                500,
                "The fake failed while answering (" + what + "). This is a bug in the fake;"
                        + " please report it with the request.");
    }

    /** The body as text, or null when it is not valid UTF-8. */
    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Answer notUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        int at = in.position();
        String found = at < bytes.length ? String.format(" (0x%02X)", bytes[at] & 0xFF) : "";
        return Answer.error(
                400,
                "The request body is not valid UTF-8: byte " + at + found + " does not begin a"
                        + " valid UTF-8 sequence. Pendo reads JSON as UTF-8; encode the body as UTF-8.");
    }

    /** Whether a header or query parameter with this name carries a secret, which is recorded as [redacted]. */
    static boolean isSecret(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String part : SECRET_NAME_PARTS) {
            if (lower.contains(part)) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> redactedHeaders(RecordedRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : request.getHeaders().names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            headers.put(lower, isSecret(lower) ? REDACTED : request.getHeaders().get(name));
        }
        return Collections.unmodifiableMap(headers);
    }

    /** The query string as sent, with the value of every parameter whose name marks a secret redacted. */
    static String redactedQuery(String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        java.util.StringJoiner redacted = new java.util.StringJoiner("&");
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String decoded;
            try {
                decoded = java.net.URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                decoded = name;
            }
            redacted.add(isSecret(decoded) ? name + "=" + REDACTED : pair);
        }
        return redacted.toString();
    }

    /** Query strings split into raw (not yet decoded) values, decoded names. */
    static final class QueryString {
        private QueryString() {}

        static Map<String, String> parse(String query) {
            Map<String, String> parameters = new LinkedHashMap<>();
            if (query == null || query.isEmpty()) {
                return parameters;
            }
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                parameters.put(
                        java.net.URLDecoder.decode(name, StandardCharsets.UTF_8),
                        equals < 0 ? "" : pair.substring(equals + 1));
            }
            return parameters;
        }
    }
}
