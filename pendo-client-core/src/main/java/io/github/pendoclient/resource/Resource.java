package io.github.pendoclient.resource;

import io.github.pendoclient.error.ApiError;
import io.github.pendoclient.error.InvalidRequestException;
import io.github.pendoclient.error.NotFoundException;
import io.github.pendoclient.internal.http.PendoHttp;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** What every resource shares: the stack and argument checks. */
abstract class Resource {

    static {
        // Resource constructors are package-private; PendoClient reaches them through CoreAccess.
        Resources.lend();
    }

    final PendoHttp http;

    Resource(PendoHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    static String requireId(String id, String what) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be null or empty");
        }
        return id;
    }

    /**
     * Checks an id that becomes a path segment: {@code .} and {@code ..} would change the path (a client or proxy
     * resolves them as directory steps), so they are refused before anything is sent.
     */
    static String requirePathId(String id, String what) {
        requireId(id, what);
        if (id.equals(".") || id.equals("..")) {
            throw new InvalidRequestException(
                    "The " + what + " '" + id + "' cannot be sent: in a URL path it would"
                            + " be read as a directory step. No Pendo object has this id; check where it came from.",
                    new ApiError("", "", 0, 0, null, "", null));
        }
        return id;
    }

    static NotFoundException notFound(String method, String path, String message) {
        return new NotFoundException(message, new ApiError(method, path, 404, 1, null, "", null));
    }

    /**
     * Starts an asynchronous call so that a refused argument fails the future, as every other failure does, rather
     * than being thrown to the caller.
     */
    static <T> CompletableFuture<T> async(Supplier<CompletableFuture<T>> start) {
        try {
            return start.get();
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(refused);
        }
    }
}
