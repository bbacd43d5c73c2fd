package io.github.pendoclient.testing;

import io.github.pendoclient.testing.internal.Frozen;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A page, feature or track type of a {@link Dataset}: what the catalog endpoints ({@code GET /api/v1/page},
 * {@code /feature}, {@code /tracktype}) and the aggregation sources serve. Served as {@code id}, {@code appId},
 * {@code name}, then the other members in their order. Immutable: the members are copied and cannot be changed.
 *
 * @param id the id
 * @param appId the app it belongs to; the catalog endpoints and sources filter on it ({@link Dataset#DEFAULT_APP_ID}
 *     is the default app)
 * @param name the name; empty when a dataset file gives none
 * @param members the other members Pendo serves ({@code kind}, {@code createdAt}, {@code rules}...), as JSON values;
 *     not {@code id}, {@code appId} or {@code name}
 */
public record CatalogRow(String id, long appId, String name, Map<String, Object> members) {

    private static final Set<String> TYPED = Set.of("id", "appId", "name");

    /**
     * Checks and copies the components.
     *
     * @param id the id
     * @param appId the app
     * @param name the name
     * @param members the other members
     * @throws NullPointerException if the id, the name or the members are null
     * @throws IllegalArgumentException if the members hold {@code id}, {@code appId} or {@code name}
     */
    public CatalogRow {
        Objects.requireNonNull(id, "A catalog row (page, feature or track type) needs an id, not null");
        Objects.requireNonNull(name, () -> "Catalog row " + id + ": the name must not be null; give \"\" for none");
        members = Frozen.members(members, "Catalog row " + id + ":", TYPED);
    }

    /** {@return the id, app, name and the names of the other members} */
    @Override
    public String toString() {
        return "CatalogRow[id=" + id + ", appId=" + appId + ", name=" + name + ", members=" + Frozen.keys(members)
                + "]";
    }
}
