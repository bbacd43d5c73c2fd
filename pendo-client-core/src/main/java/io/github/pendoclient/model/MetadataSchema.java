package io.github.pendoclient.model;

import io.github.pendoclient.internal.Copies;
import java.util.Map;
import java.util.Optional;

/**
 * The metadata schema of visitors or accounts: group ({@code agent}, {@code auto}, {@code custom}, {@code pendo},
 * {@code salesforce}, ...) to field name to descriptor.
 *
 * @param groups group name to field name to descriptor, in Pendo's order
 */
public record MetadataSchema(Map<String, Map<String, MetadataFieldSchema>> groups) {

    /**
     * Copies the groups so the schema stays immutable.
     *
     * @param groups the groups
     */
    public MetadataSchema {
        groups = groups == null ? Map.of() : Copies.map(groups);
    }

    /**
     * The fields of one group.
     *
     * @param group the group name, for example {@code custom}
     * @return field name to descriptor; empty if the group is absent
     */
    public Map<String, MetadataFieldSchema> group(String group) {
        return groups.getOrDefault(group, Map.of());
    }

    /**
     * One field's descriptor.
     *
     * @param group the group name
     * @param field the field name (lower case in Pendo)
     * @return the descriptor, if the field exists
     */
    public Optional<MetadataFieldSchema> field(String group, String field) {
        return Optional.ofNullable(group(group).get(field));
    }
}
