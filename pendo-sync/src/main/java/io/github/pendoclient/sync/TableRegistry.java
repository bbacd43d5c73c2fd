package io.github.pendoclient.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The tables a sync knows, by name, in the order they sync. Immutable; {@link #standard()} holds pendo-sync's
 * tables, and {@link #toBuilder()} adds to them:
 *
 * <pre>{@code
 * TableRegistry tables = TableRegistry.standard().toBuilder()
 *         .add(new Table("segments", columns, List.of("id"), new TableSource.FullRefresh(...)))
 *         .build();
 * }</pre>
 */
public final class TableRegistry {

    private static final TableRegistry STANDARD =
            builder().addAll(StandardTables.all()).build();

    private final Map<String, Table> tables;

    private TableRegistry(Map<String, Table> tables) {
        this.tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
    }

    /**
     * pendo-sync's tables: the catalog, the metadata schemas, visitors, accounts, the event tables and visitor
     * history.
     *
     * @return the standard registry
     */
    public static TableRegistry standard() {
        return STANDARD;
    }

    /**
     * An empty builder.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder(new LinkedHashMap<>());
    }

    /**
     * A builder holding this registry's tables, to add to.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder(new LinkedHashMap<>(tables));
    }

    /**
     * The table names, in sync order.
     *
     * @return the names
     */
    public List<String> names() {
        return List.copyOf(tables.keySet());
    }

    /**
     * The tables, in sync order.
     *
     * @return the tables
     */
    public List<Table> tables() {
        return List.copyOf(tables.values());
    }

    /**
     * The table of that name.
     *
     * @param name a table name
     * @return the table, or empty when none has that name
     */
    public Optional<Table> find(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /**
     * The table of that name.
     *
     * @param name a table name
     * @return the table
     * @throws IllegalArgumentException naming the known tables, when none has that name
     */
    public Table get(String name) {
        Table table = tables.get(name);
        if (table == null) {
            throw new IllegalArgumentException(
                    "Unknown table '" + name + "'; the tables are " + String.join(", ", tables.keySet()));
        }
        return table;
    }

    /** Builds a {@link TableRegistry}. */
    public static final class Builder {

        private final Map<String, Table> tables;

        private Builder(Map<String, Table> tables) {
            this.tables = tables;
        }

        /**
         * Adds a table after the others.
         *
         * @param table the table
         * @return this builder
         * @throws IllegalArgumentException if a table of that name is already registered
         */
        public Builder add(Table table) {
            Objects.requireNonNull(table, "table");
            if (tables.putIfAbsent(table.name(), table) != null) {
                throw new IllegalArgumentException("A table named " + table.name() + " is already registered");
            }
            return this;
        }

        /**
         * Adds tables in order.
         *
         * @param more the tables
         * @return this builder
         */
        public Builder addAll(List<Table> more) {
            new ArrayList<>(more).forEach(this::add);
            return this;
        }

        /**
         * The registry.
         *
         * @return a registry of the tables added so far
         */
        public TableRegistry build() {
            return new TableRegistry(tables);
        }
    }
}
