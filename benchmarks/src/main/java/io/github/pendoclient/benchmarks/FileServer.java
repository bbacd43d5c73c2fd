package io.github.pendoclient.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * A loopback HTTP/1.1 server that answers every request with the same file, copied by the kernel, so the server
 * costs almost nothing and holds nothing on the heap: every case reads the same bytes at the same speed.
 */
final class FileServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Path body;
    private final byte[] bytes;
    private final Thread acceptor;

    FileServer(Path body) throws IOException {
        this(body, null);
    }

    /** Serves the same bytes from memory, for small bodies. */
    FileServer(byte[] bytes) throws IOException {
        this(null, bytes);
    }

    private FileServer(Path body, byte[] bytes) throws IOException {
        this.body = body;
        this.bytes = bytes;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "file-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread handler = new Thread(() -> serve(connection), "file-server-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection;
                InputStream in = new BufferedInputStream(connection.getInputStream());
                OutputStream out = new java.io.BufferedOutputStream(connection.getOutputStream(), 1 << 16);
                FileChannel file = body == null ? null : FileChannel.open(body, StandardOpenOption.READ)) {
            connection.setTcpNoDelay(true);
            while (true) {
                long contentLength = readRequestHead(in);
                if (contentLength < 0) {
                    return;
                }
                in.skipNBytes(contentLength);
                long size = file == null ? bytes.length : file.size();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + size + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                if (file == null) {
                    out.write(bytes);
                    out.flush();
                    continue;
                }
                out.flush();
                long sent = 0;
                var channel = Channels.newChannel(connection.getOutputStream());
                while (sent < size) {
                    sent += file.transferTo(sent, size - sent, channel);
                }
            }
        } catch (IOException clientWentAway) {
            // the client closed early (a failing case): nothing to do
        }
    }

    /** Reads the request line and headers; returns the body length, or -1 at the end of the connection. */
    private static long readRequestHead(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        long contentLength = 0;
        boolean any = false;
        while (true) {
            int c = in.read();
            if (c < 0) {
                return -1;
            }
            any = true;
            if (c == '\n') {
                String header = line.toString().trim();
                line.setLength(0);
                if (header.isEmpty()) {
                    return any ? contentLength : -1;
                }
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    contentLength = Long.parseLong(header.substring(15).trim());
                }
            } else {
                line.append((char) c);
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
