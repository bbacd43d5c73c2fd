package io.github.pendoclient.testing;

import io.github.pendoclient.testing.internal.Frozen;
import java.util.Map;
import java.util.Objects;

/**
 * An account of a {@link Dataset}: its id and its metadata, served as Pendo's {@code accounts} source returns accounts
 * ({@code {"accountId": ..., "metadata": {...}}}). Immutable: the metadata is copied and cannot be changed.
 *
 * @param id the account id
 * @param metadata group to field to value, for example {@code agent -> plan -> ...}; values are JSON values (strings,
 *     numbers, booleans, lists, objects, or null)
 */
public record AccountRow(String id, Map<String, Map<String, Object>> metadata) {

    /**
     * Checks and copies the components.
     *
     * @param id the id
     * @param metadata group to field to value
     * @throws NullPointerException if the id, the metadata or one of its groups is null
     */
    public AccountRow {
        Objects.requireNonNull(id, "An account needs an id (accountId), not null");
        metadata = Frozen.metadata(metadata, "Account " + id + ":");
    }

    /** {@return the id and the names of the metadata groups; the values are left out, as they may be many} */
    @Override
    public String toString() {
        return "AccountRow[id=" + id + ", metadata groups=" + metadata.keySet() + "]";
    }
}
