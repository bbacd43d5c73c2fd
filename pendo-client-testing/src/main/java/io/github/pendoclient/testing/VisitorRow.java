package io.github.pendoclient.testing;

import io.github.pendoclient.testing.internal.Frozen;
import java.util.Map;
import java.util.Objects;

/**
 * A visitor of a {@link Dataset}: its id and its metadata, served as Pendo's {@code visitors} source returns visitors
 * ({@code {"visitorId": ..., "metadata": {...}}}). Immutable: the metadata is copied and cannot be changed.
 *
 * @param id the visitor id; ids starting with {@code _PENDO_T_} are anonymous
 * @param metadata group to field to value, for example {@code agent -> email -> ...}; values are JSON values (strings,
 *     numbers, booleans, lists, objects, or null)
 */
public record VisitorRow(String id, Map<String, Map<String, Object>> metadata) {

    /**
     * Checks and copies the components.
     *
     * @param id the id
     * @param metadata group to field to value
     * @throws NullPointerException if the id, the metadata or one of its groups is null
     */
    public VisitorRow {
        Objects.requireNonNull(id, "A visitor needs an id (visitorId), not null");
        metadata = Frozen.metadata(metadata, "Visitor " + id + ":");
    }

    /** {@return the id and the names of the metadata groups; the values are left out, as they may be many} */
    @Override
    public String toString() {
        return "VisitorRow[id=" + id + ", metadata groups=" + metadata.keySet() + "]";
    }
}
