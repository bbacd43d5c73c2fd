package io.github.pendoclient.smoke;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.pendoclient.PendoClient;
import io.github.pendoclient.aggregation.AggregationClient;
import io.github.pendoclient.aggregation.Queries;
import io.github.pendoclient.micrometer.PendoMeterBinder;
import io.github.pendoclient.model.Account;
import io.github.pendoclient.model.Page;
import io.github.pendoclient.smoke.unexported.UnexportedRow;
import io.github.pendoclient.testing.FakePendo;
import io.github.pendoclient.track.TrackClient;
import io.github.pendoclient.track.TrackEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Uses core, aggregation, track and testing from the module path against servers on loopback, and exits non-zero
 * with a message on the first thing that is not as expected. A class that fails to load, a package that two modules
 * both contain, or a reflective access the module system refuses (Retrofit proxies, Moshi reading records) shows up
 * here and nowhere else in the build.
 */
public final class ModularSmoke {

    private static final String KEY = "test-integration-key";
    private static final String SECRET = "test-shared-secret";

    private final Map<String, String> received = new ConcurrentHashMap<>();

    private ModularSmoke() {}

    /**
     * Runs the checks.
     *
     * @param args ignored
     * @throws Exception if a check fails, which fails the build
     */
    public static void main(String[] args) throws Exception {
        new ModularSmoke().run();
        System.out.println("Modular smoke test passed: " + moduleOf(PendoClient.class) + ", "
                + moduleOf(AggregationClient.class) + ", " + moduleOf(TrackClient.class) + ", "
                + moduleOf(FakePendo.class) + " on the module path.");
    }

    private void run() throws IOException {
        check(moduleOf(PendoClient.class).equals("io.github.pendoclient"), "core's module name");
        check(
                moduleOf(AggregationClient.class).equals("io.github.pendoclient.aggregation"),
                "aggregation's module name");
        check(moduleOf(TrackClient.class).equals("io.github.pendoclient.track"), "track's module name");
        check(moduleOf(FakePendo.class).equals("io.github.pendoclient.testing"), "testing's module name");
        check(moduleOf(PendoMeterBinder.class).equals("io.github.pendoclient.micrometer"), "micrometer's module name");

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/api/v1/page",
                exchange -> answer(exchange, "page", "[{\"id\":\"page-1\",\"appId\":1,\"name\":\"Home\"}]"));
        server.createContext(
                "/api/v1/aggregation",
                exchange -> answer(
                        exchange,
                        "aggregation",
                        "{\"startTime\":1,\"results\":[{\"accountId\":\"acct-1\"},{\"accountId\":\"acct-2\"}]}"));
        server.createContext("/data/track", exchange -> answer(exchange, "track", ""));
        server.start();
        String baseUrl = "http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + "/";
        try {
            try (PendoClient client =
                    PendoClient.builder().integrationKey(KEY).baseUrl(baseUrl).build()) {
                List<Page> pages = client.pages().list();
                check(
                        pages.size() == 1
                                && "page-1".equals(pages.get(0).id())
                                && "Home".equals(pages.get(0).name()),
                        "core: GET /api/v1/page read as one Page, was " + pages);
                check(received.get("page").startsWith("GET key=" + KEY), "core: sent " + received.get("page"));
                // The version comes from a resource inside core's module, which the module system encapsulates.
                check(
                        received.get("page").contains(" agent=pendo-client-java/")
                                && !received.get("page").contains("pendo-client-java/unknown"),
                        "core: the User-Agent carries the SDK version, sent " + received.get("page"));
            }
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (PendoClient client = PendoClient.builder()
                    .integrationKey(KEY)
                    .baseUrl(baseUrl)
                    .eventListener(PendoMeterBinder.create(registry))
                    .build()) {
                client.pages().list();
                check(
                        registry.get("pendo.client.requests").timer().count() == 1,
                        "micrometer: one call timed, meters " + registry.getMetersAsString());
            }
            try (PendoClient client =
                    PendoClient.builder().integrationKey(KEY).baseUrl(baseUrl).build()) {

                List<Map<String, Object>> accounts = AggregationClient.create(client).stream(Queries.accounts())
                        .toList();
                check(
                        accounts.equals(List.of(Map.of("accountId", "acct-1"), Map.of("accountId", "acct-2"))),
                        "aggregation: streamed " + accounts);
                check(
                        received.get("aggregation").startsWith("POST key=" + KEY)
                                && received.get("aggregation").contains("\"accounts\""),
                        "aggregation: sent " + received.get("aggregation"));

                // Rows bound to this module's own record: core reads it reflectively, which works because
                // module-info.java exports this package to io.github.pendoclient.
                List<AccountRow> rows = AggregationClient.create(client).stream(Queries.accounts(), AccountRow.class)
                        .toList();
                check(
                        rows.equals(List.of(new AccountRow("acct-1"), new AccountRow("acct-2"))),
                        "aggregation: streamed " + rows + " into a record of this module");
                // A record in a package not exported to core: a clear error that says what to add.
                try {
                    AggregationClient.create(client).stream(Queries.accounts(), UnexportedRow.class)
                            .toList();
                    check(false, "aggregation: read rows into a record of a package not exported to core");
                } catch (IllegalArgumentException expected) {
                    check(
                            String.valueOf(expected.getMessage())
                                    .contains(
                                            "exports io.github.pendoclient.smoke.unexported to io.github.pendoclient;"),
                            "aggregation: the error for an unexported record says " + expected.getMessage());
                }
                // And into core's own model record.
                List<Account> accountModels = AggregationClient.create(client).stream(Queries.accounts(), Account.class)
                        .toList();
                check(
                        accountModels.size() == 2
                                && "acct-2".equals(accountModels.get(1).accountId()),
                        "aggregation: streamed " + accountModels + " into core's Account");
            }
            try (TrackClient track =
                    TrackClient.builder().sharedSecret(SECRET).baseUrl(baseUrl).build()) {
                track.send(TrackEvent.builder()
                        .event("Modular Smoke")
                        .visitorId("visitor-1")
                        .build());
                check(
                        received.get("track").startsWith("POST key=" + SECRET)
                                && received.get("track").contains("\"Modular Smoke\""),
                        "track: sent " + received.get("track"));
            }
        } finally {
            server.stop(0);
        }

        try (FakePendo fake = FakePendo.create().start();
                PendoClient client = PendoClient.builder()
                        .integrationKey(fake.integrationKey())
                        .baseUrl(fake.baseUrl().toString())
                        .build()) {
            check(client.verifyKey().valid(), "testing: FakePendo refused its own key");
        }
    }

    private void answer(HttpExchange exchange, String name, String body) throws IOException {
        String sent = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.put(
                name,
                exchange.getRequestMethod() + " key="
                        + exchange.getRequestHeaders().getFirst("x-pendo-integration-key") + " body=" + sent
                        + " agent=" + exchange.getRequestHeaders().getFirst("User-Agent"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * A row type of the application's own.
     *
     * @param accountId the account id
     */
    public record AccountRow(String accountId) {}

    private static String moduleOf(Class<?> type) {
        return String.valueOf(type.getModule().getName());
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("Modular smoke test failed: " + what);
        }
    }
}
