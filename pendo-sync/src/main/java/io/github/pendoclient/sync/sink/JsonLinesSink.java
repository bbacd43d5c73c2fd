package io.github.pendoclient.sync.sink;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.sync.Column;
import io.github.pendoclient.sync.ColumnType;
import io.github.pendoclient.sync.Sink;
import io.github.pendoclient.sync.Table;
import io.github.pendoclient.sync.internal.FieldColumns;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import okio.Buffer;

/**
 * One JSON Lines file per table ({@code <dir>/<table>.jsonl}), each line a Pendo row as the API returned it.
 * Incremental tables are appended; a commit records the file length, and a resumed run first truncates the file to
 * the last committed length. The lines of {@code visitors} and {@code accounts} also carry their typed metadata
 * field columns, in the member {@value #FIELD_COLUMNS}. Lines are gathered in memory and written {@value #WRITE_BYTES} bytes at a time (and at
 * each commit), not with a system call per row.
 */
public final class JsonLinesSink implements Sink {

    /**
     * The member of a {@code visitors} or {@code accounts} line that holds its typed metadata field columns, when
     * they are on ({@link io.github.pendoclient.sync.MetadataColumns#TYPED}); the rest of the line is the row as
     * Pendo sent it.
     */
    public static final String FIELD_COLUMNS = "_columns";

    /** Bytes of lines gathered before they are written to the file. */
    static final int WRITE_BYTES = 1 << 16;

    /** A table's file and the lines written to it but not yet to the file. */
    private record TableFile(FileChannel channel, Buffer pending) {}

    private final Path directory;
    private final Map<String, TableFile> open = new HashMap<>();
    private final ByteBuffer transfer = ByteBuffer.allocate(WRITE_BYTES);

    /**
     * A sink writing into a directory, created if missing.
     *
     * @param directory the directory for the {@code .jsonl} files
     * @throws IOException if the directory cannot be created
     */
    public JsonLinesSink(Path directory) throws IOException {
        this.directory = directory;
        Files.createDirectories(directory);
    }

    private Path file(Table table) {
        return directory.resolve(table.name() + ".jsonl");
    }

    private TableFile tableFile(Table table) throws IOException {
        TableFile file = open.get(table.name());
        if (file == null) {
            FileChannel channel = FileChannel.open(file(table), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.position(channel.size());
            file = new TableFile(channel, new Buffer());
            open.put(table.name(), file);
        }
        return file;
    }

    @Override
    public void open(Table table, OptionalLong position) throws IOException {
        TableFile file = tableFile(table);
        file.pending().clear();
        long keep = position.orElse(0);
        if (file.channel().size() > keep) {
            file.channel().truncate(keep);
        }
        file.channel().position(keep);
    }

    @Override
    public void write(Table table, Map<String, Object> row) throws IOException {
        TableFile file = tableFile(table);
        JsonValues.writeJsonUtf8(withFieldColumns(table, row), file.pending());
        file.pending().writeByte('\n');
        if (file.pending().size() >= WRITE_BYTES) {
            drain(file);
        }
    }

    /**
     * The line of a row: the row itself, with the typed metadata field columns (if the table has any) in the member
     * {@value #FIELD_COLUMNS}, timestamps as ISO-8601 UTC text, NULLs left out.
     */
    private static Map<String, Object> withFieldColumns(Table table, Map<String, Object> row) {
        Map<String, Object> typed = null;
        for (Column column : table.columns()) {
            if (FieldColumns.isField(column)) {
                typed = typed == null ? new LinkedHashMap<>() : typed;
                Object value = column.value().apply(row);
                if (value != null) {
                    typed.put(
                            column.name(),
                            column.type() == ColumnType.TIMESTAMP
                                    ? Instant.ofEpochMilli((Long) value).toString()
                                    : value);
                }
            }
        }
        if (typed == null) {
            return row;
        }
        Map<String, Object> line = new LinkedHashMap<>(row);
        line.put(FIELD_COLUMNS, typed);
        return line;
    }

    /** Writes a table's gathered lines to its file. */
    private void drain(TableFile file) throws IOException {
        while (file.pending().size() > 0) {
            transfer.clear();
            file.pending().read(transfer);
            transfer.flip();
            while (transfer.hasRemaining()) {
                file.channel().write(transfer);
            }
        }
    }

    @Override
    public OptionalLong commit(Table table) throws IOException {
        TableFile file = tableFile(table);
        drain(file);
        file.channel().force(false);
        return OptionalLong.of(file.channel().position());
    }

    @Override
    public void replace(Table table, List<Map<String, Object>> rows) throws IOException {
        Path target = file(table);
        Path partial = directory.resolve(table.name() + ".jsonl.partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            Buffer lines = new Buffer();
            for (Map<String, Object> row : rows) {
                JsonValues.writeJsonUtf8(row, lines);
                lines.writeByte('\n');
                if (lines.size() >= WRITE_BYTES) {
                    lines.writeTo(out);
                }
            }
            lines.writeTo(out);
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public String describe() {
        return "JSON Lines files in " + directory.toAbsolutePath();
    }

    /**
     * Writes the lines not yet in the files (rows not committed, which a resumed run truncates) and closes them.
     *
     * @throws IOException if a file cannot be written or closed
     */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (TableFile file : open.values()) {
            try {
                drain(file);
            } catch (IOException e) {
                failure = kept(failure, e);
            }
            try {
                file.channel().close();
            } catch (IOException e) {
                failure = kept(failure, e);
            }
        }
        open.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private static IOException kept(IOException first, IOException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
