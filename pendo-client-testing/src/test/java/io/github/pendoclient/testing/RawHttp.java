package io.github.pendoclient.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict HTTP/1.1 response parser on a raw socket, written for the tests: it refuses every framing RFC 9112
 * forbids (both {@code Transfer-Encoding} and {@code Content-Length}, a negative or non-numeric length, a
 * close-delimited body without {@code Connection: close}, a bad chunk), and reports whether the server closed the
 * connection when it said it would.
 */
final class RawHttp implements AutoCloseable {

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3}) ([^\\r\\n]*)");

    /** One parsed response. */
    record Response(int status, String reason, Map<String, String> headers, byte[] body, boolean closedAfter) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttp(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(2_000);
        in = new java.io.BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Sends one request and reads its response. */
    Response exchange(String method, String target, Map<String, String> headers, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:")
                .append(socket.getPort())
                .append("\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        return read(method.equals("HEAD"));
    }

    private Response read(boolean head) throws IOException {
        String statusLine = line();
        Matcher status = STATUS_LINE.matcher(statusLine);
        if (!status.matches()) {
            throw new IOException("Not an HTTP/1.1 status line: " + statusLine);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw new IOException("Malformed header line: " + line);
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            if (headers.containsKey(name) && (name.equals("content-length") || name.equals("transfer-encoding"))) {
                throw new IOException("Repeated " + name);
            }
            headers.put(name, line.substring(colon + 1).strip());
        }
        String transferEncoding = headers.get("transfer-encoding");
        String contentLength = headers.get("content-length");
        if (transferEncoding != null && contentLength != null) {
            throw new IOException("Both Transfer-Encoding and Content-Length: " + headers);
        }
        boolean closing = "close".equalsIgnoreCase(headers.get("connection"));
        byte[] body;
        int code = Integer.parseInt(status.group(1));
        if (head || code == 204 || code == 304) {
            body = new byte[0];
        } else if (transferEncoding != null) {
            if (!transferEncoding.equalsIgnoreCase("chunked")) {
                throw new IOException("Unsupported Transfer-Encoding: " + transferEncoding);
            }
            body = chunked();
        } else if (contentLength != null) {
            if (!contentLength.matches("\\d{1,18}")) {
                throw new IOException("Invalid Content-Length: " + contentLength);
            }
            body = in.readNBytes(Integer.parseInt(contentLength));
            if (body.length != Integer.parseInt(contentLength)) {
                throw new IOException("The body ended after " + body.length + " of " + contentLength + " bytes");
            }
        } else {
            if (!closing) {
                throw new IOException("A body without a length must come with Connection: close: " + headers);
            }
            body = in.readAllBytes();
        }
        return new Response(code, status.group(2), headers, body, closing && closedWithinTimeout());
    }

    /** Whether the server closes its end before the read timeout. */
    private boolean closedWithinTimeout() throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            String hex = (semicolon < 0 ? size : size.substring(0, semicolon)).strip();
            if (!hex.matches("[0-9a-fA-F]{1,8}")) {
                throw new IOException("Bad chunk size line: " + size);
            }
            int length = Integer.parseInt(hex, 16);
            if (length == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(length);
            if (chunk.length != length) {
                throw new IOException("A chunk ended early");
            }
            body.write(chunk);
            if (!line().isEmpty()) {
                throw new IOException("A chunk is not followed by CRLF");
            }
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b == -1) {
                throw new IOException("The connection closed in the middle of the head");
            }
            if (b == '\r') {
                if (in.read() != '\n') {
                    throw new IOException("CR without LF");
                }
                return line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b == '\n') {
                throw new IOException("Bare LF in the head");
            }
            line.write(b);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
