package io.github.pendoclient.track;

/**
 * What to do with a track event that Pendo would accept but then silently ignore or truncate: properties JSON over
 * 512 bytes, a timestamp older than 7 days, or one too far in the future. The rules Pendo enforces at once (event
 * name, visitor id, property names) are always errors.
 */
public enum ValidationMode {
    /** Refuse such events with {@link InvalidTrackEventException}. The default. */
    STRICT,
    /** Send them anyway and log a warning naming the rule. */
    LENIENT
}
