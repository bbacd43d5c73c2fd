package io.github.pendoclient.sync;

/**
 * The type of a {@link Column}, which fixes the Java type of the values a {@link Sink} receives for it. Sinks map
 * each type to their own: DuckDB's {@code TIMESTAMP} or PostgreSQL's {@code timestamptz} for {@link #TIMESTAMP},
 * for example.
 */
public enum ColumnType {
    /** Text: a {@link String}. */
    TEXT,
    /** A 64-bit integer: a {@link Long}. */
    BIGINT,
    /** A floating-point number: a {@link Double}. */
    DOUBLE,
    /** A {@link Boolean}. */
    BOOLEAN,
    /** An instant in UTC: a {@link Long} of epoch milliseconds. */
    TIMESTAMP,
    /**
     * Any JSON value as parsed: a {@link java.util.Map}, {@link java.util.List}, {@link String}, {@link Number} or
     * {@link Boolean}.
     */
    JSON
}
