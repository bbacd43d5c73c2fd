package io.github.pendoclient.internal.http;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.github.pendoclient.error.ApiError;
import io.github.pendoclient.error.AuthenticationException;
import io.github.pendoclient.error.InvalidRequestException;
import io.github.pendoclient.error.NotFoundException;
import io.github.pendoclient.error.OutcomeUnknownException;
import io.github.pendoclient.error.PendoApiException;
import io.github.pendoclient.error.PendoErrorBody;
import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.error.PendoNetworkException;
import io.github.pendoclient.error.PermissionDeniedException;
import io.github.pendoclient.error.RateLimitedException;
import io.github.pendoclient.error.RedirectNotFollowedException;
import io.github.pendoclient.error.ServerException;
import io.github.pendoclient.error.UnreadableResponseException;
import io.github.pendoclient.internal.json.JsonValues;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/** Turns failed exchanges into the typed exceptions of {@code io.github.pendoclient.error}, secrets removed. */
final class ErrorMapper {

    static final int RAW_BODY_LIMIT = 1024;
    private static final long PEEK_LIMIT = 64 * 1024;
    private static final Pattern JSON_PATH = Pattern.compile("at path (\\$\\S*)");
    private static final Pattern HTML_TITLE =
            Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final Redactor redactor;
    private final String credentialName;
    private final String hostDescription;
    private final RetryRules retry;

    ErrorMapper(Redactor redactor, String credentialName, String hostDescription, RetryRules retry) {
        this.redactor = redactor;
        this.credentialName = credentialName;
        this.hostDescription = hostDescription;
        this.retry = retry;
    }

    static String pathOf(Request request) {
        String query = request.url().encodedQuery();
        return request.url().encodedPath() + (query == null ? "" : "?" + query);
    }

    /**
     * The simple name of the exception a call that ended this way fails with, for the event listener; reads nothing
     * the caller still needs (an error body is peeked, not consumed).
     *
     * @param request the call's request
     * @param response the last response, or null
     * @param failure what ended the call, or null when it ended with {@code response}
     * @return the simple class name, or {@code "none"} for a successful response
     */
    String errorType(Request request, Response response, Throwable failure) {
        if (failure instanceof OutcomeUnknownIoException) {
            return OutcomeUnknownException.class.getSimpleName();
        }
        if (failure instanceof IOException io) {
            return fromIoFailure(request, io).getClass().getSimpleName();
        }
        if (failure != null) {
            return failure.getClass().getSimpleName();
        }
        if (response == null || response.isSuccessful()) {
            return "none";
        }
        okhttp3.ResponseBody peeked;
        try {
            peeked = response.peekBody(PEEK_LIMIT);
        } catch (IOException | IllegalStateException unreadable) {
            peeked = okhttp3.ResponseBody.create("", null);
        }
        return fromResponse(response.newBuilder().body(peeked).build())
                .getClass()
                .getSimpleName();
    }

    /** Maps an error response; the caller closes it. */
    PendoApiException fromResponse(Response response) {
        Request request = response.request();
        int attempts = RequestTags.attempts(request);
        String text = bodyText(response);
        PendoErrorBody errorBody = redacted(parseErrorBody(text));
        String raw = redactor.redact(truncate(text, RAW_BODY_LIMIT));
        Duration retryAfter = retry.retryAfter(response);
        int code = response.code();
        ApiError error = new ApiError(
                request.method(), pathOf(request), code, attempts, errorBody, raw, retryAfter, headers(response));
        String what = request.method() + " " + request.url().encodedPath();
        String tries = attempts == 1 ? "1 attempt" : attempts + " attempts";
        String detail = detail(response, text, errorBody);
        String message;
        if (code == 401) {
            message = "Pendo rejected the " + credentialName + " (HTTP 401) for " + what + " at " + hostDescription
                    + ". Keys are valid in one region only: check that the region matches the subscription's login"
                    + " URL (app.pendo.io = US, us1, eu, jpn, au), and that the key was not revoked." + detail;
            return new AuthenticationException(message, error);
        }
        if (code == 403) {
            message = "Pendo refused " + what + " (HTTP 403): the " + credentialName + " lacks permission. The"
                    + " aggregation endpoint and writes need an integration key created with 'Allow Write Access'."
                    + detail;
            return new PermissionDeniedException(message, error);
        }
        if (code == 404) {
            message = "Not found (HTTP 404): " + what + " at " + hostDescription
                    + ". The object does not exist, or this host does not serve that path." + detail;
            return new NotFoundException(message, error);
        }
        if (code == 400 || code == 422) {
            message = "Pendo refused " + what + " as invalid (HTTP " + code + ")." + detail
                    + " Fix the request; it is not retried.";
            return new InvalidRequestException(message, error);
        }
        if (code == 429 && attempts == 1 && retry.waitsTooLong(response)) {
            message = "Pendo is rate limiting " + what + " (HTTP 429) and asked to wait " + retryAfter.toSeconds()
                    + " s, longer than the client's maxRetryAfter; not retried. Retry after that time, or"
                    + " configure RetryOptions.longRetryAfter(WAIT_CAP)." + detail;
            return new RateLimitedException(message, error);
        }
        if (code == 429) {
            message = "Pendo is still rate limiting " + what + " (HTTP 429) after " + tries
                    + (retryAfter != null ? "; its last Retry-After was " + retryAfter.toSeconds() + " s" : "")
                    + ". Lower the client's rate limit or retry later." + detail;
            return new RateLimitedException(message, error);
        }
        if (code >= 300 && code < 400) {
            return redirect(response, error, what, detail);
        }
        if (code >= 500) {
            message = "Pendo failed with HTTP " + code + " for " + what + " after " + tries + "." + detail
                    + " This is usually temporary: retry later.";
            return new ServerException(message, error);
        }
        message = "Pendo answered HTTP " + code + " for " + what + " after " + tries + "." + detail;
        return new PendoApiException(message, error);
    }

    private RedirectNotFollowedException redirect(Response response, ApiError error, String what, String detail) {
        String location = response.header("Location");
        int code = response.code();
        String message;
        if (location == null || location.isBlank()) {
            message = "Pendo answered HTTP " + code + " for " + what + " without a Location to follow." + detail
                    + " Pendo does not redirect API calls: check the base URL (" + hostDescription + ") and any proxy"
                    + " in between.";
        } else {
            String shown = redactor.redact(Redactor.withoutUserInfo(location));
            okhttp3.HttpUrl target = response.request().url().resolve(location.trim());
            boolean sameHost = target != null
                    && RedirectInterceptor.sameOrigin(response.request().url(), target);
            message = sameHost
                    ? "Pendo answered HTTP " + code + " for " + what + ", redirecting to " + shown + " within the API"
                            + " host; not followed after " + RedirectInterceptor.MAX_REDIRECTS + " redirects in a row"
                            + " (or the body could not be sent again)." + detail + " Check the base URL ("
                            + hostDescription + ") and any proxy in between."
                    : "Pendo answered HTTP " + code + " for " + what + " with a redirect to another host, " + shown
                            + "; not followed, because the " + credentialName + " is never sent to any host but "
                            + hostDescription + "." + detail + " Pendo does not redirect API calls to another host:"
                            + " check the base URL or region, and any proxy or captive portal in between.";
        }
        return new RedirectNotFollowedException(message, error);
    }

    /** The response headers, names in lower case, without credential headers, credentials in values redacted. */
    private Map<String, List<String>> headers(Response response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.headers().names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals(HeaderInterceptor.KEY_HEADER)
                    || lower.equals("authorization")
                    || lower.equals("cookie")
                    || lower.equals("set-cookie")) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (String value : response.headers(name)) {
                values.add(redactor.redact(Redactor.isUrlHeader(name) ? Redactor.withoutUserInfo(value) : value));
            }
            headers.put(lower, List.copyOf(values));
        }
        return headers;
    }

    /** Maps the I/O failure that ended a call. */
    PendoException fromIoFailure(Request request, IOException failure) {
        if (failure instanceof OutcomeUnknownIoException unknown) {
            return outcomeUnknown(request, unknown);
        }
        int attempts = 1;
        IOException cause = failure;
        if (failure instanceof AttemptsExhaustedException exhausted) {
            attempts = exhausted.attempts();
            cause = exhausted.lastFailure();
        }
        if (cause instanceof ContentDecodingInterceptor.UndecodableBodyException undecodable) {
            return unreadable(request, undecodable);
        }
        String what = request.method() + " " + request.url().encodedPath();
        String tries = attempts == 1 ? "1 attempt" : attempts + " attempts";
        String reason;
        if (cause instanceof UnknownHostException) {
            reason = "the host name does not resolve; check the region or base URL (" + hostDescription + ")";
        } else if (cause instanceof ConnectException) {
            reason = "the connection was refused; check network access to " + hostDescription;
        } else if (cause instanceof SocketTimeoutException) {
            reason = "a timeout expired (" + redactor.redact(cause.getMessage()) + "); raise the timeouts or retry";
        } else if (cause instanceof InterruptedIOException) {
            reason = "the call was cancelled or ran past its call timeout";
        } else {
            reason = cause.getClass().getSimpleName() + ": " + redactor.redact(cause.getMessage());
        }
        return new PendoNetworkException(
                what + " to " + hostDescription + " failed after " + tries + ": " + reason,
                request.method(),
                pathOf(request),
                attempts,
                cause);
    }

    private OutcomeUnknownException outcomeUnknown(Request request, OutcomeUnknownIoException unknown) {
        PendoException cause;
        String reason;
        if (unknown.response() != null) {
            try (Response response = unknown.response()) {
                cause = fromResponse(response);
            }
            reason = "Pendo answered HTTP " + unknown.response().code()
                    + (cause instanceof RedirectNotFollowedException redirect
                            ? " (" + redirect.getMessage() + ")"
                            : "");
        } else {
            cause = fromIoFailure(
                    request, new AttemptsExhaustedException(unknown.attempts(), (IOException) unknown.getCause()));
            IOException io = (IOException) unknown.getCause();
            reason = "the answer was lost (" + io.getClass().getSimpleName() + ": " + redactor.redact(io.getMessage())
                    + ")";
        }
        String what = request.method() + " " + request.url().encodedPath();
        return new OutcomeUnknownException(
                what + " may or may not have been applied: Pendo received the request,"
                        + " or may have, and " + reason
                        + ". It was not sent again, because a second copy could apply it"
                        + " twice. Check first: " + unknown.whatToCheck()
                        + "; then send it again only if it did not take"
                        + " effect.",
                request.method(),
                pathOf(request),
                unknown.attempts(),
                unknown.whatToCheck(),
                cause);
    }

    /** Maps a body that could not be read as the expected JSON; the credential is removed from every message. */
    UnreadableResponseException unreadable(Request request, Throwable failure) {
        String original = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        String message = redactor.redact(original);
        if (!message.equals(original)
                || failure.getCause() != null
                        && !String.valueOf(failure.getCause().getMessage())
                                .equals(redactor.redact(
                                        String.valueOf(failure.getCause().getMessage())))) {
            failure = new IOException(message);
        }
        Matcher matcher = JSON_PATH.matcher(message);
        String jsonPath = matcher.find() ? matcher.group(1) : null;
        boolean undecodable = failure instanceof ContentDecodingInterceptor.UndecodableBodyException;
        String kind = failure instanceof JsonBodyConverters.EmptyBodyException
                ? "has no body where one was expected"
                : undecodable
                        ? "could not be decoded"
                        : failure instanceof EOFException ? "was cut short" : "is not the expected JSON";
        String advice = undecodable
                ? ". It was not retried: the answer arrived whole and would not change; a proxy"
                        + " or gateway in front of Pendo may be altering responses."
                : ". If it persists, report it with the" + " path above.";
        return new UnreadableResponseException(
                "The response to " + request.method() + " "
                        + request.url().encodedPath() + " " + kind + (jsonPath != null ? " at " + jsonPath : "") + ": "
                        + message + advice,
                request.method(),
                pathOf(request),
                RequestTags.attempts(request),
                jsonPath,
                failure);
    }

    private static String bodyText(Response response) {
        try {
            Buffer buffer = new Buffer();
            okio.BufferedSource source = response.body().source();
            source.request(PEEK_LIMIT);
            buffer.write(
                    source.getBuffer(), Math.min(PEEK_LIMIT, source.getBuffer().size()));
            return buffer.readUtf8();
        } catch (IOException | IllegalStateException e) {
            return "";
        }
    }

    /** The error body with the credential removed from every string in it. */
    private PendoErrorBody redacted(PendoErrorBody body) {
        if (body == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) redactValue(body.fields());
        return new PendoErrorBody(redactValue(body.overall()), fields);
    }

    private Object redactValue(Object value) {
        if (value instanceof String text) {
            return redactor.redact(text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(redactor.redact(String.valueOf(key)), redactValue(item)));
            return copy;
        }
        if (value instanceof java.util.List<?> list) {
            java.util.List<Object> copy = new java.util.ArrayList<>();
            list.forEach(item -> copy.add(redactValue(item)));
            return copy;
        }
        return value;
    }

    private static PendoErrorBody parseErrorBody(String text) {
        String trimmed = text.trim();
        if (!trimmed.startsWith("{")) {
            return null;
        }
        try {
            Map<String, Object> object = JsonValues.readObject(JsonReader.of(new Buffer().writeUtf8(trimmed)));
            if (!object.containsKey("overall") && !object.containsKey("fields")) {
                return null;
            }
            Object fields = object.get("fields");
            @SuppressWarnings("unchecked")
            Map<String, Object> fieldMap = fields instanceof Map<?, ?> ? (Map<String, Object>) fields : Map.of();
            return new PendoErrorBody(object.get("overall"), fieldMap);
        } catch (IOException | JsonDataException e) {
            return null;
        }
    }

    private String detail(Response response, String text, PendoErrorBody errorBody) {
        if (text.isBlank()) {
            return "";
        }
        if (errorBody != null) {
            StringBuilder detail = new StringBuilder();
            Object overall = errorBody.overall();
            if (overall != null && !(overall instanceof Map<?, ?> map && map.isEmpty())) {
                detail.append(" Pendo says: ").append(overall).append('.');
            }
            if (!errorBody.fields().isEmpty()) {
                detail.append(" Fields: ")
                        .append(errorBody.fields().entrySet().stream()
                                .map(entry -> entry.getKey() + ": " + entry.getValue())
                                .collect(Collectors.joining("; ")))
                        .append('.');
            }
            return redactor.redact(detail.toString());
        }
        String contentType = response.header("Content-Type", "");
        String trimmed = text.trim();
        if (contentType.toLowerCase(Locale.ROOT).contains("html") || trimmed.startsWith("<")) {
            Matcher title = HTML_TITLE.matcher(trimmed);
            String name = title.find() ? title.group(1).replaceAll("\\s+", " ").trim() : "";
            return " The body is an HTML page" + (name.isEmpty() ? "" : " titled '" + redactor.redact(name) + "'")
                    + ", probably from a proxy or load balancer in front of Pendo.";
        }
        return " Body: " + redactor.redact(truncate(trimmed.replaceAll("\\s+", " "), 200));
    }

    private static String truncate(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit) + "...";
    }
}
