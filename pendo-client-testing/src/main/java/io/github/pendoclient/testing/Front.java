package io.github.pendoclient.testing;

import io.github.pendoclient.testing.internal.AggregationException;
import io.github.pendoclient.testing.internal.Answer;
import io.github.pendoclient.testing.internal.FakeApi;
import io.github.pendoclient.testing.internal.HttpResponses;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * Every request's way through the fake: control endpoints, body size, key, rate limit, the scripted fault, the API,
 * the recording, and the HTTP response. Every request gets an answer: whatever a handler throws becomes a 500 in
 * Pendo's error shape.
 */
final class Front extends Dispatcher {

    /** The largest request body the fake reads: Pendo refuses far smaller ones. */
    static final long MAX_BODY_BYTES = 8L << 20;

    private final FakeApi api;
    private final Keys keys;
    private final RateLimiter rateLimiter;
    private final FaultQueue faults;
    private final Recorder recorder;
    private final ControlApi control;

    Front(FakeApi api, Keys keys, RateLimiter rateLimiter, FaultQueue faults, Recorder recorder) {
        this.api = api;
        this.keys = keys;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.recorder = recorder;
        this.control = new ControlApi(api, recorder, faults);
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
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        if (ControlApi.handles(path)) {
            return HttpResponses.response(control.handle(method, path, body), null, false, close);
        }
        Endpoint endpoint = Endpoint.of(method, path);
        Answer answer = null;
        boolean throttled = false;
        if (request.getBodySize() > MAX_BODY_BYTES) {
            answer = Answer.error(413, "The request body is " + request.getBodySize() + " bytes; the fake reads at"
                    + " most " + MAX_BODY_BYTES);
        }
        if (answer == null) {
            answer = keys.check(endpoint, request.getHeaders().get("x-pendo-integration-key"));
        }
        if (answer == null && !rateLimiter.allow(endpoint)) {
            answer = Answer.error(429, "Too Many Requests");
            throttled = true;
        }
        Fault fault = answer == null ? faults.take(endpoint) : null;
        if (fault != null && fault.statusCode() != 0) {
            answer = new Answer(fault.statusCode(), fault.contentType(),
                    fault.body().getBytes(StandardCharsets.UTF_8), null);
        }
        if (fault != null && !fault.delayBeforeAnswer().isZero()) {
            Thread.sleep(fault.delayBeforeAnswer().toMillis());
        }
        boolean disconnect = fault != null && fault.disconnects();
        if (answer == null) {
            answer = answerSafely(endpoint, method, path, query, body, !disconnect);
        }
        recorder.record(new RecordedCall(method, path, query == null ? "" : query, endpoint,
                redactedHeaders(request), body, disconnect ? 0 : answer.status()));
        Long retryAfter = fault != null && fault.retryAfter() != null ? fault.retryAfter() : throttled ? 1L : null;
        return HttpResponses.response(answer, retryAfter, disconnect, close);
    }

    private Answer answerSafely(Endpoint endpoint, String method, String path, String query, String body,
                                boolean buffer) {
        try {
            Answer answer = api.handle(endpoint, method, path.substring(1), QueryString.parse(query), body);
            return buffer ? HttpResponses.buffer(answer) : answer;
        } catch (AggregationException e) {
            return Answer.error(e.status(), e.field(), e.getMessage());
        } catch (Throwable e) {
            return failure(e);
        }
    }

    private static Answer failure(Throwable e) {
        String what = e instanceof StackOverflowError ? "its stack overflowed" : e.toString();
        return Answer.error(500, "The fake failed while answering (" + what + "). This is a bug in the fake;"
                + " please report it with the request.");
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

    /** Query strings split into raw (not yet decoded) values, decoded names. */
    static final class QueryString {
        private QueryString() {
        }

        static Map<String, String> parse(String query) {
            Map<String, String> parameters = new LinkedHashMap<>();
            if (query == null || query.isEmpty()) {
                return parameters;
            }
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                parameters.put(java.net.URLDecoder.decode(name, StandardCharsets.UTF_8),
                        equals < 0 ? "" : pair.substring(equals + 1));
            }
            return parameters;
        }
    }
}
