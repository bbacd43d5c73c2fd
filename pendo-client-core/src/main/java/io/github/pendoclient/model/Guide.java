package io.github.pendoclient.model;

import io.github.pendoclient.internal.Copies;
import io.github.pendoclient.json.UnknownFields;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A guide with its steps and polls ({@code GET /api/v1/guide}). {@code state} is {@code draft}, {@code staged}, {@code public} or {@code disabled}; {@code launchMethod} is an open string.
 *
 * @param id the {@code id} member
 * @param appId the {@code appId} member
 * @param appIds the {@code appIds} member
 * @param name the {@code name} member
 * @param kind the {@code kind} member
 * @param state the {@code state} member
 * @param launchMethod the {@code launchMethod} member
 * @param isMultiStep the {@code isMultiStep} member
 * @param description the {@code description} member
 * @param steps the {@code steps} member
 * @param polls the {@code polls} member
 * @param audience the {@code audience} member
 * @param attributes the {@code attributes} member
 * @param publishedAt the {@code publishedAt} member
 * @param createdByUser the {@code createdByUser} member
 * @param createdAt the {@code createdAt} member
 * @param lastUpdatedByUser the {@code lastUpdatedByUser} member
 * @param lastUpdatedAt the {@code lastUpdatedAt} member
 * @param rootVersionId the {@code rootVersionId} member
 * @param stableVersionId the {@code stableVersionId} member
 * @param publishedEver whether the guide was ever public, or null
 * @param resetAt when the guide was last reset, or null (Pendo writes 0 for never)
 * @param editorType the editor, for example {@code visualDesigner}, or null
 * @param authoredLanguage the language the guide was written in, or null
 * @param isModule whether the guide is a resource center module, or null
 * @param isTopLevel whether the guide is a top-level resource center, or null
 * @param recurrence the {@code recurrence} member, or null
 * @param recurrenceEligibilityWindow the {@code recurrenceEligibilityWindow} member, or null
 * @param showsAfter when the guide starts showing, or null (Pendo writes 0 for no limit)
 * @param expiresAfter when the guide stops showing, or null (Pendo writes 0 for no limit)
 * @param emailState the {@code emailState} member, or null
 * @param isTraining the {@code isTraining} member, or null
 * @param unknownFields every member this version of the SDK does not declare, kept and written back
 */
public record Guide(
        String id,
        Long appId,
        List<Long> appIds,
        String name,
        String kind,
        String state,
        String launchMethod,
        Boolean isMultiStep,
        String description,
        List<GuideStep> steps,
        List<Poll> polls,
        List<Map<String, Object>> audience,
        Map<String, Object> attributes,
        Instant publishedAt,
        UserRef createdByUser,
        Instant createdAt,
        UserRef lastUpdatedByUser,
        Instant lastUpdatedAt,
        String rootVersionId,
        String stableVersionId,
        Boolean publishedEver,
        Instant resetAt,
        String editorType,
        String authoredLanguage,
        Boolean isModule,
        Boolean isTopLevel,
        Long recurrence,
        Long recurrenceEligibilityWindow,
        Instant showsAfter,
        Instant expiresAfter,
        String emailState,
        Boolean isTraining,
        @UnknownFields Map<String, Object> unknownFields)
        implements PendoObject {

    /**
     * Copies the collections it is given, so that a later change to the caller's lists and maps cannot reach this
     * record; absent stays {@code null}.
     *
     * @param id the {@code id} member
     * @param appId the {@code appId} member
     * @param appIds the {@code appIds} member
     * @param name the {@code name} member
     * @param kind the {@code kind} member
     * @param state the {@code state} member
     * @param launchMethod the {@code launchMethod} member
     * @param isMultiStep the {@code isMultiStep} member
     * @param description the {@code description} member
     * @param steps the {@code steps} member
     * @param polls the {@code polls} member
     * @param audience the {@code audience} member
     * @param attributes the {@code attributes} member
     * @param publishedAt the {@code publishedAt} member
     * @param createdByUser the {@code createdByUser} member
     * @param createdAt the {@code createdAt} member
     * @param lastUpdatedByUser the {@code lastUpdatedByUser} member
     * @param lastUpdatedAt the {@code lastUpdatedAt} member
     * @param rootVersionId the {@code rootVersionId} member
     * @param stableVersionId the {@code stableVersionId} member
     * @param publishedEver whether the guide was ever public, or null
     * @param resetAt when the guide was last reset, or null (Pendo writes 0 for never)
     * @param editorType the editor, for example {@code visualDesigner}, or null
     * @param authoredLanguage the language the guide was written in, or null
     * @param isModule whether the guide is a resource center module, or null
     * @param isTopLevel whether the guide is a top-level resource center, or null
     * @param recurrence the {@code recurrence} member, or null
     * @param recurrenceEligibilityWindow the {@code recurrenceEligibilityWindow} member, or null
     * @param showsAfter when the guide starts showing, or null (Pendo writes 0 for no limit)
     * @param expiresAfter when the guide stops showing, or null (Pendo writes 0 for no limit)
     * @param emailState the {@code emailState} member, or null
     * @param isTraining the {@code isTraining} member, or null
     * @param unknownFields every member this version of the SDK does not declare, kept and written back
     */
    public Guide {
        appIds = Copies.list(appIds);
        steps = Copies.list(steps);
        polls = Copies.list(polls);
        audience = Copies.list(audience);
        attributes = Copies.map(attributes);
        unknownFields = Copies.map(unknownFields);
    }
}
