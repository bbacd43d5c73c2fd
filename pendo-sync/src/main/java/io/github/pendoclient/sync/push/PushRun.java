package io.github.pendoclient.sync.push;

import java.io.IOException;

/** One run of a {@link PushEngine}. */
final class PushRun {

    private final PushEngine engine;

    /**
     * Prepares a run.
     *
     * @param engine the settings
     */
    PushRun(PushEngine engine) {
        this.engine = engine;
    }

    /**
     * Runs.
     *
     * @return what was done
     * @throws IOException if the source, state or rejects fail
     */
    PushResult run() throws IOException {
        throw new UnsupportedOperationException("not yet: " + engine);
    }
}
