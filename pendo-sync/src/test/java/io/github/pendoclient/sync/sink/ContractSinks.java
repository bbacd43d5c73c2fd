package io.github.pendoclient.sync.sink;

import io.github.pendoclient.sync.Sink;
import java.io.IOException;
import java.nio.file.Path;

/** Opens a sink by kind and location, the same way in the test JVM and in the kill test's child JVM. */
final class ContractSinks {

    private ContractSinks() {}

    static Sink open(String kind, String location) throws IOException {
        switch (kind) {
            case "jsonl":
                return new JsonLinesSink(Path.of(location));
            case "duckdb":
                return new DuckDbSink(Path.of(location));
            case "parquet":
                return new ParquetSink(Path.of(location));
            case "postgres":
                return PostgresSink.connect(location, EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD);
            default:
                throw new IllegalArgumentException("Unknown sink kind " + kind);
        }
    }
}
