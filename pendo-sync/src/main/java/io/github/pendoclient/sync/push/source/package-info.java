/**
 * The push sources pendo-sync ships: CSV and JSON Lines files, Parquet files and DuckDB queries (with the optional
 * DuckDB JDBC driver), and PostgreSQL queries (with the optional PostgreSQL JDBC driver).
 */
package io.github.pendoclient.sync.push.source;
