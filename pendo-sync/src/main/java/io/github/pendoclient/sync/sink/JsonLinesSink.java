package io.github.pendoclient.sync.sink;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.sync.Sink;
import io.github.pendoclient.sync.Table;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One JSON Lines file per table ({@code <dir>/<table>.jsonl}), each line a Pendo row as the API returned it.
 * Incremental tables are appended; a commit records the file length, and a resumed run first truncates the file to
 * the last committed length.
 */
public final class JsonLinesSink implements Sink {

    private final Path directory;
    private final Map<String, FileChannel> open = new HashMap<>();

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

    private FileChannel channel(Table table) throws IOException {
        FileChannel channel = open.get(table.name());
        if (channel == null) {
            channel = FileChannel.open(file(table), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            channel.position(channel.size());
            open.put(table.name(), channel);
        }
        return channel;
    }

    @Override
    public void open(Table table, OptionalLong position) throws IOException {
        FileChannel channel = channel(table);
        long keep = position.orElse(0);
        if (channel.size() > keep) {
            channel.truncate(keep);
        }
        channel.position(keep);
    }

    @Override
    public void write(Table table, Map<String, Object> row) throws IOException {
        byte[] line = (JsonValues.toJson(row) + "\n").getBytes(StandardCharsets.UTF_8);
        FileChannel channel = channel(table);
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public OptionalLong commit(Table table) throws IOException {
        FileChannel channel = channel(table);
        channel.force(false);
        return OptionalLong.of(channel.position());
    }

    @Override
    public void replace(Table table, List<Map<String, Object>> rows) throws IOException {
        Path target = file(table);
        Path partial = directory.resolve(table.name() + ".jsonl.partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            for (Map<String, Object> row : rows) {
                out.write((JsonValues.toJson(row) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public String describe() {
        return "JSON Lines files in " + directory.toAbsolutePath();
    }

    @Override
    public void close() throws IOException {
        for (FileChannel channel : open.values()) {
            channel.close();
        }
        open.clear();
    }
}
