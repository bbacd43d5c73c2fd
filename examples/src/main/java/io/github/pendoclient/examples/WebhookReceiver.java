package io.github.pendoclient.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.pendoclient.track.webhook.WebhookDeduplicator;
import io.github.pendoclient.track.webhook.WebhookEvent;
import io.github.pendoclient.track.webhook.WebhookParseException;
import io.github.pendoclient.track.webhook.WebhookParser;
import io.github.pendoclient.track.webhook.WebhookSecret;
import io.github.pendoclient.track.webhook.WebhookSignatureException;
import io.github.pendoclient.track.webhook.WebhookVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver on the JDK's built-in HTTP server: it verifies the signature (when a secret is configured:
 * Pendo does not document signing, so this is for senders that sign), parses the payload, and handles each
 * {@code uniqueId} once. Answers 401 for a bad signature, 400 for a body that is not a payload, 200 otherwise
 * (duplicates included, so the sender stops retrying).
 */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final WebhookVerifier verifier;
    private final WebhookDeduplicator deduplicator = WebhookDeduplicator.create();
    private final List<WebhookEvent> handled = new CopyOnWriteArrayList<>();

    /**
     * Starts the receiver on a free loopback port.
     *
     * @param secret the signing secret, or null to accept unsigned payloads
     * @throws IOException if the port cannot be opened
     */
    public WebhookReceiver(WebhookSecret secret) throws IOException {
        this.verifier = secret == null ? null : WebhookVerifier.hmacSha256(secret);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/pendo/webhook", this::receive);
        server.start();
    }

    private void receive(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        int status;
        try {
            if (verifier != null) {
                verifier.verify(exchange.getRequestHeaders(), body);
            }
            WebhookEvent event = WebhookParser.parse(body);
            if (deduplicator.firstDelivery(event)) {
                handled.add(event);
            }
            status = 200;
        } catch (WebhookSignatureException e) {
            status = 401;
        } catch (WebhookParseException e) {
            status = 400;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /**
     * The URL to configure in Pendo.
     *
     * @return the URL
     */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/pendo/webhook";
    }

    /**
     * The events handled, each unique id once.
     *
     * @return the events
     */
    public List<WebhookEvent> handled() {
        return List.copyOf(handled);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * Runs the receiver until Ctrl+C; {@code WEBHOOK_SECRET} turns on signature checks.
     *
     * @param args unused
     * @throws Exception if the server cannot start
     */
    public static void main(String[] args) throws Exception {
        String secret = System.getenv("WEBHOOK_SECRET");
        WebhookReceiver receiver =
                new WebhookReceiver(secret == null || secret.isBlank() ? null : WebhookSecret.of(secret));
        System.out.println("Receiving Pendo webhooks at " + receiver.url());
        Runtime.getRuntime().addShutdownHook(new Thread(receiver::close));
        Thread.currentThread().join();
    }
}
