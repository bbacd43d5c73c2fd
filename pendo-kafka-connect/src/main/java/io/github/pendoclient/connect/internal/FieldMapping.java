package io.github.pendoclient.connect.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which record fields become which Pendo fields (track properties or metadata fields): either the listed
 * {@code field} or {@code field:target} entries, or, when none are listed, every top-level field of the record
 * that is not used for something else (the event name, the visitor id, ...), under its own name.
 *
 * @param entries the listed entries; empty for every remaining field
 */
public record FieldMapping(List<Entry> entries) {

    /**
     * One mapped field.
     *
     * @param source the record field, a name or a dotted path
     * @param target the Pendo name
     */
    public record Entry(String source, String target) {}

    /**
     * Copies the entries.
     *
     * @param entries the entries
     */
    public FieldMapping {
        entries = List.copyOf(entries);
    }

    /**
     * Parses a configured list.
     *
     * @param configured the entries as configured
     * @return the mapping
     * @throws IllegalArgumentException naming a malformed entry
     */
    public static FieldMapping parse(List<String> configured) {
        List<Entry> entries = new ArrayList<>();
        for (String text : configured) {
            if (!text.isBlank()) {
                entries.add(parseEntry(text.trim()));
            }
        }
        return new FieldMapping(entries);
    }

    /**
     * Parses one entry: {@code field} or {@code field:target}.
     *
     * @param text the entry
     * @return the entry
     * @throws IllegalArgumentException naming the entry and the accepted form
     */
    public static Entry parseEntry(String text) {
        String[] parts = text.split(":", -1);
        String source = parts[0].trim();
        String target = parts.length > 1 ? parts[1].trim() : source;
        if (parts.length > 2 || source.isEmpty() || target.isEmpty()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a mapping entry; write field or field:target, such as plan:plan_tier");
        }
        return new Entry(source, target);
    }

    /**
     * The Pendo fields of a record.
     *
     * @param record the record's value as plain Java (see {@link RecordValues#plain(Object)})
     * @param used the top-level fields used for something else, left out when no entries are listed
     * @return target name to value, in mapping or record order; fields absent or null in the record are left out
     */
    public Map<String, Object> apply(Map<String, Object> record, Set<String> used) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (entries.isEmpty()) {
            record.forEach((name, value) -> {
                if (!used.contains(name)) {
                    out.put(name, value);
                }
            });
            return out;
        }
        for (Entry entry : entries) {
            RecordValues.find(record, entry.source()).ifPresent(value -> out.put(entry.target(), value));
        }
        return out;
    }
}
