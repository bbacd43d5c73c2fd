package io.github.pendoclient.benchmarks;

import static io.github.pendoclient.benchmarks.Samples.max;
import static io.github.pendoclient.benchmarks.Samples.median;
import static io.github.pendoclient.benchmarks.Samples.min;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.api.Idempotent;
import io.github.pendoclient.http.RateLimitOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import retrofit2.http.Body;
import retrofit2.http.POST;

/**
 * The cost of the stale-connection rule for writes (issue #23): a write that may not be repeated goes out on a new
 * connection, never a pooled one. The same POST is sent 2,000 times in a row to a loopback server, once as a write
 * that may not be repeated (the rule on: a new connection each) and once marked {@link Idempotent} (the rule off for
 * it: pooled keep-alive connections), alternating, so both see the same machine load.
 */
final class WriteConnectionCase {

    private static final String KEY = "fake-benchmark-key";
    private static final String SEGMENT = "{\"id\":\"seg-1\",\"name\":\"Pro users\"}";

    /** The same write twice: as it is (may not be repeated) and marked idempotent. */
    interface Writes {
        @POST("api/v1/segment/upload")
        Map<String, Object> create(@Body Map<String, Object> body);

        @Idempotent
        @POST("api/v1/segment/upload")
        Map<String, Object> createPooled(@Body Map<String, Object> body);
    }

    private WriteConnectionCase() {}

    static String run(int writes, int repetitions) throws Exception {
        List<Double> fresh = new ArrayList<>();
        List<Double> pooled = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        int freshConnections = 0;
        int pooledConnections = 0;
        try (RawServer server = new RawServer();
                PendoClient client = PendoClient.builder()
                        .integrationKey(KEY)
                        .baseUrl(server.url())
                        .rateLimit(RateLimitOptions.disabled())
                        .build()) {
            Writes api = client.create(Writes.class);
            Map<String, Object> body = Map.of("name", "Pro users", "visitors", List.of("v1", "v2", "v3"));
            for (int i = 0; i < 500; i++) { // warm-up of both paths
                api.create(body);
                api.createPooled(body);
            }
            for (int rep = 0; rep < repetitions; rep++) {
                int before = server.connections.get();
                double on = microsPerWrite(writes, () -> api.create(body));
                freshConnections = server.connections.get() - before;
                before = server.connections.get();
                double off = microsPerWrite(writes, () -> api.createPooled(body));
                pooledConnections = server.connections.get() - before;
                fresh.add(on);
                pooled.add(off);
                ratios.add(on / off);
            }
        }
        return String.format(
                Locale.ROOT,
                "**%,d writes in a row (one POST each) to a loopback server, %d"
                        + " alternating repetitions:**%n%n"
                        + "| write | µs per write, median (spread) | connections opened per run |%n|---|---|---|%n"
                        + "| may not be repeated: a new connection each (the rule) | %,.0f (%,.0f–%,.0f) | %,d |%n"
                        + "| marked `@Idempotent`: pooled connections | %,.0f (%,.0f–%,.0f) | %,d |%n%n"
                        + "New connection ÷ pooled, per repetition: %s; median %.2f.%n%n"
                        + "Run on %s, %s %s, %d cores.%n",
                writes,
                repetitions,
                median(fresh),
                min(fresh),
                max(fresh),
                freshConnections,
                median(pooled),
                min(pooled),
                max(pooled),
                pooledConnections,
                ratios.stream()
                        .map(r -> String.format(Locale.ROOT, "%.2f", r))
                        .collect(java.util.stream.Collectors.joining(", ")),
                median(ratios),
                LocalDate.now(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
    }

    private static double microsPerWrite(int writes, Runnable write) {
        long start = System.nanoTime();
        for (int i = 0; i < writes; i++) {
            write.run();
        }
        return (System.nanoTime() - start) / 1e3 / writes;
    }

    /**
     * A keep-alive HTTP/1.1 server that answers every request with one write of headers and body (MockWebServer
     * writes the body separately, and on loopback that second write can wait for a delayed ACK).
     */
    private static final class RawServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "write-benchmark-server");
            thread.setDaemon(true);
            return thread;
        });
        final AtomicInteger connections = new AtomicInteger();

        RawServer() throws IOException {
            threads.execute(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket connection = socket.accept();
                        connections.incrementAndGet();
                        threads.execute(() -> serve(connection));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/";
        }

        private static void serve(Socket connection) {
            byte[] body = SEGMENT.getBytes(StandardCharsets.UTF_8);
            byte[] answer = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                            + "\r\n\r\n" + SEGMENT)
                    .getBytes(StandardCharsets.UTF_8);
            try (connection) {
                connection.setTcpNoDelay(true);
                InputStream in = new java.io.BufferedInputStream(connection.getInputStream());
                OutputStream out = connection.getOutputStream();
                while (true) {
                    int length = -1;
                    for (String line = line(in); ; line = line(in)) {
                        if (line == null) {
                            return;
                        }
                        if (line.isEmpty()) {
                            break;
                        }
                        if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
                            length = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    in.readNBytes(Math.max(length, 0));
                    out.write(answer);
                    out.flush();
                }
            } catch (IOException gone) {
                // The client closed the connection.
            }
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int c = in.read(); c != -1; c = in.read()) {
                if (c == '\n') {
                    String text = line.toString(StandardCharsets.ISO_8859_1);
                    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
                }
                line.write(c);
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            socket.close();
            threads.shutdownNow();
        }
    }
}
