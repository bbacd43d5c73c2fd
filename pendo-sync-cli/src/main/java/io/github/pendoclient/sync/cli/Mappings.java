package io.github.pendoclient.sync.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine.ParameterException;

/** Column-to-field mappings: {@code --map COLUMN=FIELD} and the lines of {@code --mapping-file}. */
final class Mappings {

    private Mappings() {}

    /**
     * Parses {@code COLUMN=FIELD} entries: both sides non-empty, each field written by one column.
     *
     * @param entries the entries
     * @param where the option or file:line they come from, for messages
     * @return column to field, in the order given
     */
    static Map<String, String> parse(List<String> entries, String where, Function<String, ParameterException> usage) {
        Map<String, String> mapping = new LinkedHashMap<>();
        Set<String> fields = new HashSet<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            String column = equals < 0 ? "" : entry.substring(0, equals).trim();
            String field = equals < 0 ? "" : entry.substring(equals + 1).trim();
            if (column.isEmpty() || field.isEmpty()) {
                throw usage.apply(where + " takes COLUMN=FIELD, for example plan=plan_tier; got '" + entry + "'");
            }
            if (!fields.add(field)) {
                throw usage.apply(where + " writes field " + field + " from two columns; map each field once");
            }
            if (mapping.putIfAbsent(column, field) != null) {
                throw usage.apply(where + " maps column " + column + " twice; map each column once");
            }
        }
        return Collections.unmodifiableMap(mapping);
    }

    /**
     * Reads a mapping file: one {@code COLUMN=FIELD} a line; blank lines and lines starting with {@code #} are
     * skipped.
     */
    static Map<String, String> read(Path file, Function<String, ParameterException> usage) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw usage.apply("--mapping-file " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + "); give" + " a readable file of COLUMN=FIELD lines");
        }
        List<String> entries = new ArrayList<>();
        for (String line : lines) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                entries.add(entry);
            }
        }
        return parse(entries, "--mapping-file " + file, usage);
    }
}
