package io.github.pendoclient.sync.push.source;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.sync.push.PushRow;
import io.github.pendoclient.sync.push.PushSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okio.Buffer;

/**
 * Rows of a JSON Lines file: one JSON object per line (blank lines are skipped), read one line at a time with
 * Moshi's {@link JsonReader}. The columns are the keys of the first object; a later object without a key has null
 * there, and keys the first object lacks are kept in the row but cannot be mapped. Values are strings,
 * {@code Long}s, {@code Double}s, booleans, nulls, lists and maps, as JSON has them.
 */
public final class JsonLinesSource implements PushSource {

    private final String description;
    private final BufferedReader reader;
    private final List<String> columns;
    private Map<String, Object> first;
    private long line;
    private long number;

    private JsonLinesSource(Reader reader, String description) throws IOException {
        this.description = description;
        this.reader = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
        this.first = read();
        this.columns = first == null ? List.of() : List.copyOf(first.keySet());
    }

    /**
     * Opens a JSON Lines file (UTF-8).
     *
     * @param file the file
     * @return the source
     * @throws IOException if the file cannot be opened, or its first line is not a JSON object
     */
    public static JsonLinesSource open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        return new JsonLinesSource(Files.newBufferedReader(file, StandardCharsets.UTF_8), "JSON Lines file " + file);
    }

    /**
     * Reads JSON Lines from a reader, which the source closes.
     *
     * @param reader the text
     * @param description what the text is, for messages
     * @return the source
     * @throws IOException if the first line is not a JSON object
     */
    public static JsonLinesSource open(Reader reader, String description) throws IOException {
        return new JsonLinesSource(Objects.requireNonNull(reader, "reader"), Objects.requireNonNull(description));
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public Optional<PushRow> next() throws IOException {
        Map<String, Object> values;
        if (first != null) {
            values = first;
            first = null;
        } else {
            values = read();
        }
        if (values == null) {
            return Optional.empty();
        }
        return Optional.of(new PushRow(++number, values));
    }

    private Map<String, Object> read() throws IOException {
        String text;
        do {
            text = reader.readLine();
            line++;
            if (text == null) {
                return null;
            }
        } while (text.isBlank());
        try (JsonReader json = JsonReader.of(new Buffer().writeUtf8(text))) {
            Map<String, Object> values = JsonValues.readObject(json);
            if (json.peek() != JsonReader.Token.END_DOCUMENT) {
                throw new JsonDataException("more than one value on the line");
            }
            return values;
        } catch (JsonDataException | IOException bad) {
            throw new IOException(description + ", line " + line + " is not one JSON object: " + bad.getMessage());
        }
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    @Override
    public String toString() {
        return "JsonLinesSource[" + description + "]";
    }
}
