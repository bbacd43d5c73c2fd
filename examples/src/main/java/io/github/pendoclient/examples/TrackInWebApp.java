package io.github.pendoclient.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.track.Context;
import io.github.pendoclient.track.TrackClient;
import io.github.pendoclient.track.TrackEvent;
import io.github.pendoclient.track.TrackListener;
import io.github.pendoclient.track.TrackSender;
import io.github.pendoclient.track.TrackSenderOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A track sender in a small web app's lifecycle: the sender is made when the app starts, request handlers call
 * {@code track()} (which never waits on Pendo), and the app closes the sender when it stops, so queued events are
 * delivered or reported, not lost. {@code GET /export?visitor=v-42&format=pdf} records a "Report Exported" event.
 */
public final class TrackInWebApp implements AutoCloseable {

    private final TrackSender sender;
    private final HttpServer server;
    private final AtomicLong failures = new AtomicLong();

    /**
     * Starts the app on a free loopback port.
     *
     * @param track the track client, built once for the app
     * @throws IOException if the port cannot be opened
     */
    public TrackInWebApp(TrackClient track) throws IOException {
        this.sender = track.sender(TrackSenderOptions.builder()
                .closeTimeout(Duration.ofSeconds(5))
                .listener(new TrackListener() {
                    @Override
                    public void onFailed(TrackEvent event, PendoException failure) {
                        failures.incrementAndGet();
                        System.err.println("Track event not delivered: " + event + ": " + failure.getMessage());
                    }

                    @Override
                    public void onDropped(TrackEvent event, DropReason reason) {
                        failures.incrementAndGet();
                        System.err.println("Track event dropped (" + reason + "): " + event);
                    }
                })
                .build());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/export", this::export);
        server.start();
    }

    private void export(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery() == null
                ? ""
                : exchange.getRequestURI().getQuery();
        String visitor = parameter(query, "visitor");
        String format = parameter(query, "format");
        boolean queued = visitor != null
                && sender.track(TrackEvent.builder()
                        .event("Report Exported")
                        .visitorId(visitor)
                        .property("format", format == null ? "pdf" : format)
                        .context(Context.builder()
                                .ip(exchange.getRemoteAddress().getAddress().getHostAddress())
                                .userAgent(exchange.getRequestHeaders().getFirst("User-Agent"))
                                .build())
                        .build());
        byte[] body = (queued ? "exported\n" : "missing ?visitor=\n").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(queued ? 200 : 400, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String parameter(String query, String name) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /**
     * The app's port.
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Events that failed or were dropped.
     *
     * @return the count
     */
    public long failures() {
        return failures.get();
    }

    /** Stops taking requests, then drains the sender. */
    @Override
    public void close() {
        server.stop(1);
        sender.close();
    }

    /**
     * Runs the app until Ctrl+C, against Pendo when {@code PENDO_TRACK_SHARED_SECRET} is set, otherwise against an
     * embedded fake.
     *
     * @param args unused
     * @throws Exception if the app cannot start
     */
    public static void main(String[] args) throws Exception {
        String secret = System.getenv(TrackClient.ENV_SHARED_SECRET);
        io.github.pendoclient.testing.FakePendo fake = null;
        TrackClient track;
        if (secret == null || secret.isBlank()) {
            fake = io.github.pendoclient.testing.FakePendo.create().start();
            track = fake.trackClient();
            System.out.println("No " + TrackClient.ENV_SHARED_SECRET + " set: sending to an embedded FakePendo.");
        } else {
            track = TrackClient.fromEnv();
        }
        TrackInWebApp app = new TrackInWebApp(track);
        System.out.println("Try: curl 'http://127.0.0.1:" + app.port() + "/export?visitor=v-42&format=csv'");
        io.github.pendoclient.testing.FakePendo stopLater = fake;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            track.close();
            if (stopLater != null) {
                System.out.println(
                        "The fake received " + stopLater.trackEvents().size() + " events.");
                stopLater.close();
            }
        }));
        Thread.currentThread().join();
    }
}
