package io.github.pendoclient.sync.sink;

import io.github.pendoclient.sync.Column;
import io.github.pendoclient.sync.Table;
import java.util.List;

/**
 * A 64-bit fingerprint of a row's primary key (of every column when the table has none), with which the database
 * sinks spot a key repeated within a batch without keeping the keys themselves on the heap. Two keys that share a
 * fingerprint only make a sink merge its batch early, which is always correct.
 */
final class KeyFingerprint {

    private KeyFingerprint() {
    }

    /**
     * The fingerprint of a row's key.
     *
     * @param table the table
     * @param values the row's column values, in the table's column order
     * @return the fingerprint
     */
    static long of(Table table, Object[] values) {
        long hash = 0x9E3779B97F4A7C15L;
        if (table.primaryKey().isEmpty()) {
            for (Object value : values) {
                hash = mix(hash, value);
            }
            return hash;
        }
        for (int k = 0; k < table.primaryKey().size(); k++) {
            hash = mix(hash, values[keyIndex(table, k)]);
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

    private static int keyIndex(Table table, int k) {
        String name = table.primaryKey().get(k);
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("Key column " + name + " is not a column of " + table.name());
    }
}
