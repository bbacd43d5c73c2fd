/** The sinks pendo-sync ships: JSON Lines files, an embedded DuckDB database, and one that stores nothing. */
package io.github.pendoclient.sync.sink;
