package io.github.pendoclient.internal.http;

import io.github.pendoclient.api.Idempotent;
import io.github.pendoclient.api.OutcomeCheck;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import okhttp3.Request;
import retrofit2.Invocation;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.HEAD;
import retrofit2.http.HTTP;
import retrofit2.http.OPTIONS;
import retrofit2.http.PATCH;
import retrofit2.http.POST;
import retrofit2.http.PUT;
import retrofit2.http.Streaming;

/** Per-request facts the interceptors share, carried as OkHttp request tags. */
final class RequestTags {

    /** Marks a request whose body is read by the caller as a stream: never buffered, long timeouts. */
    enum StreamingMark {
        INSTANCE
    }

    /** How many attempts produced the response it is attached to. */
    record Attempts(int count) {}

    /**
     * Marks one attempt whose call the {@link RetryEngine} drives from outside OkHttp's interceptor chain
     * (asynchronous and stepwise calls): no retry loop in the chain, the rate-limit slot is already taken.
     */
    enum SingleAttempt {
        INSTANCE
    }

    /** Overrides whether a request may be repeated, for requests built without a Retrofit method. */
    enum Repeatable {
        YES,
        NO
    }

    private RequestTags() {}

    /**
     * Whether the request may be sent twice with the effect of once: an explicit {@link Repeatable} tag, else an
     * {@link Idempotent} Retrofit method, else the HTTP method ({@code POST} and {@code PATCH} are not).
     */
    static boolean isIdempotent(Request request) {
        Repeatable repeatable = request.tag(Repeatable.class);
        if (repeatable != null) {
            return repeatable == Repeatable.YES;
        }
        Invocation invocation = request.tag(Invocation.class);
        if (invocation != null && invocation.method().isAnnotationPresent(Idempotent.class)) {
            return true;
        }
        String method = request.method();
        return !method.equals("POST") && !method.equals("PATCH");
    }

    /** Whether the Retrofit method behind the request returns a body ({@code Void} and {@code Unit} do not). */
    static boolean expectsBody(Request request) {
        Invocation invocation = request.tag(Invocation.class);
        if (invocation == null) {
            return false;
        }
        java.lang.reflect.Type returned =
                PendoCallAdapters.bodyType(invocation.method().getGenericReturnType());
        return returned != Void.class
                && returned != void.class
                && !returned.getTypeName().equals("kotlin.Unit");
    }

    /** How to find out whether a non-idempotent write took effect. */
    static String outcomeCheck(Request request) {
        OutcomeHint hint = request.tag(OutcomeHint.class);
        if (hint != null) {
            return hint.text();
        }
        Invocation invocation = request.tag(Invocation.class);
        OutcomeCheck check = invocation == null ? null : invocation.method().getAnnotation(OutcomeCheck.class);
        return check != null
                ? check.value()
                : "read the object back (list or get it) before sending " + request.method() + " "
                        + request.url().encodedPath() + " again";
    }

    /** How to check the outcome of a request built without a Retrofit method. */
    record OutcomeHint(String text) {}

    /** The endpoint template of a request built without a Retrofit method, for the event listener. */
    record EndpointTemplate(String template) {}

    static boolean isStreaming(Request request) {
        if (request.tag(StreamingMark.class) != null) {
            return true;
        }
        Invocation invocation = request.tag(Invocation.class);
        return invocation != null && invocation.method().isAnnotationPresent(Streaming.class);
    }

    static int attempts(Request request) {
        Attempts attempts = request.tag(Attempts.class);
        return attempts == null ? 1 : attempts.count();
    }

    /**
     * The endpoint key: the HTTP method and the path template, so that every {@code GET /api/v1/visitor/{id}} is
     * one endpoint. Retrofit calls carry their template; other requests use the literal path.
     */
    static String endpoint(Request request) {
        Invocation invocation = request.tag(Invocation.class);
        if (invocation != null) {
            String template = template(invocation.method());
            if (template != null) {
                return request.method() + " " + stripLeadingSlashes(stripQuery(template));
            }
        }
        return request.method() + " " + stripLeadingSlashes(request.url().encodedPath());
    }

    /** The relative URL of a Retrofit method's HTTP annotation, or null. */
    static String template(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation instanceof GET get) {
                return get.value();
            } else if (annotation instanceof POST post) {
                return post.value();
            } else if (annotation instanceof PUT put) {
                return put.value();
            } else if (annotation instanceof DELETE delete) {
                return delete.value();
            } else if (annotation instanceof PATCH patch) {
                return patch.value();
            } else if (annotation instanceof HEAD head) {
                return head.value();
            } else if (annotation instanceof OPTIONS options) {
                return options.value();
            } else if (annotation instanceof HTTP http) {
                return http.path();
            }
        }
        return null;
    }

    private static String stripQuery(String template) {
        int query = template.indexOf('?');
        return query < 0 ? template : template.substring(0, query);
    }

    private static String stripLeadingSlashes(String path) {
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        return path.substring(start);
    }
}
