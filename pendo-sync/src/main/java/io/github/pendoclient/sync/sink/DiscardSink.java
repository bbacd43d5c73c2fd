package io.github.pendoclient.sync.sink;

import io.github.pendoclient.sync.Column;
import io.github.pendoclient.sync.Sink;
import io.github.pendoclient.sync.Table;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Stores nothing, but reads every column of every row as a real sink would: what a sync costs without storage, the
 * limit that sinks are measured against.
 */
public final class DiscardSink implements Sink {

    /** A sink that keeps nothing. */
    public DiscardSink() {}

    @Override
    public void open(Table table, OptionalLong position) {}

    @Override
    public void write(Table table, Map<String, Object> row) {
        for (Column column : table.columns()) {
            column.value().apply(row);
        }
    }

    @Override
    public OptionalLong commit(Table table) {
        return OptionalLong.empty();
    }

    @Override
    public void replace(Table table, List<Map<String, Object>> rows) {
        rows.forEach(row -> write(table, row));
    }

    @Override
    public String describe() {
        return "nowhere (rows are read and dropped)";
    }

    @Override
    public void close() {}
}
