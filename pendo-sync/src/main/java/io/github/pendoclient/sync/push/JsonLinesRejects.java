package io.github.pendoclient.sync.push;

import io.github.pendoclient.internal.json.JsonValues;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes rejected rows to a JSON Lines file, one object per line, replacing the file's earlier content:
 * <pre>{@code
 * {"row":17,"reason":"MISSING","message":"Pendo does not know visitor 'v-9'","values":{"id":"v-9","plan":"pro"}}
 * }</pre>
 * {@code row} is the source row number (0 for an object cleared because it left the source), {@code reason} one of
 * {@link PushReject.Reason}, {@code message} the details (Pendo's message when Pendo refused the row), {@code values}
 * the source row. Values other than strings, numbers, booleans, lists and maps are written as their text. Each line is
 * flushed as it is written. Not thread-safe; the engine calls it from one thread.
 */
public final class JsonLinesRejects implements RejectSink, Closeable {

    private final Path file;
    private final OutputStream out;
    private long written;

    private JsonLinesRejects(Path file) throws IOException {
        this.file = file;
        this.out = Files.newOutputStream(file);
    }

    /**
     * Creates or truncates the file.
     *
     * @param file the file
     * @return the sink; close it after the run
     * @throws IOException if the file cannot be created
     */
    public static JsonLinesRejects open(Path file) throws IOException {
        return new JsonLinesRejects(Objects.requireNonNull(file, "file"));
    }

    @Override
    public void accept(PushReject reject) throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("row", reject.rowNumber());
        line.put("reason", reject.reason().name());
        line.put("message", reject.message());
        line.put("values", jsonSafe(reject.row()));
        out.write(JsonValues.toJsonUtf8(line));
        out.write('\n');
        out.flush();
        written++;
    }

    /**
     * How many rejects were written.
     *
     * @return the count
     */
    public long written() {
        return written;
    }

    /**
     * The file written.
     *
     * @return the path
     */
    public Path file() {
        return file;
    }

    /**
     * Closes the file.
     *
     * @throws IOException if it cannot be closed
     */
    @Override
    public void close() throws IOException {
        out.close();
    }

    private static Object jsonSafe(Object value) {
        if (value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Long
                || value instanceof Integer
                || value instanceof Double) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), jsonSafe(item)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonLinesRejects::jsonSafe).toList();
        }
        return value.toString();
    }

    @Override
    public String toString() {
        return "JsonLinesRejects[" + file + "]";
    }
}
