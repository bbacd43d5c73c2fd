package io.github.pendoclient.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** The benchmarks' scratch directories. */
final class WorkDirs {

    private WorkDirs() {}

    /**
     * Deletes a file or a directory and everything in it, if it exists: a run's output, before the next run.
     *
     * @param path the file or directory
     * @throws IOException if something cannot be deleted
     */
    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
