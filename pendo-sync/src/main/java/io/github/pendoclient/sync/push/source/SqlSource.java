package io.github.pendoclient.sync.push.source;

import io.github.pendoclient.sync.push.PushRow;
import io.github.pendoclient.sync.push.PushSource;
import io.github.pendoclient.sync.push.internal.JdbcRows;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** A source over the rows of one SQL query, as {@link DuckDbSource}, {@link ParquetSource}, {@link PostgresSource}. */
abstract class SqlSource implements PushSource {

    private final JdbcRows rows;
    private final String description;

    SqlSource(JdbcRows rows, String description) {
        this.rows = rows;
        this.description = description;
    }

    @Override
    public List<String> columns() {
        return rows.columns();
    }

    @Override
    public Optional<PushRow> next() throws IOException {
        return rows.next();
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + description + "]";
    }
}
