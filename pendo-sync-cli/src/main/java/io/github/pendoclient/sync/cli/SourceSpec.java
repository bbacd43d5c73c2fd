package io.github.pendoclient.sync.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a push reads its rows, checked; no password in it (the PostgreSQL password is read from the environment
 * when the source is opened).
 *
 * @param kind the kind of source
 * @param file the file of a CSV, JSON Lines or Parquet source, or the database of a DuckDB query
 * @param query the SQL of a DuckDB or PostgreSQL source
 * @param postgresUrl the JDBC URL of a PostgreSQL source
 * @param postgresUser its user
 */
record SourceSpec(
        Kind kind,
        Optional<Path> file,
        Optional<String> query,
        Optional<String> postgresUrl,
        Optional<String> postgresUser) {

    /** The kinds of source, each with its option. */
    enum Kind {
        CSV("--from-csv"),
        JSONL("--from-jsonl"),
        PARQUET("--from-parquet"),
        DUCKDB("--from-duckdb-query"),
        POSTGRES("--from-postgres-query");

        private final String option;

        Kind(String option) {
            this.option = option;
        }

        /** The option that names this kind of source. */
        String option() {
            return option;
        }
    }

    /** The source for people: a path, or the kind and database without parameters (the query is not repeated). */
    String describe() {
        return switch (kind) {
            case CSV, JSONL, PARQUET -> kind.name().toLowerCase(java.util.Locale.ROOT) + " " + file.orElseThrow();
            case DUCKDB -> "DuckDB query on " + file.map(Path::toString).orElse("an in-memory database");
            case POSTGRES -> "PostgreSQL query on " + PullDestinations.withoutParameters(postgresUrl.orElseThrow());
        };
    }

    /** What identifies the source for the default state file's name. */
    String identity() {
        return kind + "|"
                + file.map(p -> p.toAbsolutePath().normalize().toString()).orElse("") + "|" + query.orElse("") + "|"
                + postgresUrl.orElse("");
    }
}
