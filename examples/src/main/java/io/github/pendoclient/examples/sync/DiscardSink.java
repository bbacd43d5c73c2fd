package io.github.pendoclient.examples.sync;

import java.util.List;
import java.util.Map;

/** Writes nothing: what the sync costs without storage, for the benchmarks. */
final class DiscardSink implements Sink {

    @Override
    public void restore(TableSpec table, Long position) {
    }

    @Override
    public void write(TableSpec table, Map<String, Object> row) {
        table.columns().forEach(column -> column.value().apply(row));
    }

    @Override
    public Long commit(TableSpec table) {
        return null;
    }

    @Override
    public void replace(TableSpec table, List<Map<String, Object>> rows) {
        rows.forEach(row -> write(table, row));
    }

    @Override
    public String describe() {
        return "nowhere (--discard)";
    }

    @Override
    public void close() {
    }
}
