package io.github.pendoclient.sync.push;

/**
 * What a push does with an object that an earlier run sent and that is no longer in the source.
 */
public enum OnMissing {
    /** The default: leave it in Pendo as it is, and keep it in the state. */
    KEEP,
    /** Set its mapped fields to null in Pendo, then forget it in the state. */
    CLEAR
}
