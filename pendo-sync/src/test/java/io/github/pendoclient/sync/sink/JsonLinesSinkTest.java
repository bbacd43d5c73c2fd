package io.github.pendoclient.sync.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.internal.json.JsonValues;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is particular to JSON Lines beyond the shared contract: lines gathered in memory reach the file whole. */
class JsonLinesSinkTest {

    @TempDir
    Path dir;

    @Test
    void aBatchOfManyTimesTheWriteSizeIsWrittenWholeAndItsPositionIsTheFilesLength() throws Exception {
        List<Map<String, Object>> rows = SinkContract.rows(0, 3_000);
        OptionalLong position;
        try (JsonLinesSink sink = new JsonLinesSink(dir)) {
            sink.open(SinkContract.ROWS, OptionalLong.empty());
            for (Map<String, Object> row : rows) {
                sink.write(SinkContract.ROWS, row);
            }
            position = sink.commit(SinkContract.ROWS);
        }
        Path file = dir.resolve("contract_rows.jsonl");

        assertThat(Files.size(file)).isGreaterThan(4L * JsonLinesSink.WRITE_BYTES);
        assertThat(position).hasValue(Files.size(file));
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8))
                .isEqualTo(rows.stream().map(JsonValues::toJson).collect(Collectors.toList()));
    }

    @Test
    void aResumedRunDropsTheLinesGatheredButNotCommittedByTheRunBefore() throws Exception {
        OptionalLong position;
        try (JsonLinesSink sink = new JsonLinesSink(dir)) {
            sink.open(SinkContract.ROWS, OptionalLong.empty());
            sink.write(SinkContract.ROWS, SinkContract.row(0));
            position = sink.commit(SinkContract.ROWS);
            sink.write(SinkContract.ROWS, SinkContract.row(1));
            sink.open(SinkContract.ROWS, position); // the table again, from its checkpoint
            sink.write(SinkContract.ROWS, SinkContract.row(2));
            sink.commit(SinkContract.ROWS);
        }

        assertThat(Files.readAllLines(dir.resolve("contract_rows.jsonl"), StandardCharsets.UTF_8))
                .containsExactly(JsonValues.toJson(SinkContract.row(0)), JsonValues.toJson(SinkContract.row(2)));
    }
}
