package io.github.pendoclient.model;

import io.github.pendoclient.internal.Copies;
import io.github.pendoclient.json.UnknownFields;
import java.util.Map;

/**
 * A Pendo user as referenced by {@code createdByUser} and {@code lastUpdatedByUser}. Often an empty object.
 *
 * @param id the {@code id} member
 * @param username the {@code username} member
 * @param first the {@code first} member
 * @param last the {@code last} member
 * @param role the {@code role} member
 * @param unknownFields every member this version of the SDK does not declare, kept and written back
 */
public record UserRef(
        String id,
        String username,
        String first,
        String last,
        Integer role,
        @UnknownFields Map<String, Object> unknownFields)
        implements PendoObject {

    /**
     * Copies the collections it is given, so that a later change to the caller's lists and maps cannot reach this
     * record; absent stays {@code null}.
     *
     * @param id the {@code id} member
     * @param username the {@code username} member
     * @param first the {@code first} member
     * @param last the {@code last} member
     * @param role the {@code role} member
     * @param unknownFields every member this version of the SDK does not declare, kept and written back
     */
    public UserRef {
        unknownFields = Copies.map(unknownFields);
    }
}
