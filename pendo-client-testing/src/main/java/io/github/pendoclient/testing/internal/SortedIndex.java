package io.github.pendoclient.testing.internal;

import io.github.pendoclient.internal.json.JsonValues;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A source's rows in ascending order of some fields, as a stable sort on them gives, with a seek to a keyset
 * cursor: a keyset page costs a binary search plus the rows it reads, not a sort of the whole source. Holds only the
 * order (one int per row), so the rows themselves may be generated on demand. Immutable.
 */
public final class SortedIndex {

    private final List<Map<String, Object>> rows;
    private final List<String> fields;
    private final int[] order;

    private SortedIndex(List<Map<String, Object>> rows, List<String> fields, int[] order) {
        this.rows = rows;
        this.fields = fields;
        this.order = order;
    }

    /**
     * Sorts the rows' positions by the fields, in the engine's order ({@link Expression#compare}); ties keep the
     * rows' order.
     *
     * @param rows the rows
     * @param fields the sort fields, all ascending
     * @return the index, or null when some row has an object or list in a sort field (the engine refuses to sort
     *     on those)
     */
    public static SortedIndex build(List<Map<String, Object>> rows, List<String> fields) {
        int size = rows.size();
        Object[][] keys = new Object[size][];
        for (int i = 0; i < size; i++) {
            keys[i] = key(rows.get(i), fields);
            if (keys[i] == null) {
                return null;
            }
        }
        Integer[] positions = new Integer[size];
        Arrays.setAll(positions, i -> i);
        // Stable (TimSort), so rows with equal keys keep the source order, as Stream.sorted does.
        Arrays.sort(positions, (a, b) -> compareKeys(keys[a], keys[b]));
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = positions[i];
        }
        return new SortedIndex(rows, List.copyOf(fields), order);
    }

    /**
     * The rows from a cursor on, in order.
     *
     * @param bound the cursor, or null for all rows
     * @return the rows, lazily
     */
    public Stream<Map<String, Object>> from(Expression.KeysetBound bound) {
        int start = bound == null ? 0 : seek(bound.cursor().toArray(), bound.inclusive());
        return IntStream.range(start, order.length).mapToObj(position -> rows.get(order[position]));
    }

    /** The first position whose key is after the cursor (or at it, when inclusive). */
    private int seek(Object[] cursor, boolean inclusive) {
        int low = 0;
        int high = order.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            int order = compareKeys(key(rows.get(this.order[middle]), fields), cursor);
            if (order > 0 || inclusive && order == 0) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private static Object[] key(Map<String, Object> row, List<String> fields) {
        Object[] key = new Object[fields.size()];
        for (int i = 0; i < key.length; i++) {
            Object value = JsonValues.at(row, fields.get(i));
            if (value instanceof Map || value instanceof List) {
                return null;
            }
            key[i] = value;
        }
        return key;
    }

    private static int compareKeys(Object[] a, Object[] b) {
        if (a == null) {
            return -1;
        }
        for (int i = 0; i < a.length; i++) {
            int order = Expression.compare(a[i], b[i]);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }
}
