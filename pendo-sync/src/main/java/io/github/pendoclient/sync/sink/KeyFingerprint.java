package io.github.pendoclient.sync.sink;

import io.github.pendoclient.sync.Column;
import io.github.pendoclient.sync.Table;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A 64-bit fingerprint of a row's primary key (of every column when the table has none), with which the database
 * sinks spot a key repeated within a batch without keeping the keys themselves on the heap. Two keys that share a
 * fingerprint only make a sink merge its batch early, which is always correct.
 */
final class KeyFingerprint {

    private KeyFingerprint() {}

    /**
     * Where a table's key columns stand among its columns: what {@link #of} reads, found once per table rather
     * than per row.
     *
     * @param table the table
     * @return the key columns' positions, in key order; every column's when the table has no key
     */
    static int[] keyColumns(Table table) {
        List<Column> columns = table.columns();
        if (table.primaryKey().isEmpty()) {
            return IntStream.range(0, columns.size()).toArray();
        }
        int[] positions = new int[table.primaryKey().size()];
        for (int k = 0; k < positions.length; k++) {
            positions[k] = position(table, table.primaryKey().get(k));
        }
        return positions;
    }

    /**
     * The fingerprint of a row's key.
     *
     * @param keyColumns the key columns' positions, from {@link #keyColumns}
     * @param values the row's column values, in the table's column order
     * @return the fingerprint
     */
    static long of(int[] keyColumns, Object[] values) {
        long hash = 0x9E3779B97F4A7C15L;
        for (int position : keyColumns) {
            hash = mix(hash, values[position]);
        }
        return hash;
    }

    private static long mix(long hash, Object value) {
        long h = hash;
        if (value instanceof String text) {
            for (int i = 0; i < text.length(); i++) {
                h = 31 * h + text.charAt(i);
            }
            h = 31 * h + text.length();
        } else {
            h = 31 * h + (value == null ? 0 : value.hashCode());
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h;
    }

    private static int position(Table table, String name) {
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("Key column " + name + " is not a column of " + table.name());
    }
}
