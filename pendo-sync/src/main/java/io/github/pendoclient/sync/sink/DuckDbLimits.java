package io.github.pendoclient.sync.sink;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the embedded DuckDB of {@link DuckDbSink} and {@link ParquetSink} may use: its buffer memory (DuckDB's
 * {@code memory_limit}; past it DuckDB spills to a temporary directory beside the database) and its worker threads.
 * DuckDB's own defaults are 80% of the machine's memory and one thread per core, which makes a small sync's process
 * grow to hundreds of megabytes; {@link #defaults()} keeps it small.
 *
 * @param memoryLimit the buffer memory, a number and a unit such as {@code 64MB} or {@code 1GB}
 * @param threads the worker threads, at least 1
 */
public record DuckDbLimits(String memoryLimit, int threads) {

    private static final Pattern SIZE = Pattern.compile("\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KIB|MIB|GIB|TIB)");

    private static final DuckDbLimits DEFAULTS = new DuckDbLimits("64MB", 1);

    /**
     * The default limits: 64 MB of buffers and one thread. The sink keeps no primary-key index (which DuckDB holds in
     * memory whole) and stages rows in a temporary table that spills to disk past the limit, so the upserts of event
     * tables of any size need no memory that grows with the table; more memory makes large merges spill less, and
     * more threads help little for one writer.
     *
     * @return the default limits
     */
    public static DuckDbLimits defaults() {
        return DEFAULTS;
    }

    /**
     * Checks the limits.
     *
     * @param memoryLimit the buffer memory, such as {@code 64MB}
     * @param threads the worker threads
     * @throws IllegalArgumentException if the memory limit is not a number and a unit, or threads is below 1
     */
    public DuckDbLimits {
        Objects.requireNonNull(memoryLimit, "memoryLimit");
        memoryLimit = memoryLimit.strip();
        if (!SIZE.matcher(memoryLimit.toUpperCase(Locale.ROOT)).matches()) {
            throw new IllegalArgumentException("DuckDB memory limit '" + memoryLimit + "' is not a size; give a"
                    + " number and a unit, such as 64MB or 1GB");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("DuckDB threads must be at least 1, got " + threads);
        }
    }
}
