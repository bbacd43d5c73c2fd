package io.github.pendoclient.testing;

import io.github.pendoclient.testing.internal.Frozen;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One field's entry in a {@link Dataset}'s metadata schema, as {@code GET /api/v1/metadata/schema/{kind}} serves it:
 * {@code Type}, then the other members in their order. Immutable: the members are copied and cannot be changed.
 *
 * @param type the entry's {@code Type}: {@code string}, {@code integer}, {@code float}, {@code boolean},
 *     {@code time}, or another name ({@link MetadataType#fromPendoName(String)} reads it); may be empty, as real
 *     schemas sometimes carry
 * @param members the other members ({@code DisplayName}, {@code isHidden}, {@code sample}...), as JSON values; not
 *     {@code Type}
 */
public record MetadataField(String type, Map<String, Object> members) {

    private static final Set<String> TYPED = Set.of("Type");

    /**
     * Checks and copies the components.
     *
     * @param type the {@code Type}
     * @param members the other members
     * @throws NullPointerException if the type or the members are null
     * @throws IllegalArgumentException if the members hold {@code Type}
     */
    public MetadataField {
        Objects.requireNonNull(type, "A metadata schema entry needs a Type, not null");
        members = Frozen.members(members, "Metadata schema entry:", TYPED);
    }
}
