package io.github.pendoclient;

import io.github.pendoclient.error.AuthenticationException;
import io.github.pendoclient.error.NotFoundException;
import io.github.pendoclient.error.PermissionDeniedException;
import io.github.pendoclient.internal.http.PendoHttp;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import okhttp3.Request;
import okhttp3.Response;

/**
 * {@link PendoClient#verifyKey()} and its async twin: {@code GET /api/v1/token/verify}, or where that path is
 * unknown (404) the small {@code GET /api/v1/metadata/schema/account}, and a 401 or 403 turned into an answer that
 * says what to check.
 */
final class KeyVerifier {

    private static final String VERIFY_PATH = "api/v1/token/verify";
    private static final String FALLBACK_VERIFY_PATH = "api/v1/metadata/schema/account";

    private final PendoHttp http;
    /** The client's region, or null when it was built with an explicit base URL. */
    private final Region region;

    KeyVerifier(PendoHttp http, Region region) {
        this.http = http;
        this.region = region;
    }

    KeyVerification verify() {
        try {
            return check(VERIFY_PATH);
        } catch (NotFoundException unknownPath) {
            return check(FALLBACK_VERIFY_PATH);
        }
    }

    CompletableFuture<KeyVerification> verifyAsync() {
        return checkAsync(VERIFY_PATH)
                .exceptionallyCompose(failure -> unwrap(failure) instanceof NotFoundException
                        ? checkAsync(FALLBACK_VERIFY_PATH)
                        : CompletableFuture.failedFuture(unwrap(failure)));
    }

    private URI baseUrl() {
        return http.baseUrl().uri();
    }

    private CompletableFuture<KeyVerification> checkAsync(String path) {
        CompletableFuture<Response> responses = http.executeAsync(request(path));
        return responses.handle((response, failure) -> {
            if (failure == null) {
                try (response) {
                    return accepted(response.code());
                }
            }
            Throwable cause = unwrap(failure);
            KeyVerification refusal = refusal(cause, path);
            if (refusal == null) {
                throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
            }
            return refusal;
        });
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private Request request(String path) {
        return new Request.Builder().url(http.url(path)).get().build();
    }

    private KeyVerification check(String path) {
        try (Response response = http.execute(request(path))) {
            return accepted(response.code());
        } catch (AuthenticationException | PermissionDeniedException refused) {
            return refusal(refused, path);
        }
    }

    private KeyVerification accepted(int code) {
        return new KeyVerification(true, code, "The integration key is valid on " + baseUrl() + ".");
    }

    /** The verification a refusal means, or null when the failure says nothing about the key. */
    private KeyVerification refusal(Throwable failure, String path) {
        if (failure instanceof AuthenticationException) {
            return new KeyVerification(
                    false,
                    401,
                    "The integration key was rejected by " + baseUrl() + ". Keys are"
                            + " valid in one region only: "
                            + (region == null ? "check the base URL" : "this client uses region " + region)
                            + "; the subscription's login URL shows its region"
                            + " (app.pendo.io = US, us1, eu, jpn, au).");
        }
        if (failure instanceof PermissionDeniedException) {
            return new KeyVerification(
                    false,
                    403,
                    "The integration key is known to " + baseUrl() + " but may not" + " read " + path
                            + " (HTTP 403); check the key's permissions.");
        }
        return null;
    }
}
