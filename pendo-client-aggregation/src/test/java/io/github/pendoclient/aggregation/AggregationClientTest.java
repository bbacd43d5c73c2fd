package io.github.pendoclient.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.aggregation.rows.GuideEventRow;
import io.github.pendoclient.aggregation.rows.PageEventRow;
import io.github.pendoclient.aggregation.rows.PollEventRow;
import io.github.pendoclient.error.InvalidRequestException;
import io.github.pendoclient.error.PendoNetworkException;
import io.github.pendoclient.error.UnreadableResponseException;
import io.github.pendoclient.http.RateLimitOptions;
import io.github.pendoclient.http.RetryOptions;
import io.github.pendoclient.model.Visitor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AggregationClientTest {

    private static final String KEY = "fake-aggregation-key-1234";
    private static final Aggregation VISITORS = Queries.allVisitors();

    private MockWebServer server;
    private PendoClient client;
    private AggregationClient aggregations;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        client = PendoClient.builder()
                .integrationKey(KEY)
                .baseUrl(server.url("/").toString())
                .aggregationTimeout(Duration.ofSeconds(10))
                .retries(RetryOptions.builder().maxAttempts(1).build())
                .rateLimit(RateLimitOptions.disabled())
                .build();
        aggregations = AggregationClient.create(client);
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    static String fixture(String name) {
        try (InputStream in = AggregationClientTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void respond(String body) {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build());
    }

    @Test
    void postsTheQueryWithTheKeyAndStreamsRowsAsMaps() throws InterruptedException {
        respond(fixture("visitors-aggregation.json"));

        List<Map<String, Object>> rows;
        try (Stream<Map<String, Object>> stream = aggregations.stream(VISITORS)) {
            rows = stream.toList();
        }

        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/aggregation");
        assertThat(request.getHeaders().get("x-pendo-integration-key")).isEqualTo(KEY);
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(request.getBody().utf8()).isEqualTo(VISITORS.toJson());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("visitorId", "v-1001");
        assertThat(((Map<?, ?>) ((Map<?, ?>) rows.get(0).get("metadata")).get("auto")).get("lastupdated"))
                .isEqualTo(1700000000000L);
    }

    @Test
    void readsTypedRowsKeepingUnknownMembers() {
        respond(fixture("visitors-aggregation.json"));

        List<Visitor> visitors = aggregations.stream(VISITORS, Visitor.class).toList();

        assertThat(visitors).extracting(Visitor::visitorId).containsExactly("v-1001", "_PENDO_T_a1b2c3");
        assertThat(visitors.get(0).group("agent")).containsEntry("email", "ada@example.com");
        assertThat(visitors.get(0).lastUpdated()).isEqualTo(Instant.ofEpochMilli(1700000000000L));
    }

    @Test
    void readsTheEventRowShapesOfTheReference() {
        respond(fixture("page-events-aggregation.json"));
        PageEventRow page = aggregations.stream(Queries.pageEvents(AppIds.all()), PageEventRow.class)
                .findFirst()
                .orElseThrow();
        assertThat(page.pageId()).isEqualTo("aJ0KOADQZVL5h9zQhiQ0q26PNTM");
        assertThat(page.appId()).isEqualTo(-323232L);
        assertThat(page.day()).isEqualTo(Instant.ofEpochMilli(1540008000000L));
        assertThat(page.bucket()).isEqualTo(page.day());
        assertThat(page.numEvents()).isEqualTo(5L);
        assertThat(page.unknownFields()).containsEntry("rageClickCount", 0L);

        respond(fixture("guide-events-aggregation.json"));
        GuideEventRow guide = aggregations.stream(Queries.guideEvents(AppIds.all()), GuideEventRow.class)
                .findFirst()
                .orElseThrow();
        assertThat(guide.type()).isEqualTo("guideSeen");
        assertThat(guide.guideTimestamp()).isEqualTo(Instant.ofEpochMilli(1700000123456L));
        assertThat(guide.accountIds()).containsExactly("acme");

        respond(fixture("poll-events-aggregation.json"));
        PollEventRow poll = aggregations.stream(Queries.pollEvents(AppIds.all()), PollEventRow.class)
                .findFirst()
                .orElseThrow();
        assertThat(poll.pollResponse()).isEqualTo(9L);
        assertThat(poll.pollType()).isEqualTo("NPSRating");
    }

    @Test
    void startTimeIsKnownBeforeOrAfterTheRows() {
        respond("{\"startTime\": 1700000000000, \"results\": [{\"a\": 1}]}");
        try (AggregationResult<Map<String, Object>> result = aggregations.open(VISITORS)) {
            assertThat(result.startTime()).contains(Instant.ofEpochMilli(1700000000000L));
        }

        respond("{\"results\": [{\"a\": 1}], \"startTime\": 1700000000001}");
        try (AggregationResult<Map<String, Object>> result = aggregations.open(VISITORS)) {
            assertThat(result.startTime()).isEmpty();
            result.next();
            assertThat(result.hasNext()).isFalse();
            assertThat(result.startTime()).contains(Instant.ofEpochMilli(1700000000001L));
            assertThat(result.isComplete()).isTrue();
            assertThat(result.rowsRead()).isEqualTo(1);
        }
    }

    @Test
    void anEmptyResultIsEmpty() {
        respond("{\"startTime\": 1, \"results\": []}");
        assertThat(aggregations.stream(VISITORS)).isEmpty();
    }

    @Test
    void aBodyCutShortFailsAfterTheRowsItHadInsteadOfEndingQuietly() {
        respond("{\"startTime\": 1, \"results\": [{\"visitorId\": \"a\"}, {\"visitorId\": \"b\"}, {\"visitorId\"");

        Iterator<Map<String, Object>> rows = aggregations.open(VISITORS);
        assertThat(rows.next()).containsEntry("visitorId", "a");
        assertThat(rows.next()).containsEntry("visitorId", "b");
        assertThatThrownBy(rows::hasNext).isInstanceOfSatisfying(IncompleteResultException.class, e -> {
            assertThat(e.rowsRead()).isEqualTo(2);
            assertThat(e).hasMessageContaining("after 2 rows").hasMessageContaining("run the query again");
            assertThat(e.getCause()).isInstanceOf(UnreadableResponseException.class);
            assertThat(e.getMessage()).doesNotContain(KEY);
        });
    }

    @Test
    void aBodyMissingItsClosingBracketsIsIncomplete() {
        respond("{\"startTime\": 1, \"results\": [{\"visitorId\": \"a\"}");

        try (Stream<Map<String, Object>> rows = aggregations.stream(VISITORS)) {
            assertThatThrownBy(rows::toList).isInstanceOf(IncompleteResultException.class);
        }
    }

    @Test
    void aDisconnectMidBodyIsANetworkFailureWithTheRowCount() throws Exception {
        String full = "{\"startTime\": 1, \"results\": [{\"visitorId\": \"a\"}, {\"visitorId\": \"b\"}]}";
        byte[] bytes = full.getBytes(StandardCharsets.UTF_8);
        int cut = full.indexOf("{\"visitorId\": \"b\"");
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                PendoClient direct = PendoClient.builder()
                        .integrationKey(KEY)
                        .baseUrl("http://127.0.0.1:" + listener.getLocalPort() + "/")
                        .retries(RetryOptions.builder().maxAttempts(1).build())
                        .build()) {
            Thread serverThread = new Thread(() -> {
                try (Socket socket = listener.accept()) {
                    BufferedReader in =
                            new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                    int contentLength = 0;
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                            contentLength = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    in.skip(contentLength);
                    OutputStream out = socket.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(bytes, 0, cut);
                    out.flush();
                } catch (IOException ignored) {
                    // the client sees the close
                }
            });
            serverThread.start();

            Iterator<Map<String, Object>> rows =
                    AggregationClient.create(direct).open(VISITORS);
            assertThat(rows.next()).containsEntry("visitorId", "a");
            assertThatThrownBy(rows::hasNext).isInstanceOfSatisfying(IncompleteResultException.class, e -> {
                assertThat(e.rowsRead()).isEqualTo(1);
                assertThat(e.getCause())
                        .isInstanceOfAny(PendoNetworkException.class, UnreadableResponseException.class);
            });
            serverThread.join(5_000);
        }
    }

    @Test
    void aResponseWithoutResultsIsUnreadable() {
        respond("{\"startTime\": 1, \"rows\": []}");
        assertThatThrownBy(() -> aggregations.open(VISITORS))
                .isInstanceOf(UnreadableResponseException.class)
                .hasMessageContaining("no 'results' array");

        respond("{\"results\": {\"a\": 1}}");
        assertThatThrownBy(() -> aggregations.open(VISITORS))
                .isInstanceOf(UnreadableResponseException.class)
                .hasMessageContaining("not an array");
    }

    @Test
    void aRowOfTheWrongShapeIsNamedByItsPath() {
        respond("{\"results\": [{\"visitorId\": \"a\"}, 42]}");
        Iterator<Map<String, Object>> rows = aggregations.open(VISITORS);
        rows.next();
        assertThatThrownBy(rows::hasNext)
                .isInstanceOf(IncompleteResultException.class)
                .hasMessageContaining("$.results[1]");
    }

    @Test
    void errorsBeforeTheBodyAreTyped() {
        server.enqueue(new MockResponse.Builder()
                .code(422)
                .body("{\"overall\":{},\"fields\":{\"pipeline\":\"Required\"}}")
                .build());
        assertThatThrownBy(() -> aggregations.stream(VISITORS)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void closingEarlyReleasesTheConnectionForTheNextQuery() {
        StringBuilder body = new StringBuilder("{\"results\": [");
        for (int i = 0; i < 10_000; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"visitorId\": \"v")
                    .append(i)
                    .append("\"}");
        }
        respond(body.append("]}").toString());
        respond("{\"results\": [{\"visitorId\": \"next\"}]}");

        try (Stream<Map<String, Object>> rows = aggregations.stream(VISITORS)) {
            assertThat(rows.limit(3)).hasSize(3);
        }
        assertThat(aggregations.stream(VISITORS).toList())
                .extracting(row -> row.get("visitorId"))
                .containsExactly("next");
    }

    @Test
    void countAppendsACountStage() throws InterruptedException {
        respond("{\"startTime\": 1, \"results\": [{\"count\": 1234}]}");

        assertThat(aggregations.count(VISITORS)).isEqualTo(1234);
        String body = server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8();
        assertThat(body).endsWith("{\"count\":null}]}}");
    }

    @Test
    void streamsAHundredThousandRowsLazily() {
        Buffer body = new Buffer().writeUtf8("{\"startTime\": 1, \"results\": [");
        for (int i = 0; i < 100_000; i++) {
            body.writeUtf8(i == 0 ? "" : ",").writeUtf8("{\"visitorId\": \"v" + i + "\", \"n\": " + i + "}");
        }
        body.writeUtf8("]}");
        server.enqueue(new MockResponse.Builder().code(200).body(body).build());

        try (Stream<Map<String, Object>> rows = aggregations.stream(VISITORS)) {
            assertThat(rows.mapToLong(row -> (Long) row.get("n")).sum()).isEqualTo(99_999L * 100_000 / 2);
        }
    }
}
