package io.github.pendoclient.testing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.SocketEffect;
import okio.Buffer;
import okio.BufferedSink;

/**
 * Turns the fake's {@link Answer}s into HTTP responses that every client can read, leaving the framing to
 * MockWebServer: a standard status line with its reason phrase, and either a {@code Content-Length} body (the
 * connection stays open for the next request unless the client asked to close it) or, for a body too large to hold,
 * a body that ends when the connection closes ({@code Connection: close}, no {@code Content-Length}, no
 * {@code Transfer-Encoding}: the framing of RFC 9112, section 6.3, rule 8), closed as soon as the body is written.
 *
 * <p>A streamed body is first produced into memory up to {@value #MAX_BUFFERED} bytes, so every answer that fits
 * (all but the largest aggregations) has a known length, and an error found while producing it (a type error in a
 * filter, say) still becomes a proper 4xx or 5xx answer instead of a cut connection.
 */
public final class HttpResponses {

    /** How much of a streamed body is produced before the headers go out. */
    public static final int MAX_BUFFERED = 1 << 20;

    /** How much of a streamed body is gathered before it goes to the socket; {@link #MAX_BUFFERED} is a multiple. */
    static final int FLUSH_EVERY = 64 * 1024;

    private HttpResponses() {}

    /**
     * The answer's status line: {@code HTTP/1.1 429 Too Many Requests}.
     *
     * @param status the status
     * @return the status line
     */
    public static String statusLine(int status) {
        return "HTTP/1.1 " + status + " " + ReasonPhrases.of(status);
    }

    /**
     * Produces a streamed answer's body as far as {@link #MAX_BUFFERED} bytes, and answers it with a known length
     * when it fits.
     *
     * @param answer the answer
     * @return the same answer with an in-memory body when it fits; otherwise a streaming answer that writes the part
     *     already produced and then the rest
     * @throws AggregationException or any other exception the body's producer throws before the limit
     */
    public static Answer buffer(Answer answer) {
        if (answer.streaming() == null) {
            return answer;
        }
        Buffer produced = new Buffer();
        try {
            Answer.Parts parts = answer.streaming().open(produced);
            while (produced.size() < MAX_BUFFERED) {
                if (!parts.writeNext()) {
                    return new Answer(answer.status(), answer.contentType(), produced.readByteArray(), null);
                }
            }
            // The parts keep writing into `produced`: hand each on to the real sink as it comes.
            return new Answer(answer.status(), answer.contentType(), null, sink -> () -> {
                if (produced.size() > 0) {
                    sink.write(produced, produced.size());
                    return true;
                }
                boolean more = parts.writeNext();
                sink.write(produced, produced.size());
                return more;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The HTTP response for an answer.
     *
     * @param answer the answer, as {@link #buffer(Answer)} left it
     * @param retryAfterSeconds a {@code Retry-After} value, or null
     * @param disconnectMidBody promise the whole body, send half of it (or nothing of an empty one) and close
     * @param close close the connection after the answer (the request said {@code Connection: close})
     * @return the response
     */
    public static MockResponse response(
            Answer answer, Long retryAfterSeconds, boolean disconnectMidBody, boolean close) {
        MockResponse.Builder response = new MockResponse.Builder().status(statusLine(answer.status()));
        if (retryAfterSeconds != null) {
            response.addHeader("Retry-After", retryAfterSeconds);
        }
        if (answer.contentType() != null) {
            response.addHeader("Content-Type", answer.contentType());
        }
        if (disconnectMidBody) {
            byte[] whole = whole(answer);
            // An empty answer still promises a body ("{}"), so that the fault is felt by this call and not the next.
            long promised = whole.length == 0 ? 2 : whole.length;
            Buffer half = new Buffer().write(whole, 0, whole.length / 2);
            return response.body(half)
                    .setHeader("Content-Length", promised)
                    .setHeader("Connection", "close")
                    .onResponseEnd(new SocketEffect.CloseSocket(true, false, true))
                    .build();
        }
        if (answer.streaming() != null) {
            response.body(new StreamedBody(answer.streaming()))
                    .removeHeader("Content-Length")
                    .setHeader("Connection", "close");
            return response.onResponseEnd(new SocketEffect.CloseSocket(true, false, true))
                    .build();
        }
        response.body(new Buffer().write(answer.body()));
        if (close) {
            response.setHeader("Connection", "close").onResponseEnd(new SocketEffect.CloseSocket(true, false, true));
        }
        return response.build();
    }

    private static byte[] whole(Answer answer) {
        if (answer.streaming() == null) {
            return answer.body();
        }
        Buffer all = new Buffer();
        try {
            Answer.Parts parts = answer.streaming().open(all);
            while (parts.writeNext()) {
                // produce it all
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.readByteArray();
    }

    /** A body of unknown length, written as it is produced and ended by closing the connection. */
    private static final class StreamedBody implements MockResponseBody {
        private final Answer.Streaming streaming;

        StreamedBody(Answer.Streaming streaming) {
            this.streaming = streaming;
        }

        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            Buffer produced = new Buffer();
            try {
                Answer.Parts parts = streaming.open(produced);
                boolean more;
                do {
                    more = parts.writeNext();
                    if (produced.size() >= FLUSH_EVERY || !more) {
                        sink.write(produced, produced.size());
                        sink.flush();
                    }
                } while (more);
            } catch (RuntimeException | Error e) {
                // The headers are gone: all that is left is to cut the body short, which the client sees as
                // invalid JSON. (Errors found in the first MAX_BUFFERED bytes were answered with a status.)
                throw new IOException("The fake failed while streaming an answer: " + e, e);
            }
        }
    }
}
