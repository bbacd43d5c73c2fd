package io.github.pendoclient.sync.cli;

import io.github.pendoclient.sync.push.PushSource;
import io.github.pendoclient.sync.push.source.CsvSource;
import java.io.IOException;

/** Opens the engine's source for a checked {@link SourceSpec}; the PostgreSQL password is read only here. */
final class PushSources {

    private PushSources() {}

    static PushSource open(SourceSpec spec) throws IOException {
        return switch (spec.kind()) {
            case CSV -> CsvSource.open(spec.file().orElseThrow());
            default -> throw new IOException(spec.kind().option() + " is not available in this build yet");
        };
    }
}
