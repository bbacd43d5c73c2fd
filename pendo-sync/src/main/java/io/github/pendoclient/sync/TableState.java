package io.github.pendoclient.sync;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the state file holds for one table: its {@link Checkpoint} (absent before its first checkpoint) and the
 * {@link Sink} position committed with it.
 *
 * @param checkpoint where the table's last run ended, or empty
 * @param sinkPosition what {@link Sink#commit(Table)} returned with that checkpoint, or empty
 */
public record TableState(Optional<Checkpoint> checkpoint, OptionalLong sinkPosition) {

    /**
     * Checks the parts.
     *
     * @param checkpoint the checkpoint, or empty
     * @param sinkPosition the sink position, or empty
     */
    public TableState {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(sinkPosition, "sinkPosition");
    }

    /**
     * A table never synced.
     *
     * @return an empty state
     */
    public static TableState empty() {
        return new TableState(Optional.empty(), OptionalLong.empty());
    }

    /**
     * A state with a checkpoint and the sink position committed with it.
     *
     * @param checkpoint the checkpoint
     * @param sinkPosition the sink position, or empty
     * @return the state
     */
    public static TableState of(Checkpoint checkpoint, OptionalLong sinkPosition) {
        return new TableState(Optional.of(checkpoint), sinkPosition);
    }
}
