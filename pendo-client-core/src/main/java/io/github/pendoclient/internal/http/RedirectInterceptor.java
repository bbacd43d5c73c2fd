package io.github.pendoclient.internal.http;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Follows redirects itself, because OkHttp's own following would send the credential header to any host a response
 * names: only a redirect to the same scheme, host and port as the request is followed, at most {@link #MAX_REDIRECTS}
 * in a row. Anything else (another host or port, another scheme, https to http included, no usable
 * {@code Location}, a body that cannot be sent twice) is returned as it is, with its {@code Location} made absolute and
 * stripped of any user name and password, and becomes a
 * {@link io.github.pendoclient.error.RedirectNotFollowedException}. It sits above the interceptor that adds the
 * credential, so every followed request gets the credential afresh and a refused one never sees it.
 *
 * <p>Redirects keep OkHttp's rules for the method: 307 and 308 repeat the method and body; 301, 302 and 303 turn
 * anything but {@code GET} and {@code HEAD} into a {@code GET} without a body.
 */
final class RedirectInterceptor implements Interceptor {

    /** How many redirects within the API host are followed in a row; Pendo itself sends none. */
    static final int MAX_REDIRECTS = 5;

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(request);
        for (int followed = 0; isRedirect(response.code()); followed++) {
            HttpUrl target = target(request.url(), response);
            Request next = followed < MAX_REDIRECTS && target != null && sameOrigin(request.url(), target)
                    ? followUp(request, response.code(), target)
                    : null;
            if (next == null) {
                return refused(response, target);
            }
            response.close();
            request = next;
            response = chain.proceed(request);
        }
        return response;
    }

    static boolean isRedirect(int code) {
        return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
    }

    /** Whether two URLs share scheme, host and port: the only redirects that may carry the credential. */
    static boolean sameOrigin(HttpUrl from, HttpUrl to) {
        return from.scheme().equals(to.scheme()) && from.host().equalsIgnoreCase(to.host()) && from.port() == to.port();
    }

    /** The redirect's target resolved against the request, or null when there is no usable {@code Location}. */
    private static HttpUrl target(HttpUrl base, Response response) {
        String location = response.header("Location");
        return location == null || location.isBlank() ? null : base.resolve(location.trim());
    }

    private static Request followUp(Request request, int code, HttpUrl target) throws IOException {
        String method = request.method();
        Request.Builder next = request.newBuilder().url(target);
        if (code == 307 || code == 308 || method.equals("GET") || method.equals("HEAD")) {
            RequestBody body = request.body();
            if (body != null && !canSendAgain(body)) {
                return null;
            }
            return next.build();
        }
        return next.method("GET", null)
                .removeHeader("Content-Type")
                .removeHeader("Content-Length")
                .removeHeader("Transfer-Encoding")
                .build();
    }

    private static boolean canSendAgain(RequestBody body) {
        return body instanceof OneShotBody oneShot ? oneShot.canSendAgain() : !body.isOneShot();
    }

    /** The redirect as callers see it: its {@code Location} absolute (when it resolves) and without user info. */
    private static Response refused(Response response, HttpUrl target) {
        if (target == null) {
            return response;
        }
        return response.newBuilder()
                .header("Location", Redactor.withoutUserInfo(target).toString())
                .build();
    }
}
