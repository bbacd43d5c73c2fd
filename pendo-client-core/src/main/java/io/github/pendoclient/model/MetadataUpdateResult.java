package io.github.pendoclient.model;

import io.github.pendoclient.internal.Copies;
import io.github.pendoclient.json.UnknownFields;
import java.util.List;
import java.util.Map;

/**
 * Pendo's answer to one metadata bulk update request: {@code total}, {@code updated}, {@code failed}, the {@code missing} ids (unknown visitors or accounts without {@code create=true}) and {@code errors}.
 * Pendo does not document this body; a counter it leaves out, or sends as something other than a whole number (a
 * numeric string such as {@code "3"} reads as 3), is null here rather than a misleading 0.
 *
 * @param total the {@code total} member: rows Pendo counted, or null when the body has none or it is not a whole
 *     number (then its raw value is in {@code unknownFields})
 * @param updated the {@code updated} member: rows updated, or null when absent or not a whole number
 * @param failed the {@code failed} member: rows that failed, or null when absent or not a whole number
 * @param missing the {@code missing} member
 * @param errors the {@code errors} member
 * @param unknownFields every member this version of the SDK does not declare, kept and written back
 */
public record MetadataUpdateResult(
        Long total,
        Long updated,
        Long failed,
        List<String> missing,
        List<Object> errors,
        @UnknownFields Map<String, Object> unknownFields)
        implements PendoObject {

    /**
     * Copies the collections it is given, so that a later change to the caller's lists and maps cannot reach this
     * record; absent stays {@code null}.
     *
     * @param total the {@code total} member, or null
     * @param updated the {@code updated} member, or null
     * @param failed the {@code failed} member, or null
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
