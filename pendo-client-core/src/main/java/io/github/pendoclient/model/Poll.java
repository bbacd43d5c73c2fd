package io.github.pendoclient.model;

import io.github.pendoclient.internal.Copies;
import io.github.pendoclient.json.UnknownFields;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A poll attached to a guide; {@code attributes.type} tells its kind (for example {@code NPSRating}).
 *
 * @param id the {@code id} member
 * @param question the {@code question} member
 * @param attributes the {@code attributes} member
 * @param numericResponses the {@code numericResponses} member
 * @param idResponses the {@code idResponses} member
 * @param resetAt the {@code resetAt} member
 * @param unknownFields every member this version of the SDK does not declare, kept and written back
 */
public record Poll(
        String id,
        String question,
        Map<String, Object> attributes,
        List<Object> numericResponses,
        Map<String, Object> idResponses,
        Instant resetAt,
        @UnknownFields Map<String, Object> unknownFields)
        implements PendoObject {

    /**
     * Copies the collections it is given, so that a later change to the caller's lists and maps cannot reach this
     * record; absent stays {@code null}.
     *
     * @param id the {@code id} member
     * @param question the {@code question} member
     * @param attributes the {@code attributes} member
     * @param numericResponses the {@code numericResponses} member
     * @param idResponses the {@code idResponses} member
     * @param resetAt the {@code resetAt} member
     * @param unknownFields every member this version of the SDK does not declare, kept and written back
     */
    public Poll {
        attributes = Copies.map(attributes);
        numericResponses = Copies.list(numericResponses);
        idResponses = Copies.map(idResponses);
        unknownFields = Copies.map(unknownFields);
    }
}
