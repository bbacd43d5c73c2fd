package io.github.pendoclient.sync;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A synced table, declared in one place: its name, its columns, its primary key and where its rows come from
 * (which fixes its {@link CursorKind}). Add a table by declaring one and registering it in a
 * {@link TableRegistry}.
 *
 * @param name the table name, lower snake_case
 * @param columns the columns, the key columns among them
 * @param primaryKey the key columns, in order; sinks upsert on them (empty: no key)
 * @param source where the rows come from
 */
public record Table(String name, List<Column> columns, List<String> primaryKey, TableSource source) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    /**
     * Checks the parts.
     *
     * @param name the table name
     * @param columns the columns
     * @param primaryKey the key columns
     * @param source where the rows come from
     * @throws IllegalArgumentException if the name is not lower snake_case, a column name repeats, or a key column
     *     is not among the columns
     */
    public Table {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A table name is lower snake_case, got '" + name + "'");
        }
        Set<String> names = new HashSet<>();
        for (Column column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("Table " + name + " has two columns named " + column.name());
            }
        }
        for (String key : primaryKey) {
            if (!names.contains(key)) {
                throw new IllegalArgumentException("Table " + name + ": key column " + key + " is not a column");
            }
        }
    }

    /**
     * How this table remembers where a run ended.
     *
     * @return the source's cursor kind
     */
    public CursorKind cursorKind() {
        return source.cursorKind();
    }
}
