package io.github.pendoclient.sync.push;

import java.io.IOException;

/**
 * Receives the rows a push did not apply. {@link JsonLinesRejects} writes them to a file; the caller owns a sink and
 * closes it after the run.
 */
@FunctionalInterface
public interface RejectSink {

    /** A sink that drops every reject (they are still counted in the {@link PushResult}). */
    RejectSink NONE = reject -> {};

    /**
     * Takes one rejected row.
     *
     * @param reject the row and why
     * @throws IOException if it cannot be written; the run stops
     */
    void accept(PushReject reject) throws IOException;
}
