package io.github.pendoclient.resource;

import io.github.pendoclient.error.ApiError;
import io.github.pendoclient.error.NotFoundException;
import io.github.pendoclient.http.PendoHttp;
import java.util.Objects;

/** What every resource shares: the stack and argument checks. */
abstract class Resource {

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

    static NotFoundException notFound(String method, String path, String message) {
        return new NotFoundException(message, new ApiError(method, path, 404, 1, null, "", null));
    }
}
