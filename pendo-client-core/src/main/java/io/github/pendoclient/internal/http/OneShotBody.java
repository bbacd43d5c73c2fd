package io.github.pendoclient.internal.http;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * A request body OkHttp must not send twice by itself: with it, OkHttp's own retry on a fresh connection is limited
 * to failures before the body was sent. The SDK's retry loop may still write it again where that is safe.
 */
final class OneShotBody extends RequestBody {

    private final RequestBody delegate;

    OneShotBody(RequestBody delegate) {
        this.delegate = delegate;
    }

    @Override
    public MediaType contentType() {
        return delegate.contentType();
    }

    @Override
    public long contentLength() throws IOException {
        return delegate.contentLength();
    }

    /** Whether the SDK itself may write the body again (the wrapped body can be written twice). */
    boolean canSendAgain() {
        return !delegate.isOneShot();
    }

    @Override
    public boolean isOneShot() {
        return true;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        delegate.writeTo(sink);
    }
}
