package io.github.pendoclient.model;

import io.github.pendoclient.internal.Copies;
import io.github.pendoclient.json.UnknownFields;
import java.util.Map;

/**
 * One URL rule of a page.
 *
 * @param rule the {@code rule} member
 * @param designerHint the {@code designerHint} member
 * @param parsedRule the {@code parsedRule} member
 * @param unknownFields every member this version of the SDK does not declare, kept and written back
 */
public record PageRule(
        String rule,
        String designerHint,
        String parsedRule,
        @UnknownFields Map<String, Object> unknownFields) implements PendoObject {

    /**
     * Copies the collections it is given, so that a later change to the caller's lists and maps cannot reach this
     * record; absent stays {@code null}.
     *
     * @param rule the {@code rule} member
     * @param designerHint the {@code designerHint} member
     * @param parsedRule the {@code parsedRule} member
     * @param unknownFields every member this version of the SDK does not declare, kept and written back
     */
    public PageRule {
        unknownFields = Copies.map(unknownFields);
    }
}
