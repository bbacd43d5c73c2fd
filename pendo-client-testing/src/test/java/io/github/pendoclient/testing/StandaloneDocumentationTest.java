package io.github.pendoclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.testing.internal.FakeServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What docs/testing.md shows about the standalone fake is what it does: the documented command's aggregation answers
 * exactly the documented text on any day, and the documented dataset example is the one the tests load.
 */
class StandaloneDocumentationTest {

    private static final Path PAGE = Path.of("..", "docs", "testing.md");

    private static String page() throws Exception {
        return Files.readString(PAGE, StandardCharsets.UTF_8);
    }

    /** The arguments of the documented {@code java -jar ...-standalone.jar} command, on a free port. */
    private static String[] documentedArguments(String page) {
        Matcher command =
                Pattern.compile("(?m)^java -jar \\S+-standalone\\.jar (.+)$").matcher(page);
        assertThat(command.find()).as("the documented command in %s", PAGE).isTrue();
        List<String> args =
                new ArrayList<>(Arrays.asList(command.group(1).trim().split("\\s+")));
        args.set(args.indexOf("--port") + 1, "0");
        return args.toArray(String[]::new);
    }

    @Test
    void theDocumentedAggregationAnswersTheDocumentedTextOnAnyDay() throws Exception {
        String page = page();
        Matcher example = Pattern.compile("(?s)/api/v1/aggregation \\\\\\n\\s+--data '([^']+)'\\n(\\{[^\\n]+)\\n")
                .matcher(page);
        assertThat(example.find()).as("the documented aggregation in %s", PAGE).isTrue();
        String[] args = documentedArguments(page);

        for (String today : List.of("2026-12-07T20:00:00Z", "2027-06-30T01:00:00Z")) {
            try (FakeServer fake = FakePendoServer.launch(Clock.fixed(Instant.parse(today), ZoneOffset.UTC), args)) {
                HttpRequest request = HttpRequest.newBuilder(fake.baseUrl().resolve("/api/v1/aggregation"))
                        .header("x-pendo-integration-key", FakePendo.DEFAULT_INTEGRATION_KEY)
                        .POST(HttpRequest.BodyPublishers.ofString(example.group(1)))
                        .build();
                String answer = HttpClient.newHttpClient()
                        .send(request, HttpResponse.BodyHandlers.ofString())
                        .body();

                assertThat(withoutStartTime(answer)).as("on %s", today).isEqualTo(withoutStartTime(example.group(2)));
            }
        }
    }

    private static String withoutStartTime(String answer) {
        return answer.replaceFirst("\"startTime\":\\d+", "\"startTime\":0");
    }

    @Test
    void theDocumentedCommandNamesItsEndDate() throws Exception {
        assertThat(documentedArguments(page())).contains("--end-date", "--seed");
    }

    @Test
    void theDocumentedDatasetExampleIsTheTestResource() throws Exception {
        String resource = Files.readString(
                Path.of(URI.create(StandaloneDocumentationTest.class
                        .getResource("/dataset-example.json")
                        .toString())),
                StandardCharsets.UTF_8);

        assertThat(page()).contains("```json\n" + resource + "```");
    }
}
