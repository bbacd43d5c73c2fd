package io.github.pendoclient.internal.http;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Percent-encodes {@code +} and {@code ;} in request paths. Both are legal in a path segment, so Retrofit leaves them
 * raw, but servers and proxies read {@code +} as a space and {@code ;} as the start of path parameters. No Pendo path
 * template contains either, so every occurrence comes from an id.
 */
final class PathEncodingInterceptor implements Interceptor {

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String path = request.url().encodedPath();
        if (path.indexOf('+') < 0 && path.indexOf(';') < 0) {
            return chain.proceed(request);
        }
        HttpUrl url = request.url()
                .newBuilder()
                .encodedPath(path.replace("+", "%2B").replace(";", "%3B"))
                .build();
        return chain.proceed(request.newBuilder().url(url).build());
    }
}
