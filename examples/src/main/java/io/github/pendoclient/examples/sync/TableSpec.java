package io.github.pendoclient.examples.sync;

import java.util.List;

/**
 * A synced table: its name, columns and primary key (the key the Stitch connector uses where it has one).
 *
 * @param name the table name
 * @param columns the columns, the key columns among them
 * @param primaryKey the key columns
 */
record TableSpec(String name, List<Column> columns, List<String> primaryKey) {
}
