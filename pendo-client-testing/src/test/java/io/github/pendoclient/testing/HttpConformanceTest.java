package io.github.pendoclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.testing.EndpointCalls.Call;
import io.github.pendoclient.testing.internal.FakeServer;
import io.github.pendoclient.testing.internal.ReasonPhrases;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint of the standalone server (started as {@code java -jar} would, from a dataset file on a free port),
 * read by clients that are strict in different ways: the JDK's {@code HttpClient}, OkHttp, a raw-socket HTTP/1.1
 * parser, and curl and Node's {@code fetch} where the machine has them. Each checks the status, the headers and that
 * the body parses.
 */
class HttpConformanceTest {

    @TempDir
    static Path directory;

    static FakeServer server;
    static FakePendo large;
    static final HttpClient JDK = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    static final OkHttpClient OKHTTP = new OkHttpClient.Builder()
            .readTimeout(5, TimeUnit.SECONDS)
            .retryOnConnectionFailure(false)
            .build();

    @BeforeAll
    static void startStandalone() throws Exception {
        Path dataset = directory.resolve("dataset.json");
        Files.writeString(dataset, EndpointCalls.DATASET.toJson());
        server = FakePendoServer.launch("--port", "0", "--dataset", dataset.toString());
        // Big enough that the aggregation answer outgrows what the fake holds before sending (over 1 MiB).
        large = FakePendo.builder()
                .dataset(Dataset.generator(3).visitors(3_000).days(1).build())
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
        large.close();
        OKHTTP.connectionPool().evictAll();
    }

    static Stream<Call> calls() {
        return EndpointCalls.CALLS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void theJdkClientReadsEveryEndpoint(Call call) throws Exception {
        HttpResponse<byte[]> response =
                JDK.send(jdkRequest(server.baseUrl(), call), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(call.status());
        checkBody(call, response.headers().firstValue("content-type").orElse(null), response.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void okHttpReadsEveryEndpoint(Call call) throws Exception {
        try (okhttp3.Response response =
                OKHTTP.newCall(okRequest(server.baseUrl(), call)).execute()) {
            assertThat(response.code()).isEqualTo(call.status());
            checkBody(call, response.header("Content-Type"), response.body().bytes());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void aStrictRawParserReadsEveryEndpointTwiceOnOneConnection(Call call) throws Exception {
        try (RawHttp raw = new RawHttp(server.port())) {
            for (int i = 0; i < 2; i++) {
                RawHttp.Response response = raw.exchange(call.method(), call.target(), headers(call), call.body());

                assertThat(response.status()).isEqualTo(call.status());
                assertThat(response.reason()).isEqualTo(ReasonPhrases.of(call.status()));
                assertThat(response.header("content-length"))
                        .as("a fixed length while it fits")
                        .isNotNull();
                checkBody(call, response.header("content-type"), response.body());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void theConnectionClosesRightAfterAnAnswerWhenTheClientAskedForIt(Call call) throws Exception {
        try (RawHttp raw = new RawHttp(server.port())) {
            Map<String, String> headers = new java.util.LinkedHashMap<>(headers(call));
            headers.put("Connection", "close");
            RawHttp.Response response = raw.exchange(call.method(), call.target(), headers, call.body());

            assertThat(response.status()).isEqualTo(call.status());
            assertThat(response.header("connection")).isEqualToIgnoringCase("close");
            assertThat(response.closedAfter())
                    .as("closed within the raw client's 2 s read timeout")
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void curlReadsEveryEndpoint(Call call) throws Exception {
        Path body = directory.resolve("curl-body");
        List<String> command = new ArrayList<>(List.of(
                curl(),
                "-sS",
                "--max-time",
                "5",
                "-o",
                body.toString(),
                "-w",
                "%{http_code}",
                "-X",
                call.method(),
                "-H",
                "x-pendo-integration-key: " + EndpointCalls.keyFor(call)));
        if (call.body() != null) {
            command.addAll(List.of("-H", "Content-Type: application/json", "--data-binary", call.body()));
        }
        command.add("--path-as-is");
        command.add(server.baseUrl().resolve(call.target().substring(1)).toString());

        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor())
                .as("curl's exit code; it printed %s", output)
                .isZero();
        assertThat(output).isEqualTo(String.valueOf(call.status()));
        checkBody(call, null, Files.readAllBytes(body));
    }

    @Test
    void everyClientReadsAnAggregationTooLargeToHoldEndedByClosingTheConnection() throws Exception {
        Call call = EndpointCalls.CALLS.get(0);
        HttpResponse<byte[]> jdk = JDK.send(jdkRequest(large.baseUrl(), call), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(jdk.statusCode()).isEqualTo(200);
        assertThat(jdk.headers().firstValue("connection")).hasValue("close");
        assertThat(results(jdk.body())).hasSize(3_000);

        try (okhttp3.Response ok =
                OKHTTP.newCall(okRequest(large.baseUrl(), call)).execute()) {
            assertThat(results(ok.body().bytes())).hasSize(3_000);
        }
        try (RawHttp raw = new RawHttp(large.port())) {
            RawHttp.Response response = raw.exchange("POST", call.target(), headers(call), call.body());
            assertThat(response.header("content-length")).isNull();
            assertThat(response.header("transfer-encoding")).isNull();
            assertThat(results(response.body())).hasSize(3_000);
        }
    }

    @Test
    void curlAndNodeReadTheLargeAggregation() throws Exception {
        Call call = EndpointCalls.CALLS.get(0);
        Path body = directory.resolve("curl-large");
        Process curl = new ProcessBuilder(
                        curl(),
                        "-sS",
                        "--max-time",
                        "10",
                        "-o",
                        body.toString(),
                        "-X",
                        "POST",
                        "-H",
                        "x-pendo-integration-key: " + FakePendo.DEFAULT_INTEGRATION_KEY,
                        "--data-binary",
                        call.body(),
                        large.baseUrl().resolve("api/v1/aggregation").toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor()).as(output).isZero();
        assertThat(results(Files.readAllBytes(body))).hasSize(3_000);

        String node = which("node");
        Assumptions.assumeTrue(node != null, "node is not installed");
        String script = "fetch(process.argv[1], {method: 'POST', headers: {'x-pendo-integration-key': '"
                + FakePendo.DEFAULT_INTEGRATION_KEY + "'}, body: process.argv[2]})"
                + ".then(r => r.json().then(j => console.log(r.status + ' ' + j.results.length)))"
                + ".catch(e => { console.log('failed ' + (e.cause ? e.cause.code : e)); process.exit(3); });";
        Process fetch = new ProcessBuilder(
                        node,
                        "-e",
                        script,
                        large.baseUrl().resolve("api/v1/aggregation").toString(),
                        call.body())
                .redirectErrorStream(true)
                .start();
        String printed = new String(fetch.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(fetch.waitFor()).as(printed).isZero();
        assertThat(printed).isEqualTo("200 3000");
    }

    @Test
    void nodeFetchReadsEveryEndpoint() throws Exception {
        String node = which("node");
        Assumptions.assumeTrue(node != null, "node is not installed");
        StringBuilder script = new StringBuilder("(async () => { const base = process.argv[1]; const out = [];");
        for (Call call : EndpointCalls.CALLS) {
            script.append("{ const r = await fetch(base + ")
                    .append(JsonValues.toJson(call.target().substring(1)))
                    .append(", {method: ")
                    .append(JsonValues.toJson(call.method()))
                    .append(", headers: {")
                    .append("'x-pendo-integration-key': ")
                    .append(JsonValues.toJson(EndpointCalls.keyFor(call)))
                    .append("}")
                    .append(call.body() == null ? "" : ", body: " + JsonValues.toJson(call.body()))
                    .append("}); const t = await r.text(); if (t.length) JSON.parse(t); out.push(r.status); }");
        }
        script.append("console.log(out.join(' ')); })().catch(e => { console.log('failed ' + e + ' '"
                + " + (e.cause ? e.cause.code : '')); process.exit(3); });");
        Process fetch = new ProcessBuilder(
                        node, "-e", script.toString(), server.baseUrl().toString())
                .redirectErrorStream(true)
                .start();
        String printed = new String(fetch.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(fetch.waitFor()).as(printed).isZero();
        assertThat(printed)
                .isEqualTo(String.join(
                        " ",
                        EndpointCalls.CALLS.stream()
                                .map(call -> String.valueOf(call.status()))
                                .toList()));
    }

    @Test
    void statusLinesCarryTheStandardReasonPhrases() {
        assertThat(ReasonPhrases.of(200)).isEqualTo("OK");
        assertThat(ReasonPhrases.of(400)).isEqualTo("Bad Request");
        assertThat(ReasonPhrases.of(401)).isEqualTo("Unauthorized");
        assertThat(ReasonPhrases.of(404)).isEqualTo("Not Found");
        assertThat(ReasonPhrases.of(413)).isEqualTo("Content Too Large");
        assertThat(ReasonPhrases.of(422)).isEqualTo("Unprocessable Content");
        assertThat(ReasonPhrases.of(429)).isEqualTo("Too Many Requests");
        assertThat(ReasonPhrases.of(500)).isEqualTo("Internal Server Error");
        assertThat(ReasonPhrases.of(503)).isEqualTo("Service Unavailable");
    }

    @ParameterizedTest(name = "HTTP {0}")
    @MethodSource("faultStatuses")
    void everyStatusTheFakeSendsHasItsReasonPhraseOnTheWire(int status) throws Exception {
        server.faults().add(Endpoint.TOKEN_VERIFY, Fault.status(status));
        try (RawHttp raw = new RawHttp(server.port())) {
            RawHttp.Response response = raw.exchange(
                    "GET",
                    "/api/v1/token/verify",
                    Map.of("x-pendo-integration-key", FakePendo.DEFAULT_INTEGRATION_KEY),
                    null);

            assertThat(response.status()).isEqualTo(status);
            assertThat(response.reason()).isEqualTo(ReasonPhrases.of(status)).doesNotContain("Client Error");
        }
    }

    static Stream<Integer> faultStatuses() {
        return Stream.of(400, 401, 403, 404, 408, 409, 413, 422, 429, 500, 502, 503, 504);
    }

    // ---- helpers

    private static Map<String, String> headers(Call call) {
        return call.body() == null
                ? Map.of("x-pendo-integration-key", EndpointCalls.keyFor(call))
                : Map.of("x-pendo-integration-key", EndpointCalls.keyFor(call), "Content-Type", "application/json");
    }

    static HttpRequest jdkRequest(URI base, Call call) {
        return HttpRequest.newBuilder(URI.create(base + call.target().substring(1)))
                .timeout(Duration.ofSeconds(5))
                .header("x-pendo-integration-key", EndpointCalls.keyFor(call))
                .method(
                        call.method(),
                        call.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(call.body()))
                .build();
    }

    static Request okRequest(URI base, Call call) {
        RequestBody body =
                call.body() == null ? null : RequestBody.create(call.body(), MediaType.get("application/json"));
        return new Request.Builder()
                .url(base + call.target().substring(1))
                .header("x-pendo-integration-key", EndpointCalls.keyFor(call))
                .method(call.method(), body)
                .build();
    }

    private static void checkBody(Call call, String contentType, byte[] body) {
        if (call.emptyBody()) {
            assertThat(body).isEmpty();
            return;
        }
        if (contentType != null) {
            assertThat(contentType).startsWith("application/json");
        }
        assertThat(JsonValues.parse(new String(body, StandardCharsets.UTF_8))).isNotNull();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> results(byte[] body) {
        return (List<Object>)
                ((Map<String, Object>) JsonValues.parse(new String(body, StandardCharsets.UTF_8))).get("results");
    }

    private static String curl() {
        String curl = which("curl");
        Assumptions.assumeTrue(curl != null, "curl is not installed");
        return curl;
    }

    static String which(String program) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(directory, program);
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        return null;
    }
}
