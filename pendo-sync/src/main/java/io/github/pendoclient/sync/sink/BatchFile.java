package io.github.pendoclient.sync.sink;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.sync.Column;
import io.github.pendoclient.sync.ColumnType;
import io.github.pendoclient.sync.Table;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.StringJoiner;
import okio.Buffer;

/**
 * The rows of one table written since {@link DuckDbSink}'s last merge, as a newline-delimited JSON file that DuckDB's
 * own JSON reader loads at the merge: one object per row, member {@code c<i>} holding column {@code i}'s value as
 * the column derived it in Java (so the lenient conversions are the sink's, not DuckDB's), nulls left out, a JSON
 * column nested as it is. Timestamps are epoch milliseconds, turned into {@code TIMESTAMP} by the query.
 *
 * <p>The file lives in a directory beside the database that the sink owns ({@link #directory}); it holds no
 * committed data (the rows are in the database once merged, and rows not merged were not committed), so a run
 * killed with its file on disk leaves nothing the next run needs, and the next sink opened on the database deletes
 * what it left ({@link #clearDirectory}).
 */
final class BatchFile implements AutoCloseable {

    /** Bytes gathered before they are written to the file. */
    private static final int WRITE_BYTES = 1 << 16;
    /** DuckDB's default largest JSON object, which a longer row raises for its batch. */
    private static final long DEFAULT_OBJECT_BYTES = 16L << 20;

    private final Path path;
    private final Table table;
    private final Buffer pending = new Buffer();
    private final ByteBuffer transfer = ByteBuffer.allocate(WRITE_BYTES);
    private FileChannel channel;
    private long rows;
    private long longestRow;

    BatchFile(Path path, Table table) {
        this.path = path;
        this.table = table;
    }

    /**
     * The directory of a database's batch files.
     *
     * @param database the {@code .duckdb} file
     * @return {@code <database>.batches} beside it
     */
    static Path directory(Path database) {
        Path absolute = database.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".batches");
    }

    /** Deletes the batch files a killed run left in the directory, and the directory if it is then empty. */
    static void clearDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.ndjson")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
        try (DirectoryStream<Path> left = Files.newDirectoryStream(directory)) {
            if (!left.iterator().hasNext()) {
                Files.deleteIfExists(directory);
            }
        }
    }

    /** Rows written since the last {@link #clear}. */
    long rows() {
        return rows;
    }

    /**
     * Appends a row.
     *
     * @param values the row's column values, in the table's column order, as the columns derived them
     */
    void add(Object[] values) throws IOException {
        long before = pending.size();
        List<Column> columns = table.columns();
        pending.writeByte('{');
        boolean first = true;
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                continue;
            }
            if (!first) {
                pending.writeByte(',');
            }
            first = false;
            pending.writeUtf8("\"c").writeDecimalLong(i).writeUtf8("\":");
            writeValue(columns.get(i).type(), value);
        }
        pending.writeByte('}').writeByte('\n');
        rows++;
        longestRow = Math.max(longestRow, pending.size() - before);
        if (pending.size() >= WRITE_BYTES) {
            drain();
        }
    }

    private void writeValue(ColumnType type, Object value) {
        switch (type) {
            case JSON -> JsonValues.writeJsonUtf8(value, pending);
            case BIGINT, TIMESTAMP -> pending.writeDecimalLong(((Number) value).longValue());
            case BOOLEAN -> pending.writeUtf8(Boolean.TRUE.equals(value) ? "true" : "false");
            case DOUBLE -> {
                double d = ((Number) value).doubleValue();
                // JSON has no NaN nor infinities: as text, which DuckDB reads into a DOUBLE column as the same value.
                pending.writeUtf8(Double.isFinite(d) ? Double.toString(d) : "\"" + d + "\"");
            }
            default -> JsonValues.writeJsonUtf8(value instanceof String ? value : String.valueOf(value), pending);
        }
    }

    private void drain() throws IOException {
        if (channel == null) {
            Files.createDirectories(path.getParent());
            channel = FileChannel.open(
                    path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        }
        while (pending.size() > 0) {
            transfer.clear();
            pending.read(transfer);
            transfer.flip();
            while (transfer.hasRemaining()) {
                channel.write(transfer);
            }
        }
    }

    /**
     * Writes the gathered rows to the file, for DuckDB to read.
     *
     * @return the query reading the rows, each column under its own name with its table type
     */
    String finish() throws IOException {
        drain();
        StringJoiner types = new StringJoiner(", ", "{", "}");
        StringJoiner select = new StringJoiner(", ");
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            String member = "c" + i;
            types.add(member + ": '" + stagedType(column.type()) + "'");
            String name = DuckDbSink.quote(column.name());
            select.add((column.type() == ColumnType.TIMESTAMP ? "epoch_ms(" + member + ")" : member) + " AS " + name);
        }
        long objectBytes = Math.max(DEFAULT_OBJECT_BYTES, longestRow + 1024);
        return "SELECT " + select + " FROM read_json('" + path.toString().replace("'", "''")
                + "', format = 'newline_delimited', records = true, columns = " + types
                + ", maximum_object_size = " + objectBytes + ")";
    }

    private static String stagedType(ColumnType type) {
        return switch (type) {
            case TEXT -> "VARCHAR";
            case BIGINT, TIMESTAMP -> "BIGINT";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case JSON -> "JSON";
        };
    }

    /** Empties the file for the next batch. */
    void clear() throws IOException {
        pending.clear();
        rows = 0;
        longestRow = 0;
        if (channel != null) {
            channel.truncate(0);
            channel.position(0);
        }
    }

    /** Closes and deletes the file. */
    @Override
    public void close() throws IOException {
        pending.clear();
        rows = 0;
        try {
            if (channel != null) {
                channel.close();
            }
        } finally {
            channel = null;
            Files.deleteIfExists(path);
        }
    }
}
