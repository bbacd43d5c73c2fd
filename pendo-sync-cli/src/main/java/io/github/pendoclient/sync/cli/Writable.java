package io.github.pendoclient.sync.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.ParameterException;

/** Checks, before anything is created, that a path can be written or created. */
final class Writable {

    private Writable() {}

    /**
     * Checks a path: an existing one must be writable; a missing one must have a nearest existing ancestor that is
     * a directory where a file can be created. The check creates a probe file there and deletes it at once, which
     * catches read-only mounts and pseudo file systems that permission bits do not show.
     */
    static void check(Path path, boolean directory, String option, Function<String, ParameterException> usage) {
        Path absolute = path.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            if (!Files.isWritable(absolute)) {
                throw usage.apply(
                        option + " " + path + " is not writable; fix its permissions or choose another" + " path");
            }
            if (!directory) {
                return;
            }
            probe(absolute, path, option, usage);
            return;
        }
        Path ancestor = absolute.getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null || !Files.isDirectory(ancestor)) {
            throw usage.apply(option + " " + path + " cannot be created: " + ancestor + " is not a directory");
        }
        probe(ancestor, path, option, usage);
    }

    /**
     * Checks a file option (a state file, a summary, a rejects file): not a directory, and writable or creatable.
     *
     * @param path the file
     * @param option the option's name, for the message
     */
    static void checkFile(Path path, String option, Function<String, ParameterException> usage) {
        if (Files.isDirectory(path)) {
            throw usage.apply(option + " " + path + " is a directory; give a file");
        }
        check(path, false, option, usage);
    }

    private static void probe(Path directory, Path path, String option, Function<String, ParameterException> usage) {
        try {
            Path probe = Files.createTempFile(directory, ".pendo-sync-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw usage.apply(option + " " + path + " cannot be written: no file can be created in " + directory + " ("
                    + e.getClass().getSimpleName() + "); choose a writable path");
        }
    }
}
