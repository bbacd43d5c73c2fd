package io.github.pendoclient.sync.cli;

import io.github.pendoclient.sync.push.PushSource;
import io.github.pendoclient.sync.push.source.CsvSource;
import io.github.pendoclient.sync.push.source.DuckDbSource;
import io.github.pendoclient.sync.push.source.JsonLinesSource;
import io.github.pendoclient.sync.push.source.ParquetSource;
import io.github.pendoclient.sync.push.source.PostgresSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens the engine's source for a checked {@link SourceSpec}. The PostgreSQL password is read from the
 * environment only here, handed to the source (which clears it once connected), and never kept.
 */
final class PushSources {

    private PushSources() {}

    static PushSource open(SourceSpec spec, Map<String, String> environment) throws IOException {
        return switch (spec.kind()) {
            case CSV -> CsvSource.open(spec.file().orElseThrow());
            case JSONL -> JsonLinesSource.open(spec.file().orElseThrow());
            case PARQUET -> ParquetSource.open(spec.file().orElseThrow());
            case DUCKDB -> {
                String sql = spec.query().orElseThrow();
                Path database = spec.file().orElse(null);
                yield database == null ? DuckDbSource.query(sql) : DuckDbSource.query(database, sql);
            }
            case POSTGRES -> postgres(spec, environment);
        };
    }

    private static PushSource postgres(SourceSpec spec, Map<String, String> environment) throws IOException {
        String password = environment.get(PendoSyncCommand.ENV_PG_PASSWORD);
        String user = spec.postgresUser().orElseThrow();
        try {
            return PostgresSource.query(
                    spec.postgresUrl().orElseThrow(),
                    user,
                    password == null ? new char[0] : password.toCharArray(),
                    spec.query().orElseThrow());
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("Cannot connect")) {
                throw new IOException(e.getMessage() + ". The user is " + user + " (--postgres-user) and the"
                        + " password comes from " + PendoSyncCommand.ENV_PG_PASSWORD
                        + (password == null ? ", which is not set" : "") + "; check them and the server, then run"
                        + " again.");
            }
            throw e;
        }
    }
}
