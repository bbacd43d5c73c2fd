package io.github.pendoclient.track;

import io.github.pendoclient.error.PendoException;

/**
 * A track event breaks one of Pendo's rules, so it was not sent: Pendo would reject it or, worse, accept it and
 * silently drop it. {@link #field()} names the field and {@link #rule()} the rule.
 */
public class InvalidTrackEventException extends PendoException {

    private static final long serialVersionUID = 1L;

    /** The field that breaks the rule, for example {@code properties.plan-name}. */
    private final String field;
    /** The rule, for example "property names are letters, digits and _". */
    private final String rule;

    /**
     * Creates the exception.
     *
     * @param field the field
     * @param rule the rule it breaks
     * @param detail what was found, or null
     */
    public InvalidTrackEventException(String field, String rule, String detail) {
        super("Invalid track event: " + field + " " + rule + (detail == null ? "" : " (" + detail + ")")
                + "; the event was not sent.");
        this.field = field;
        this.rule = rule;
    }

    /**
     * The field that breaks the rule.
     *
     * @return for example {@code event}, {@code visitorId}, {@code properties.plan-name}, {@code timestamp}
     */
    public String field() {
        return field;
    }

    /**
     * The rule.
     *
     * @return a short description of the rule
     */
    public String rule() {
        return rule;
    }
}
