package io.github.pendoclient.model;

import com.squareup.moshi.Json;
import io.github.pendoclient.internal.Copies;
import io.github.pendoclient.json.UnknownFields;
import java.util.Map;

/**
 * The descriptor of one metadata field in {@code GET /api/v1/metadata/schema/{kind}}. Pendo mixes key casing:
 * {@code Type}, {@code DisplayName}, {@code ElementType}, {@code ElementFormat}, {@code Dirty} are PascalCase,
 * {@code isHidden} and the other flags camelCase. {@code Type} is {@code string}, {@code time}, {@code boolean},
 * {@code integer}, {@code float}, or empty.
 *
 * @param type the {@code Type} member
 * @param displayName the {@code DisplayName} member
 * @param elementType the {@code ElementType} member
 * @param elementFormat the {@code ElementFormat} member
 * @param dirty the {@code Dirty} member
 * @param isHidden the {@code isHidden} member
 * @param isDeleted the {@code isDeleted} member
 * @param isCalculated the {@code isCalculated} member
 * @param isPerApp the {@code isPerApp} member
 * @param isPromoted the {@code isPromoted} member
 * @param neverIndex the {@code neverIndex} member
 * @param sample the optional {@code sample} member
 * @param cardinality how many distinct values Pendo has seen, or null
 * @param group the group the field belongs to, or null
 * @param field the field name, or null
 * @param kind {@code visitor} or {@code account}, or null
 * @param groupDisplayName the group's display name, or null
 * @param unknownFields every member this version of the SDK does not declare, kept and written back
 */
public record MetadataFieldSchema(
        @Json(name = "Type") String type,
        @Json(name = "DisplayName") String displayName,
        @Json(name = "ElementType") String elementType,
        @Json(name = "ElementFormat") String elementFormat,
        @Json(name = "Dirty") Boolean dirty,
        Boolean isHidden,
        Boolean isDeleted,
        Boolean isCalculated,
        Boolean isPerApp,
        Boolean isPromoted,
        Boolean neverIndex,
        Object sample,
        Long cardinality,
        String group,
        String field,
        String kind,
        String groupDisplayName,
        @UnknownFields Map<String, Object> unknownFields)
        implements PendoObject {

    /**
     * Copies the collections it is given, so that a later change to the caller's lists and maps cannot reach this
     * record; absent stays {@code null}.
     *
     * @param type the {@code Type} member
     * @param displayName the {@code DisplayName} member
     * @param elementType the {@code ElementType} member
     * @param elementFormat the {@code ElementFormat} member
     * @param dirty the {@code Dirty} member
     * @param isHidden the {@code isHidden} member
     * @param isDeleted the {@code isDeleted} member
     * @param isCalculated the {@code isCalculated} member
     * @param isPerApp the {@code isPerApp} member
     * @param isPromoted the {@code isPromoted} member
     * @param neverIndex the {@code neverIndex} member
     * @param sample the optional {@code sample} member
     * @param cardinality how many distinct values Pendo has seen, or null
     * @param group the group the field belongs to, or null
     * @param field the field name, or null
     * @param kind {@code visitor} or {@code account}, or null
     * @param groupDisplayName the group's display name, or null
     * @param unknownFields every member this version of the SDK does not declare, kept and written back
     */
    public MetadataFieldSchema {
        unknownFields = Copies.map(unknownFields);
    }
}
