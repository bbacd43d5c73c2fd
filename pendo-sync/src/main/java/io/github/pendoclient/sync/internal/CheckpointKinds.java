package io.github.pendoclient.sync.internal;

import io.github.pendoclient.sync.CursorKind;
import java.util.function.Function;

/**
 * The one check that a stored checkpoint fits the table it is read for: the state file's entry (by the engine),
 * the checkpoint a table reader resumes from, and the connector's committed offset.
 */
public final class CheckpointKinds {

    private CheckpointKinds() {}

    /**
     * Checks that a checkpoint of kind {@code found} can resume a table of kind {@code kept}.
     *
     * @param found the checkpoint's kind
     * @param kept the kind the table keeps ({@code table.cursorKind()})
     * @param table the table's name
     * @param origin where the checkpoint came from, as the start of a sentence: "the state file /x/state.json"
     * @param error makes the caller's exception from the message
     * @param <X> the exception the caller throws
     * @throws X if the kinds differ, with a message naming the origin, both kinds and the table
     */
    public static <X extends RuntimeException> void requireFits(
            CursorKind found, CursorKind kept, String table, String origin, Function<String, X> error) {
        if (found != kept) {
            throw error.apply(
                    origin + " holds a " + found + " checkpoint for " + table + ", which is a " + kept + " table");
        }
    }
}
