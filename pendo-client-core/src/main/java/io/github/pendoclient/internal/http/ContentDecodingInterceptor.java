package io.github.pendoclient.internal.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.GzipSource;
import okio.Okio;
import okio.Source;

/**
 * Decodes {@code Content-Encoding: gzip} bodies in place of OkHttp's transparent decoding (a network interceptor, so it
 * sees the body as it came off the wire), to tell two failures apart that OkHttp reports alike: the connection
 * failing while the body is read (a network failure, retried where that is safe) and a body that is not the gzip it
 * claims to be (an {@link UndecodableBodyException}: the answer arrived whole and asking again would not change it).
 * Only bodies OkHttp asked to be compressed are decoded; a caller that sets {@code Accept-Encoding} itself gets the
 * body as sent.
 */
final class ContentDecodingInterceptor implements Interceptor {

    /** A body that claims {@code Content-Encoding: gzip} but could not be decoded as gzip. */
    static final class UndecodableBodyException extends IOException {
        private static final long serialVersionUID = 1L;

        UndecodableBodyException(IOException cause) {
            super(
                    "The body claimed Content-Encoding: gzip but could not be decoded as gzip ("
                            + cause.getClass().getSimpleName()
                            + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
                            + ")",
                    cause);
        }
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (!"gzip".equalsIgnoreCase(response.header("Content-Encoding"))
                || chain.call().request().header("Accept-Encoding") != null
                || !"gzip".equalsIgnoreCase(chain.request().header("Accept-Encoding"))
                || !hasBody(response)) {
            return response;
        }
        ResponseBody raw = response.body();
        WireSource wire = new WireSource(raw.source());
        Source decoded = new DecodedSource(new GzipSource(wire), wire);
        return response.newBuilder()
                .removeHeader("Content-Encoding")
                .removeHeader("Content-Length")
                .body(ResponseBody.create(Okio.buffer(decoded), raw.contentType(), -1L))
                .build();
    }

    private static boolean hasBody(Response response) {
        int code = response.code();
        return !response.request().method().equals("HEAD") && code >= 200 && code != 204 && code != 304;
    }

    /** The body as read from the connection; remembers whether reading it failed. */
    private static final class WireSource extends ForwardingSource {
        private boolean failed;

        WireSource(Source delegate) {
            super(delegate);
        }

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
            try {
                return super.read(sink, byteCount);
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }
    }

    /** The decoded body: a failure of the connection passes as it is, a failure to decode becomes typed. */
    private static final class DecodedSource extends ForwardingSource {
        private final WireSource wire;

        DecodedSource(Source gzip, WireSource wire) {
            super(gzip);
            this.wire = wire;
        }

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
            try {
                return super.read(sink, byteCount);
            } catch (IOException e) {
                if (wire.failed || e instanceof UndecodableBodyException) {
                    throw e;
                }
                throw new UndecodableBodyException(e);
            }
        }
    }
}
