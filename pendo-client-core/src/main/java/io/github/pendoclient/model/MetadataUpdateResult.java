package io.github.pendoclient.model;

import io.github.pendoclient.internal.Copies;
import io.github.pendoclient.json.UnknownFields;
import java.util.List;
import java.util.Map;

/**
 * Pendo's answer to one metadata bulk update request: {@code total}, {@code updated}, {@code failed}, the {@code missing} ids (unknown visitors or accounts without {@code create=true}) and {@code errors}.
 *
 * @param total the {@code total} member
 * @param updated the {@code updated} member
 * @param failed the {@code failed} member
 * @param missing the {@code missing} member
 * @param errors the {@code errors} member
 * @param unknownFields every member this version of the SDK does not declare, kept and written back
 */
public record MetadataUpdateResult(long total, long updated, long failed, List<String> missing, List<Object> errors,
        @UnknownFields Map<String, Object> unknownFields) implements PendoObject {

    /**
     * Copies the collections it is given, so that a later change to the caller's lists and maps cannot reach this
     * record; absent stays {@code null}.
     *
     * @param total the {@code total} member
     * @param updated the {@code updated} member
     * @param failed the {@code failed} member
     * @param missing the {@code missing} member
     * @param errors the {@code errors} member
     * @param unknownFields every member this version of the SDK does not declare, kept and written back
     */
    public MetadataUpdateResult {
        missing = Copies.list(missing);
        errors = Copies.list(errors);
        unknownFields = Copies.map(unknownFields);
    }
}
