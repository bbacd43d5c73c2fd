package io.github.pendoclient.internal.http;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each attempt through SLF4J: the request line and status at DEBUG, headers at TRACE. The credential header
 * and every other {@code x-pendo-*}, authorization or cookie header are written as {@code [redacted]}, and the
 * credential's value is removed from anything else that is logged.
 */
final class LoggingInterceptor implements Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(PendoHttp.class);

    private final Redactor redactor;

    LoggingInterceptor(Redactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!LOG.isDebugEnabled()) {
            return chain.proceed(request);
        }
        String line = request.method() + " " + redactor.redact(request.url().toString());
        LOG.debug("--> {}", line);
        if (LOG.isTraceEnabled()) {
            LOG.trace("--> headers {}", headers(request.headers()));
        }
        long start = System.nanoTime();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            LOG.debug("<-- {} failed: {}: {}", line, e.getClass().getSimpleName(), redactor.redact(e.getMessage()));
            throw e;
        }
        LOG.debug("<-- {} {} ({} ms)", response.code(), line, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        if (LOG.isTraceEnabled()) {
            LOG.trace("<-- headers {}", headers(response.headers()));
        }
        return response;
    }

    private String headers(Headers headers) {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < headers.size(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            String name = headers.name(i);
            text.append(name)
                    .append('=')
                    .append(
                            Redactor.isSecretHeader(name)
                                    ? Redactor.REDACTED
                                    : redactor.redact(
                                            Redactor.isUrlHeader(name)
                                                    ? Redactor.withoutUserInfo(headers.value(i))
                                                    : headers.value(i)));
        }
        return text.append('}').toString();
    }
}
