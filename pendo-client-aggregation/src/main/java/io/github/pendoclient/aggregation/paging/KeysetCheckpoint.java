package io.github.pendoclient.aggregation.paging;

import java.util.List;

/**
 * Where a {@link KeysetPager} stopped: the key of the last row it returned. Store {@link #toJson()} and resume with
 * {@link KeysetPaging#withResumeAfter(KeysetCheckpoint)}; paging continues with the row after it.
 *
 * @param key one value per keyset field (strings, numbers or booleans)
 */
public record KeysetCheckpoint(List<Object> key) {

    /**
     * Copies the key.
     *
     * @param key one value per keyset field
     */
    public KeysetCheckpoint {
        if (key.isEmpty()) {
            throw new IllegalArgumentException("A checkpoint holds at least one key value");
        }
        key = List.copyOf(key);
    }

    /**
     * The checkpoint as JSON, for example {@code [1767225600000,"v-42"]}.
     *
     * @return the JSON text
     */
    public String toJson() {
        return Checkpoints.write(key);
    }

    /**
     * Reads a checkpoint written by {@link #toJson()}.
     *
     * @param json the JSON text
     * @return the checkpoint
     * @throws IllegalArgumentException if the text is not a JSON array of strings, numbers or booleans
     */
    public static KeysetCheckpoint parse(String json) {
        Object value = Checkpoints.read(json, "keyset checkpoint");
        if (!(value instanceof List<?> list)
                || list.isEmpty()
                || list.stream().anyMatch(v -> !(v instanceof String || v instanceof Number || v instanceof Boolean))) {
            throw new IllegalArgumentException(
                    "A keyset checkpoint is a non-empty JSON array of strings, numbers or" + " booleans, not " + json);
        }
        @SuppressWarnings("unchecked")
        List<Object> key = (List<Object>) list;
        return new KeysetCheckpoint(key);
    }
}
