package io.github.pendoclient.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pendo-sync pull} is the default run under its own name; options belong after the subcommand. */
class SubcommandTest {

    private static final List<String> DEMO = List.of(
            "--demo", "--demo-visitors", "50", "--demo-accounts", "5", "--demo-days", "2", "--demo-end", "2026-11-01");

    @TempDir
    Path dir;

    @Test
    void pullRunsWhatPendoSyncRunsWithNoSubcommand() {
        Path out = dir.resolve("out");
        List<String> args = new ArrayList<>(List.of("pull", "--out", out.toString(), "--tables", "features"));
        args.addAll(DEMO);

        CommandRun run = CommandRun.of(Map.of(), args);

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("every table synced");
        assertThat(out.resolve("features.jsonl")).exists();
    }

    @Test
    void anOptionBeforeTheSubcommandIsRefusedRatherThanIgnored() {
        Path out = dir.resolve("out");

        CommandRun run = CommandRun.of(Map.of(), List.of("--out", out.toString(), "pull", "--demo"));

        assertThat(run.code()).isEqualTo(PendoSyncCommand.EXIT_USAGE);
        assertThat(run.err().lines().toList())
                .singleElement()
                .asString()
                .contains("--out comes before 'pull'")
                .endsWith("(pendo-sync pull --help lists the options)");
        assertThat(Files.exists(out)).isFalse();
    }
}
