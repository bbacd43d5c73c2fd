package io.github.pendoclient.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A raw-socket HTTP/1.1 server for faults MockWebServer cannot express: it always reads the whole request first
 * (so the server has "received" it), then answers, resets, half-closes, sends a truncated 200, or closes an idle
 * keep-alive connection without saying so. Scripted actions are used in order; when none is left, the fallback
 * answers.
 */
public final class FaultServer implements AutoCloseable {

    /** One received request. */
    public record Received(String method, String path, Map<String, String> headers, String body, int connection) {}

    /** What the server does once it has read a request. */
    public interface Action {
        /**
         * Performs the action on the connection.
         *
         * @return whether the connection stays open for another request
         */
        boolean perform(Socket socket, OutputStream out) throws IOException;
    }

    private final ServerSocket serverSocket;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fault-server");
        thread.setDaemon(true);
        return thread;
    });
    private final ConcurrentLinkedQueue<Action> script = new ConcurrentLinkedQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Function<Received, Action> fallback = request -> respond(200, "{}");
    private volatile boolean closeIdleConnections;

    public FaultServer() {
        try {
            serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        threads.execute(this::acceptLoop);
    }

    /** The base URL, ending with a slash. */
    public String url() {
        return "http://127.0.0.1:" + serverSocket.getLocalPort() + "/";
    }

    /** Queues actions, used one per request in order. */
    public FaultServer enqueue(Action... actions) {
        script.addAll(List.of(actions));
        return this;
    }

    /** What the server does when the script is empty. */
    public FaultServer fallback(Function<Received, Action> fallback) {
        this.fallback = fallback;
        return this;
    }

    /**
     * Closes every connection right after its answer, without {@code Connection: close}, as servers with a short
     * keep-alive do: the client's pooled connection is stale the next time it is used.
     */
    public FaultServer closeIdleConnections() {
        this.closeIdleConnections = true;
        return this;
    }

    public List<Received> requests() {
        return List.copyOf(received);
    }

    public int requestCount() {
        return received.size();
    }

    public int connectionCount() {
        return connections.get();
    }

    /** A complete answer with a JSON body. */
    public static Action respond(int code, String body, String... headerPairs) {
        return (socket, out) -> {
            out.write(head(code, body.getBytes(StandardCharsets.UTF_8).length, headerPairs));
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return true;
        };
    }

    /** A reset (RST) before any byte of the answer. */
    public static Action resetBeforeAnswer() {
        return (socket, out) -> {
            socket.setSoLinger(true, 0);
            socket.close();
            return false;
        };
    }

    /** An orderly close (FIN) before any byte of the answer. */
    public static Action finBeforeAnswer() {
        return (socket, out) -> {
            socket.shutdownOutput();
            socket.close();
            return false;
        };
    }

    /** A 200 whose body is reset half-way. */
    public static Action resetMidBody(String body) {
        return (socket, out) -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write(head(200, bytes.length, new String[0]));
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            socket.setSoLinger(true, 0);
            socket.close();
            return false;
        };
    }

    /** A 200 that announces the whole body, sends half, and closes in order. */
    public static Action truncated200(String body) {
        return (socket, out) -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write(head(200, bytes.length, new String[0]));
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            socket.shutdownOutput();
            socket.close();
            return false;
        };
    }

    private static byte[] head(int code, int length, String[] headerPairs) {
        StringBuilder head = new StringBuilder("HTTP/1.1 ")
                .append(code)
                .append(' ')
                .append(reason(code))
                .append("\r\nContent-Type: application/json\r\nContent-Length: ")
                .append(length)
                .append("\r\n");
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            head.append(headerPairs[i]).append(": ").append(headerPairs[i + 1]).append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String reason(int code) {
        return code == 200 ? "OK" : code == 429 ? "Too Many Requests" : code >= 500 ? "Server Error" : "Error";
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                int id = connections.incrementAndGet();
                threads.execute(() -> serve(socket, id));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket, int connection) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                Received request = read(in, connection);
                if (request == null) {
                    return;
                }
                received.add(request);
                Action action = script.poll();
                if (action == null) {
                    action = fallback.apply(request);
                }
                if (!action.perform(socket, out) || socket.isClosed()) {
                    return;
                }
                if (closeIdleConnections) {
                    socket.shutdownOutput();
                    return;
                }
            }
        } catch (SocketException ignored) {
            // The client went away.
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Received read(InputStream in, int connection) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(
                    header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    header.substring(colon + 1).trim());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).trim(), 16);
                    size > 0;
                    size = Integer.parseInt(line(in).trim(), 16)) {
                chunks.write(in.readNBytes(size));
                line(in);
            }
            line(in);
            body = chunks.toByteArray();
        } else {
            body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
        }
        String[] parts = requestLine.split(" ");
        return new Received(parts[0], parts[1], headers, new String(body, StandardCharsets.UTF_8), connection);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(c);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    /** Requests in the order they arrived, as {@code METHOD path}. */
    public List<String> requestLines() {
        List<String> lines = new ArrayList<>();
        received.forEach(request -> lines.add(request.method() + " " + request.path()));
        return lines;
    }

    @Override
    public void close() {
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        threads.shutdownNow();
    }
}
