package io.github.pendoclient.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.testing.internal.FakeServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Malformed and hostile HTTP requests to the standalone fake, sent on a raw socket (MockWebServer and the usual
 * clients cannot send them): each gets a status line within the socket's read timeout, a 4xx in Pendo's error shape,
 * and the connection closed. The read timeout (a few seconds) is the bound; nothing sleeps.
 */
class HostileRequestTest {

    /** How long a test waits for the status line: the fake answers within its 1 s request read timeout. */
    static final int READ_TIMEOUT_MILLIS = 4_000;

    static final String KEY = FakePendo.DEFAULT_INTEGRATION_KEY;
    static final String AGGREGATION = EndpointCalls.AGGREGATION;

    static FakeServer server;
    static final List<LogRecord> SEVERE = new ArrayList<>();
    static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                synchronized (SEVERE) {
                    SEVERE.add(record);
                }
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeAll
    static void startStandalone() {
        server = FakePendoServer.launch("--port", "0", "--visitors", "20", "--days", "1");
        Logger.getLogger("").addHandler(CAPTURE);
    }

    @AfterAll
    static void stop() {
        Logger.getLogger("").removeHandler(CAPTURE);
        server.close();
    }

    @BeforeEach
    void clear() {
        synchronized (SEVERE) {
            SEVERE.clear();
        }
        server.recorder().clear();
    }

    /** What came back on the socket: the status, the body, and whether the fake closed the connection after it. */
    record Reply(int status, Map<String, String> headers, String body, boolean closed) {
        String overall() {
            return String.valueOf(((Map<?, ?>) JsonValues.parse(body)).get("overall"));
        }
    }

    /** Sends the bytes and reads one response; fails when no status line comes within the read timeout. */
    static Reply send(byte[]... parts) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            for (byte[] part : parts) {
                out.write(part);
            }
            out.flush();
            return read(socket.getInputStream());
        }
    }

    static Reply read(InputStream in) throws IOException {
        String statusLine = line(in);
        assertThat(statusLine).as("the status line").matches("HTTP/1\\.1 \\d{3} .+");
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.put(
                    line.substring(0, colon).toLowerCase(java.util.Locale.ROOT),
                    line.substring(colon + 1).strip());
        }
        String length = headers.get("content-length");
        byte[] body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
        boolean closed = "close".equalsIgnoreCase(headers.get("connection")) && endsSoon(in);
        return new Reply(status, headers, new String(body, StandardCharsets.UTF_8), closed);
    }

    private static boolean endsSoon(InputStream in) {
        try {
            return in.read() == -1;
        } catch (IOException reset) {
            return true;
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new AssertionError("The fake closed the connection without an answer; got so far: "
                        + line.toString(StandardCharsets.ISO_8859_1));
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String post(String headers) {
        return "POST /api/v1/aggregation HTTP/1.1\r\nHost: 127.0.0.1\r\nx-pendo-integration-key: " + KEY + "\r\n"
                + headers + "\r\n";
    }

    static String get(String target, String headers) {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nx-pendo-integration-key: " + KEY + "\r\n" + headers
                + "\r\n";
    }

    static void assertRefused(Reply reply, int status, String mentions) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.overall()).containsIgnoringCase(mentions);
        assertThat(reply.closed())
                .as("the fake closes the connection after refusing a request")
                .isTrue();
    }

    private static List<LogRecord> severe() {
        synchronized (SEVERE) {
            return List.copyOf(SEVERE);
        }
    }

    // ---- body framing

    @Test
    void aContentLengthOfTenGigabytesWithOneKilobyteSentIs413() throws Exception {
        Reply reply = send(ascii(post("Content-Length: 10737418240\r\n")), new byte[1024]);

        assertRefused(reply, 413, "8388608");
    }

    @Test
    void aContentLengthTooLargeForAnyIntegerIs400AndLogsNothingSevere() throws Exception {
        Reply reply = send(ascii(post("Content-Length: 99999999999999999999\r\n")), ascii("{}"));

        assertRefused(reply, 400, "Content-Length");
        assertThat(severe()).isEmpty();
    }

    @Test
    void aContentLengthThatIsNotANumberIs400() throws Exception {
        assertRefused(send(ascii(post("Content-Length: 12abc\r\n")), ascii("{}")), 400, "Content-Length");
    }

    @Test
    void twoDifferentContentLengthsAre400() throws Exception {
        assertRefused(
                send(ascii(post("Content-Length: 2\r\nContent-Length: 3\r\n")), ascii("{}")), 400, "Content-Length");
    }

    @Test
    void bothContentLengthAndTransferEncodingAre400() throws Exception {
        assertRefused(
                send(ascii(post("Content-Length: 7\r\nTransfer-Encoding: chunked\r\n")), ascii("2\r\n{}\r\n0\r\n\r\n")),
                400,
                "Transfer-Encoding");
    }

    @Test
    void aTransferCodingOtherThanChunkedIs501() throws Exception {
        assertRefused(send(ascii(post("Transfer-Encoding: gzip\r\n")), ascii("{}")), 501, "chunked");
    }

    @Test
    void aBodyThatStopsComingIs408AfterTheReadTimeout() throws Exception {
        Reply reply = send(ascii(post("Content-Length: 100\r\n")), ascii("{\"response\":"));

        assertRefused(reply, 408, "1000 ms");
    }

    @Test
    void aHeadThatStopsComingIs408() throws Exception {
        assertRefused(
                send(ascii("POST /api/v1/aggregation HTTP/1.1\r\nHost: 127.0.0.1\r\nx-pendo-integ")), 408, "1000 ms");
    }

    @Test
    void theRequestReadTimeoutIsConfigurable() throws Exception {
        try (FakePendo fake = FakePendo.builder()
                        .requestReadTimeout(java.time.Duration.ofMillis(200))
                        .build()
                        .start();
                Socket socket = new Socket("127.0.0.1", fake.port())) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write(ascii(post("Content-Length: 100\r\n") + "{"));

            assertRefused(read(socket.getInputStream()), 408, "200 ms");
        }
    }

    @Test
    void theStandaloneServerTakesTheRequestReadTimeoutFromItsCommandLine() throws Exception {
        try (FakeServer standalone =
                        FakePendoServer.launch("--port", "0", "--visitors", "1", "--request-read-timeout-ms", "300");
                Socket socket = new Socket("127.0.0.1", standalone.port())) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write(ascii("GET /api/v1/token/verify HTTP/1.1\r\nHost: 127.0.0.1\r\n"));

            assertRefused(read(socket.getInputStream()), 408, "300 ms");
        }
    }

    @Test
    void anIdleConnectionBetweenRequestsIsNotTimedOut() throws Exception {
        try (FakePendo fake = FakePendo.builder()
                        .requestReadTimeout(java.time.Duration.ofMillis(100))
                        .build()
                        .start();
                Socket socket = new Socket("127.0.0.1", fake.port())) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write(ascii(get("/api/v1/token/verify", "")));
            assertThat(read(socket.getInputStream()).status()).isEqualTo(200);

            // Ten read timeouts of the fake pass in silence: the connection stays open, with nothing sent.
            socket.setSoTimeout(1_000);
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write(ascii(get("/api/v1/token/verify", "")));
            assertThat(read(socket.getInputStream()).status()).isEqualTo(200);
        }
    }

    @Test
    void aChunkOverTheBodyLimitIs413BeforeItsDataArrives() throws Exception {
        Reply reply = send(ascii(post("Transfer-Encoding: chunked\r\n")), ascii("800001\r\n{}"));

        assertRefused(reply, 413, "8388608");
    }

    @Test
    void aChunkSizeThatIsNotHexIs400() throws Exception {
        Reply reply = send(ascii(post("Transfer-Encoding: chunked\r\n")), ascii("zz\r\n{}\r\n0\r\n\r\n"));

        assertRefused(reply, 400, "chunk size");
    }

    @Test
    void aChunkSizeTooLargeForAnyIntegerIs413() throws Exception {
        Reply reply = send(ascii(post("Transfer-Encoding: chunked\r\n")), ascii("fffffffffffffffffffff\r\n{}"));

        assertRefused(reply, 413, "8388608");
    }

    @Test
    void chunksLongerThanTheirSizeAre400() throws Exception {
        Reply reply = send(ascii(post("Transfer-Encoding: chunked\r\n")), ascii("1\r\n{}\r\n0\r\n\r\n"));

        assertRefused(reply, 400, "chunk");
    }

    @Test
    void aChunkedBodyWithExtensionsAndTrailersIsAnswered() throws Exception {
        byte[] body = AGGREGATION.getBytes(StandardCharsets.UTF_8);
        int half = body.length / 2;
        Reply reply = send(
                ascii(post("Transfer-Encoding: chunked\r\n")),
                ascii(Integer.toHexString(half) + ";name=value\r\n"),
                java.util.Arrays.copyOfRange(body, 0, half),
                ascii("\r\n" + Integer.toHexString(body.length - half) + "\r\n"),
                java.util.Arrays.copyOfRange(body, half, body.length),
                ascii("\r\n0\r\nx-trailer: 1\r\n\r\n"));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat((List<?>) ((Map<?, ?>) JsonValues.parse(reply.body())).get("results"))
                .hasSize(20);
    }

    @Test
    void twoPipelinedRequestsAreBothAnswered() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            byte[] body = AGGREGATION.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            both.write(ascii(post("Content-Length: " + body.length + "\r\n")));
            both.write(body);
            both.write(ascii(get("/api/v1/token/verify", "")));
            socket.getOutputStream().write(both.toByteArray());

            assertThat(read(socket.getInputStream()).status()).isEqualTo(200);
            assertThat(read(socket.getInputStream()).status()).isEqualTo(200);
        }
    }

    @Test
    void expectContinueGetsAHundredBeforeTheBodyIsSent() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            byte[] body = AGGREGATION.getBytes(StandardCharsets.UTF_8);
            socket.getOutputStream()
                    .write(ascii(post("Content-Length: " + body.length + "\r\nExpect: 100-continue\r\n")));

            assertThat(read(socket.getInputStream()).status()).isEqualTo(100);
            socket.getOutputStream().write(body);
            assertThat(read(socket.getInputStream()).status()).isEqualTo(200);
        }
    }

    // ---- request line and headers

    @Test
    void aGarbageRequestLineIs400() throws Exception {
        assertRefused(send(ascii("\u0016\u0003\u0001 hello there\r\n\r\n")), 400, "request line");
    }

    @Test
    void aRequestLineWithoutAVersionIs400() throws Exception {
        assertRefused(send(ascii("GET /api/v1/token/verify\r\n\r\n")), 400, "request line");
    }

    @Test
    void anHttpVersionOtherThanOneIs505() throws Exception {
        assertRefused(send(ascii("GET /api/v1/token/verify HTTP/2.0\r\nHost: x\r\n\r\n")), 505, "HTTP/1.1");
    }

    @Test
    void anOverlongRequestLineIs414() throws Exception {
        assertRefused(send(ascii(get("/api/v1/feature?x=" + "a".repeat(20_000), ""))), 414, "16384");
    }

    @Test
    void aHeaderLineOf200KilobytesIs431() throws Exception {
        assertRefused(send(ascii(get("/api/v1/token/verify", "x-big: " + "a".repeat(200_000) + "\r\n"))), 431, "65536");
    }

    @Test
    void twentyThousandHeadersAre431() throws Exception {
        assertRefused(send(ascii(get("/api/v1/token/verify", "x-h: 1\r\n".repeat(20_000)))), 431, "1000");
    }

    @Test
    void aHeaderLineWithoutAColonIs400() throws Exception {
        assertRefused(send(ascii(get("/api/v1/token/verify", "no colon here\r\n"))), 400, "header");
    }

    @Test
    void aFoldedHeaderLineIs400() throws Exception {
        assertRefused(send(ascii(get("/api/v1/token/verify", "x-a: 1\r\n  folded\r\n"))), 400, "header");
    }

    @Test
    void aThousandHeadersAreStillAnswered() throws Exception {
        assertThat(send(ascii(get("/api/v1/token/verify", "x-h: 1\r\n".repeat(990))))
                        .status())
                .isEqualTo(200);
    }

    // ---- body content

    @Test
    void invalidUtf8InsideAJsonStringIs400() throws Exception {
        byte[] before = ascii("{\"response\":{\"mimeType\":\"application/json\"},\"request\":{\"name\":\"a");
        byte[] invalid = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};
        byte[] after = ascii("\",\"pipeline\":[{\"source\":{\"visitors\":null}}]}}");
        int length = before.length + invalid.length + after.length;

        Reply reply = send(ascii(post("Content-Length: " + length + "\r\n")), before, invalid, after);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.overall()).contains("UTF-8").contains("byte " + before.length);
    }

    // ---- what /_fake/requests shows

    @Test
    void recordedRequestsRedactCookiesAndSecretQueryParameters() throws Exception {
        Reply reply = send(ascii(get(
                "/api/v1/feature?expand=x&api_key=leaked-1&Token=leaked-2&signature=leaked-3" + "&password=leaked-4",
                "Cookie: session=leaked-5\r\nx-pendo-session: leaked-6\r\n")));
        assertThat(reply.status()).isEqualTo(200);

        String recorded = new String(
                send(ascii(get("/_fake/requests", ""))).body().getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);

        assertThat(recorded).doesNotContain("leaked").contains("[redacted]").contains("expand=x");
        RecordedCall call = server.recorder().calls().get(0);
        assertThat(call.query())
                .isEqualTo(
                        "expand=x&api_key=[redacted]&Token=[redacted]&signature=[redacted]" + "&password=[redacted]");
        assertThat(call.headers())
                .containsEntry("cookie", "[redacted]")
                .containsEntry("x-pendo-session", "[redacted]")
                .containsEntry("host", "127.0.0.1");
    }
}
