package io.github.pendoclient.testing.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A connection's input as MockWebServer reads it: only requests within {@link RequestLimits}, checked before
 * MockWebServer sees a byte of them. MockWebServer itself reads a head of any size, waits for a body forever, and
 * fails on numbers it cannot parse without answering; this stream answers such requests itself, on the socket, with
 * a 4xx in Pendo's error shape and {@code Connection: close}, then closes the connection:
 * <ul>
 *   <li>400 for a request line that is not {@code METHOD target HTTP/1.x}, a malformed header line, a
 *       {@code Content-Length} that is not one decimal number, {@code Content-Length} together with
 *       {@code Transfer-Encoding}, or a bad chunk;</li>
 *   <li>408 when a request that has begun sends nothing for {@link RequestLimits#readTimeout()}; an idle
 *       connection between requests may stay open;</li>
 *   <li>413 for a body over {@value RequestLimits#MAX_BODY_BYTES} bytes, declared or chunked;</li>
 *   <li>414 for a request line over {@value RequestLimits#MAX_REQUEST_LINE} bytes;</li>
 *   <li>431 for more than {@value RequestLimits#MAX_HEADERS} header lines or
 *       {@value RequestLimits#MAX_HEADER_BYTES} bytes of them;</li>
 *   <li>501 for a transfer coding other than {@code chunked}, 505 for an HTTP version other than 1.1 or 1.0.</li>
 * </ul>
 * It hands MockWebServer a chunked body with the chunk extensions and trailers taken out (MockWebServer reads
 * neither), and answers {@code Expect: 100-continue} itself. It passes a pipelined request on only once
 * MockWebServer has read the one before, so a refusal never overtakes an answer. Not thread-safe: one connection's
 * thread reads it.
 */
final class RequestGuard extends InputStream {

    private static final byte[] CRLF = {'\r', '\n'};
    /** How many empty lines may come before a request line (RFC 9112, section 2.2, allows some). */
    private static final int MAX_LEADING_EMPTY_LINES = 8;
    /** How much of a refused request's rest is read and dropped, so that closing does not reset the answer away. */
    private static final long DRAIN_LIMIT = 64L << 20;

    private static final long DRAIN_NANOS = 2_000_000_000L;

    private enum State {
        HEAD,
        BODY,
        CHUNK_SIZE,
        CHUNK_DATA,
        CHUNK_END,
        TRAILERS
    }

    private final Socket socket;
    private final InputStream raw;
    private final OutputStream rawOut;
    private final RequestLimits limits;

    /** Bytes read from the socket; {@code in[inPos..inLimit)} are not looked at yet. */
    private final byte[] in = new byte[16 * 1024];

    private int inPos;
    private int inLimit;
    /** Checked bytes for MockWebServer; {@code out[outPos..outLimit)} are not read yet. */
    private byte[] out = new byte[16 * 1024];

    private int outPos;
    private int outLimit;

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private State state = State.HEAD;
    private boolean requestLineSeen;
    private boolean http11;
    private int leadingEmptyLines;
    private int headerLines;
    private long headerBytes;
    private String contentLength;
    private String transferEncoding;
    private boolean expectContinue;
    private long remaining;
    private long bodyBytes;
    private boolean sawCarriageReturn;
    private boolean ended;
    private boolean refused;

    RequestGuard(Socket socket, InputStream raw, OutputStream rawOut, RequestLimits limits) {
        this.socket = socket;
        this.raw = raw;
        this.rawOut = rawOut;
        this.limits = limits;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (outPos == outLimit) {
            if (!advance()) {
                return -1;
            }
        }
        int n = Math.min(length, outLimit - outPos);
        System.arraycopy(out, outPos, buffer, offset, n);
        outPos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        raw.close();
    }

    /** Checks more of the request; false at the end of the stream. */
    private boolean advance() throws IOException {
        if (refused) {
            throw new ProtocolException("The fake refused this connection's request and closed it");
        }
        outPos = 0;
        outLimit = 0;
        if (inPos == inLimit) {
            if (ended || !readRaw()) {
                ended = true;
                return false;
            }
        }
        try {
            process();
        } catch (HttpSyntax.Refusal refusal) {
            throw refuse(refusal.status(), refusal.getMessage());
        }
        return true;
    }

    private boolean readRaw() throws IOException {
        while (true) {
            try {
                int n = raw.read(in, 0, in.length);
                if (n <= 0) {
                    return false;
                }
                inPos = 0;
                inLimit = n;
                return true;
            } catch (SocketTimeoutException idle) {
                if (started()) {
                    throw refuse(
                            408,
                            "The fake received no byte of this request for "
                                    + limits.readTimeout().toMillis() + " ms, in the middle of its "
                                    + (state == State.HEAD ? "head" : "body")
                                    + ", and gave up on it. Send the whole request"
                                    + " at once, with a Content-Length that matches the body.");
                }
                // An idle connection between requests: it may wait for its next request.
            }
        }
    }

    /** Whether the current request has begun: an idle connection is not timed out. */
    private boolean started() {
        return state != State.HEAD || requestLineSeen || line.size() > 0;
    }

    /** Checks the bytes read so far, up to the end of the current request. */
    private void process() throws IOException {
        while (inPos < inLimit) {
            switch (state) {
                case BODY, CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, inLimit - inPos);
                    emit(in, inPos, n);
                    inPos += n;
                    remaining -= n;
                    if (remaining == 0) {
                        if (state == State.BODY) {
                            endRequest();
                            return;
                        }
                        state = State.CHUNK_END;
                        sawCarriageReturn = false;
                    }
                }
                case CHUNK_END -> {
                    byte b = in[inPos++];
                    if (b == '\r' && !sawCarriageReturn) {
                        sawCarriageReturn = true;
                    } else if (b == '\n') {
                        emit(CRLF, 0, 2);
                        state = State.CHUNK_SIZE;
                    } else {
                        throw refuse(
                                400,
                                "A chunk of the chunked body is longer than its chunk size says (no CRLF"
                                        + " after its data). Send each chunk's size in hexadecimal, then exactly that many"
                                        + " bytes and CRLF.");
                    }
                }
                default -> {
                    byte b = in[inPos++];
                    if (b == '\n') {
                        if (endLine()) {
                            return;
                        }
                    } else {
                        line.write(b);
                        checkLineLength();
                    }
                }
            }
        }
    }

    private void checkLineLength() throws IOException {
        if (state == State.CHUNK_SIZE) {
            if (line.size() > RequestLimits.MAX_CHUNK_LINE) {
                throw refuse(400, "A chunk size line is longer than " + RequestLimits.MAX_CHUNK_LINE + " bytes.");
            }
        } else if (!requestLineSeen && state == State.HEAD) {
            if (line.size() > RequestLimits.MAX_REQUEST_LINE) {
                throw refuse(
                        414,
                        "The request line is longer than " + RequestLimits.MAX_REQUEST_LINE
                                + " bytes, which is as long as the fake reads. Pendo's URLs are short; put large"
                                + " input in a request body.");
            }
        } else if (headerBytes + line.size() > RequestLimits.MAX_HEADER_BYTES) {
            throw refuse(
                    431,
                    "The header lines are longer than " + RequestLimits.MAX_HEADER_BYTES
                            + " bytes together, which is as much as the fake reads.");
        }
    }

    /** Handles a complete line; true when it ended a request. */
    private boolean endLine() throws IOException {
        byte[] bytes = line.toByteArray();
        line.reset();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        for (int i = 0; i < length; i++) {
            if (bytes[i] == '\r' || bytes[i] == 0) {
                throw refuse(400, "A line of the request head has a bare CR or a NUL byte in it.");
            }
        }
        String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        switch (state) {
            case CHUNK_SIZE -> chunkSize(text);
            case TRAILERS -> {
                if (text.isEmpty()) {
                    emit(CRLF, 0, 2);
                    endRequest();
                    return true;
                }
                fieldLine(text);
            }
            default -> {
                if (!requestLineSeen) {
                    if (text.isEmpty()) {
                        if (++leadingEmptyLines > MAX_LEADING_EMPTY_LINES) {
                            throw refuse(
                                    400,
                                    "The request line is missing: more than " + MAX_LEADING_EMPTY_LINES
                                            + " empty lines came before it.");
                        }
                        return false;
                    }
                    requestLine(text);
                } else if (text.isEmpty()) {
                    return endHead();
                } else {
                    header(fieldLine(text));
                }
                head.write(bytes, 0, length);
                head.write(CRLF);
            }
        }
        return false;
    }

    private void requestLine(String text) throws IOException {
        http11 = HttpSyntax.requestLine(text);
        requestLineSeen = true;
    }

    /** Checks a header or trailer line and counts it; returns its name (lower case) and value. */
    private String[] fieldLine(String text) throws IOException {
        if (++headerLines > RequestLimits.MAX_HEADERS) {
            throw refuse(
                    431,
                    "The request has more than " + RequestLimits.MAX_HEADERS + " header lines, which is"
                            + " as many as the fake reads.");
        }
        headerBytes += text.length() + 2;
        return HttpSyntax.fieldLine(text);
    }

    private void header(String[] field) throws IOException {
        switch (field[0]) {
            case "content-length" -> {
                if (contentLength != null && !contentLength.equals(field[1])) {
                    throw refuse(400, "The request has two different Content-Length headers; send one.");
                }
                contentLength = field[1];
            }
            case "transfer-encoding" ->
                transferEncoding = transferEncoding == null ? field[1] : transferEncoding + ", " + field[1];
            case "expect" -> expectContinue = field[1].equalsIgnoreCase("100-continue");
            default -> {
                // passed on as it is
            }
        }
    }

    /** Decides how the body is framed, hands the head on, and returns whether the request ended with it. */
    private boolean endHead() throws IOException {
        head.write(CRLF);
        long length = 0;
        boolean chunked = false;
        if (transferEncoding != null) {
            if (contentLength != null) {
                throw refuse(400, "The request has both Content-Length and Transfer-Encoding; send one of them.");
            }
            if (!transferEncoding.equalsIgnoreCase("chunked")) {
                throw refuse(
                        501,
                        "The fake reads only the chunked transfer coding, not '"
                                + HttpSyntax.abbreviate(transferEncoding)
                                + "'. Send the body with Content-Length or chunked.");
            }
            chunked = true;
        } else if (contentLength != null) {
            length = HttpSyntax.contentLength(contentLength);
        }
        byte[] bytes = head.toByteArray();
        head.reset();
        emit(bytes, 0, bytes.length);
        if (expectContinue && http11 && (chunked || length > 0)) {
            rawOut.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            rawOut.flush();
        }
        if (chunked) {
            state = State.CHUNK_SIZE;
            bodyBytes = 0;
            return false;
        }
        if (length > 0) {
            state = State.BODY;
            remaining = length;
            return false;
        }
        endRequest();
        return true;
    }

    private void chunkSize(String text) throws IOException {
        long size = HttpSyntax.chunkSize(text, bodyBytes);
        bodyBytes += size;
        byte[] line = (Long.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        emit(line, 0, line.length);
        if (size == 0) {
            state = State.TRAILERS;
        } else {
            state = State.CHUNK_DATA;
            remaining = size;
        }
    }

    private void endRequest() {
        state = State.HEAD;
        requestLineSeen = false;
        leadingEmptyLines = 0;
        headerLines = 0;
        headerBytes = 0;
        contentLength = null;
        transferEncoding = null;
        expectContinue = false;
    }

    private void emit(byte[] bytes, int offset, int length) {
        if (outLimit + length > out.length) {
            out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, outLimit + length));
        }
        System.arraycopy(bytes, offset, out, outLimit, length);
        outLimit += length;
    }

    /**
     * Answers the request with a 4xx and closes the connection: the answer, then the end of the output, then as much
     * of the rest of the request as arrives in a short while (closing with unread input would reset the connection,
     * and the client could lose the answer).
     */
    private IOException refuse(int status, String message) {
        refused = true;
        byte[] body = Answer.error(status, message).body();
        String headers = HttpResponses.statusLine(status) + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n";
        try {
            rawOut.write(headers.getBytes(StandardCharsets.US_ASCII));
            rawOut.write(body);
            rawOut.flush();
            socket.shutdownOutput();
            drain();
        } catch (IOException gone) {
            // The client went away; nothing more to tell it.
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        return new ProtocolException("The fake refused a request with " + status + ": " + message);
    }

    private void drain() throws IOException {
        long deadline = System.nanoTime() + DRAIN_NANOS;
        long drained = 0;
        while (drained < DRAIN_LIMIT && System.nanoTime() < deadline) {
            int n;
            try {
                n = raw.read(in, 0, in.length);
            } catch (SocketTimeoutException quiet) {
                return;
            }
            if (n < 0) {
                return;
            }
            drained += n;
        }
    }
}
