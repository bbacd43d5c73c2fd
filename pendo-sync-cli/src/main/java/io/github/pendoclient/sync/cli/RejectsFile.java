package io.github.pendoclient.sync.cli;

import io.github.pendoclient.sync.push.JsonLinesRejects;
import io.github.pendoclient.sync.push.PushReject;
import io.github.pendoclient.sync.push.RejectSink;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --rejects}: the file is created at the first reject, so a run refused by the engine's checks creates
 * nothing; a run that completes with no reject empties the file an earlier run left, so that it always describes
 * the last run. A dry run writes nothing (the summary counts what would be rejected).
 */
final class RejectsFile implements RejectSink, Closeable {

    private final Path file;
    private final boolean dryRun;
    private JsonLinesRejects open;
    private long unresolved;

    RejectsFile(Path file, boolean dryRun) {
        this.file = file;
        this.dryRun = dryRun;
    }

    @Override
    public void accept(PushReject reject) throws IOException {
        if (reject.reason() == PushReject.Reason.OUTCOME_UNKNOWN) {
            unresolved++;
        }
        if (dryRun) {
            return;
        }
        if (open == null) {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            open = JsonLinesRejects.open(file);
        }
        open.accept(reject);
    }

    /**
     * Events whose answer was lost in this run: they may or may not have reached Pendo, and the next run sends them
     * again.
     */
    long unresolved() {
        return unresolved;
    }

    /** The run completed: a rejects file from an earlier run, with no reject in this one, is emptied. */
    void finish() throws IOException {
        if (!dryRun && open == null && Files.exists(file)) {
            Files.writeString(file, "");
        }
    }

    @Override
    public void close() throws IOException {
        if (open != null) {
            open.close();
        }
    }
}
