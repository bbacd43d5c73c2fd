package io.github.pendoclient.sync.push.source;

import io.github.pendoclient.sync.push.internal.JdbcRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The rows of a Parquet file, read with DuckDB's {@code read_parquet} (streamed). Needs the DuckDB JDBC driver
 * ({@code org.duckdb:duckdb_jdbc}); for several files or a join, use {@link DuckDbSource#query(String)}.
 */
public final class ParquetSource extends SqlSource {

    private ParquetSource(JdbcRows rows, String description) {
        super(rows, description);
    }

    /**
     * Opens a Parquet file.
     *
     * @param file the file
     * @return the source
     * @throws IOException if the file is missing or unreadable, or DuckDB is missing
     */
    public static ParquetSource open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new IOException("The Parquet file " + file + " does not exist");
        }
        String description = "Parquet file " + file;
        String literal = "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
        return new ParquetSource(
                new JdbcRows(
                        DuckDbSource.connect("jdbc:duckdb:", false, description),
                        "SELECT * FROM read_parquet(" + literal + ")",
                        description),
                description);
    }
}
