package io.github.pendoclient.internal.http;

import java.io.IOException;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Adds the credential, {@code User-Agent}, {@code Accept} and, for body-less requests, {@code Content-Type}. */
final class HeaderInterceptor implements Interceptor {

    static final String KEY_HEADER = "x-pendo-integration-key";

    private final Supplier<String> credential;
    private final String userAgent;

    HeaderInterceptor(Supplier<String> credential, String userAgent) {
        this.credential = credential;
        this.userAgent = userAgent;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Request.Builder builder =
                request.newBuilder().header(KEY_HEADER, credential.get()).header("User-Agent", userAgent);
        if (request.header("Accept") == null) {
            builder.header("Accept", "application/json");
        }
        if (request.body() == null && request.header("Content-Type") == null) {
            builder.header("Content-Type", "application/json");
        }
        return chain.proceed(builder.build());
    }
}
