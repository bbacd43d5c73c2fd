package io.github.pendoclient.internal.http;

import io.github.pendoclient.event.AttemptEnded;
import io.github.pendoclient.event.CallEnded;
import io.github.pendoclient.event.Endpoint;
import io.github.pendoclient.event.PendoEventListener;
import io.github.pendoclient.event.RateLimitWaited;
import io.github.pendoclient.event.RetryReason;
import io.github.pendoclient.event.RetryScheduled;
import java.time.Duration;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Invocation;

/**
 * Hands the HTTP stack's events to the client's {@link PendoEventListener}: a listener that throws is logged (its
 * exception type and the event's kind, nothing of the request) and ignored, so it never fails a call. Endpoints are
 * templates, never the ids in a path: a Retrofit method's relative URL under the base URL's path, the template a
 * caller set with {@link PendoHttp#withEndpointTemplate}, or {@code "other"}.
 */
final class CallEvents {

    private static final Logger LOG = LoggerFactory.getLogger(PendoEventListener.class);

    /** The template of a request built without a Retrofit method and without a template of its caller. */
    static final String OTHER = "other";

    private final PendoEventListener listener;
    private final String basePath;

    CallEvents(PendoEventListener listener, HttpUrl baseUrl) {
        this.listener = listener;
        this.basePath = baseUrl.encodedPath();
    }

    /** Whether anyone listens: when not, no event is built. */
    boolean enabled() {
        return listener != PendoEventListener.NONE;
    }

    /** The endpoint template of a request. */
    Endpoint endpoint(Request request) {
        RequestTags.EndpointTemplate fixed = request.tag(RequestTags.EndpointTemplate.class);
        String template = null;
        if (fixed != null) {
            template = fixed.template();
        } else {
            Invocation invocation = request.tag(Invocation.class);
            if (invocation != null) {
                template = RequestTags.template(invocation.method());
            }
        }
        return new Endpoint(request.method(), template == null || template.isBlank() ? OTHER : underBase(template));
    }

    private String underBase(String template) {
        int query = template.indexOf('?');
        String path = query < 0 ? template : template.substring(0, query);
        return path.startsWith("/") ? path : basePath + path;
    }

    void callStarted(Endpoint endpoint) {
        if (enabled()) {
            deliver("callStarted", l -> l.callStarted(endpoint));
        }
    }

    void rateLimitWaited(Endpoint endpoint, Duration waited) {
        if (enabled() && waited.compareTo(Duration.ZERO) > 0) {
            deliver("rateLimitWaited", l -> l.rateLimitWaited(new RateLimitWaited(endpoint, waited)));
        }
    }

    void attemptEnded(Endpoint endpoint, int attempt, int statusCode, Duration elapsed) {
        if (enabled()) {
            deliver("attemptEnded", l -> l.attemptEnded(new AttemptEnded(endpoint, attempt, statusCode, elapsed)));
        }
    }

    void retryScheduled(Endpoint endpoint, int failedAttempt, RetryReason reason, Duration delay) {
        if (enabled()) {
            deliver(
                    "retryScheduled",
                    l -> l.retryScheduled(new RetryScheduled(endpoint, failedAttempt, reason, delay)));
        }
    }

    void callEnded(Endpoint endpoint, int attempts, int statusCode, Duration elapsed, String errorType) {
        if (enabled()) {
            deliver("callEnded", l -> l.callEnded(new CallEnded(endpoint, attempts, statusCode, elapsed, errorType)));
        }
    }

    private void deliver(String kind, Consumer<PendoEventListener> event) {
        try {
            event.accept(listener);
        } catch (RuntimeException e) {
            LOG.warn(
                    "The event listener {} threw {} on {}; ignored",
                    listener.getClass().getName(),
                    e.getClass().getName(),
                    kind);
        }
    }
}
