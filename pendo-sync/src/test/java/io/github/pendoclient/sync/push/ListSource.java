package io.github.pendoclient.sync.push;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A source over rows in memory, typed as a JSON or SQL source would give them. */
final class ListSource implements PushSource {

    private final List<String> columns;
    private final Iterator<Map<String, Object>> rows;
    private long number;

    ListSource(List<String> columns, List<Map<String, Object>> rows) {
        this.columns = columns;
        this.rows = rows.iterator();
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public Optional<PushRow> next() {
        return rows.hasNext() ? Optional.of(new PushRow(++number, rows.next())) : Optional.empty();
    }

    @Override
    public String describe() {
        return "rows in memory";
    }

    @Override
    public void close() {}
}
