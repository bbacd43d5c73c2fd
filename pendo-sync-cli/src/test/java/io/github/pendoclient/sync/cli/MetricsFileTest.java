package io.github.pendoclient.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.sync.cli.PrometheusText.Sample;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.FakePendo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --metrics-file}: the run's figures in the Prometheus text format, agreeing with {@code --summary-json}. */
class MetricsFileTest {

    @TempDir
    Path dir;

    private static List<Sample> metrics(Path file) throws IOException {
        return PrometheusText.parse(Files.readString(file));
    }

    private static double value(List<Sample> samples, String name, String table) {
        return samples.stream()
                .filter(s -> s.name().equals("pendo_sync_" + name))
                .filter(s -> table == null
                        ? s.labels().isEmpty()
                        : table.equals(s.labels().get("table")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " for " + table))
                .value();
    }

    private static double number(Object json) {
        return ((Number) json).doubleValue();
    }

    @Test
    void aDemoRunsFileParsesAndAgreesWithTheSummaryJsonTableByTable() throws IOException {
        Path metrics = dir.resolve("textfile/pendo-sync.prom");
        Path summary = dir.resolve("summary.json");

        CommandRun run = CommandRun.of(
                Map.of(),
                List.of(
                        "--demo",
                        "--demo-visitors",
                        "40",
                        "--demo-accounts",
                        "4",
                        "--demo-days",
                        "1",
                        "--demo-end",
                        "2026-11-01",
                        "--out",
                        dir.resolve("out").toString(),
                        "--summary-json",
                        summary.toString(),
                        "--metrics-file",
                        metrics.toString()));

        assertThat(run.code()).as(run.err()).isZero();
        List<Sample> samples = metrics(metrics);
        Map<?, ?> json = (Map<?, ?>) JsonValues.parse(Files.readString(summary));
        assertThat(value(samples, "run_exit_status", null)).isEqualTo(number(json.get("exitCode")));
        assertThat(value(samples, "run_rows", null)).isEqualTo(number(json.get("rows")));
        List<?> tables = (List<?>) json.get("tables");
        assertThat(tables).isNotEmpty();
        double end = value(samples, "run_end_timestamp_seconds", null);
        for (Object entry : tables) {
            Map<?, ?> table = (Map<?, ?>) entry;
            String name = (String) table.get("table");
            assertThat(value(samples, "table_run_rows", name)).as(name).isEqualTo(number(table.get("rows")));
            assertThat(value(samples, "table_run_requests", name)).as(name).isEqualTo(number(table.get("requests")));
            assertThat(value(samples, "table_run_retries", name)).as(name).isEqualTo(number(table.get("retries")));
            assertThat(value(samples, "table_run_seconds", name))
                    .as(name)
                    .isCloseTo(number(table.get("seconds")), within(0.0005));
            assertThat(value(samples, "table_run_success", name)).as(name).isEqualTo(1.0);
            assertThat(value(samples, "table_last_success_timestamp_seconds", name))
                    .isEqualTo(end);
        }
        try (Stream<Path> files = Files.list(metrics.getParent())) {
            assertThat(files).as("the temporary file was renamed").containsExactly(metrics);
        }
    }

    @Test
    void aFailedRunWritesItsExitStatusAndKeepsEachTablesLastSuccessFromThePreviousFile() throws IOException {
        Path metrics = dir.resolve("pendo-sync.prom");
        Files.writeString(
                metrics,
                "# TYPE pendo_sync_table_last_success_timestamp_seconds gauge\n"
                        + "pendo_sync_table_last_success_timestamp_seconds{table=\"visitors\"} 1790000000\n");
        try (FakePendo pendo = FakePendo.builder()
                .dataset(Dataset.generator(1).visitors(20).accounts(2).days(1).build())
                .build()
                .start()) {
            CommandRun run = CommandRun.of(
                    Map.of(
                            "PENDO_INTEGRATION_KEY",
                            "fake-bad-key",
                            "PENDO_BASE_URL",
                            pendo.baseUrl().toString()),
                    List.of("--out", dir.resolve("out").toString(), "--metrics-file", metrics.toString()));

            assertThat(run.code()).isEqualTo(PendoSyncCommand.EXIT_FAILED);
        }
        List<Sample> samples = metrics(metrics);
        assertThat(value(samples, "run_exit_status", null)).isEqualTo(1.0);
        assertThat(value(samples, "table_last_success_timestamp_seconds", "visitors"))
                .isEqualTo(1_790_000_000.0);
        assertThat(samples).noneMatch(sample -> sample.name().equals("pendo_sync_table_run_success"));
        assertThat(Files.readString(metrics)).doesNotContain("fake-bad-key");
    }

    @Test
    void labelValuesAreEscapedSoTheParserReadsThemBack() {
        assertThat(MetricsFile.escape("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
        List<Sample> samples = PrometheusText.parse("x{table=\"" + MetricsFile.escape("a\"b\\c\nd") + "\"} 1\n");
        assertThat(samples.get(0).labels()).containsEntry("table", "a\"b\\c\nd");
    }
}
