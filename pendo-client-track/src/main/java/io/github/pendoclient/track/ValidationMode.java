package io.github.pendoclient.track;

/**
 * What to do with a track event that Pendo would accept but then silently ignore or truncate: properties JSON over
 * 512 bytes, a timestamp older than 7 days, or one too far in the future; and with property names outside the SDK's
 * rule (letters, digits and {@code _}, at most 32 characters, not starting with a digit), which Pendo does not
 * document. The rules that always hold (event name, visitor id, non-empty names other than {@code __x__}) are
 * always errors.
 */
public enum ValidationMode {
    /** Refuse such events with {@link InvalidTrackEventException}. The default. */
    STRICT,
    /** Send them anyway and log a warning naming the rule. */
    LENIENT
}
