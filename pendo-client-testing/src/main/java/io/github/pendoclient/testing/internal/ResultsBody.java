package io.github.pendoclient.testing.internal;

import com.squareup.moshi.JsonWriter;
import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.internal.json.PendoJson;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;
import okio.Buffer;
import okio.BufferedSink;

/**
 * An aggregation's answer body, {@code {"startTime": ..., "results": [rows]}}, written through a
 * {@link RowJsonWriter}, in parts of about {@link HttpResponses#FLUSH_EVERY} bytes. The bytes are those Moshi's
 * writer gives for the same rows; a row the fast writer refuses (a value of another type, a non-finite number, very
 * deep nesting) goes through Moshi itself, at the same position, so it is written, or fails, exactly as Moshi would.
 */
final class ResultsBody implements Answer.Streaming {

    private final long startTime;
    private final Stream<Map<String, Object>> rows;

    /**
     * A body over rows.
     *
     * @param startTime the answer's {@code startTime}
     * @param rows the rows, pulled as the body is written
     */
    ResultsBody(long startTime, Stream<Map<String, Object>> rows) {
        this.startTime = startTime;
        this.rows = rows;
    }

    @Override
    public Answer.Parts open(BufferedSink sink) throws IOException {
        RowJsonWriter json = new RowJsonWriter();
        json.appendRaw("{\"startTime\":");
        json.appendLong(startTime);
        json.appendRaw(",\"results\":[");
        json.writeTo(sink);
        Iterator<Map<String, Object>> it = rows.iterator();
        long[] written = {0};
        return () -> {
            // Rows until the sink's buffer crosses a multiple of FLUSH_EVERY (or the end): the answer's buffering
            // and flushing look at the sink only at those multiples (MAX_BUFFERED is one), so a part ends exactly
            // where writing one row per part would have crossed them, and the loops that call this stay cold.
            long part = sink.getBuffer().size() / HttpResponses.FLUSH_EVERY;
            while (it.hasNext()) {
                Map<String, Object> row = it.next();
                if (written[0] > 0) {
                    json.appendRaw(",");
                }
                if (row instanceof RolledUpRow rolledUp && rolledUp.writesItself()) {
                    // The event windows' rows, most of all rows: kept apart from the general writer, so the JIT
                    // compiles each for its own shapes.
                    rolledUp.writeJson(json);
                } else if (!json.append(row)) {
                    json.writeTo(sink);
                    throughMoshi(sink, row, written[0]);
                }
                json.writeTo(sink);
                written[0]++;
                if (sink.getBuffer().size() / HttpResponses.FLUSH_EVERY != part) {
                    return true;
                }
            }
            json.appendRaw("]}");
            json.writeTo(sink);
            return false;
        };
    }

    /**
     * Writes the row at this index as Moshi does, with a writer placed where the row goes (so a failure names the
     * same path, {@code $.results[index]...}); the comma before it is already written.
     */
    private void throughMoshi(BufferedSink sink, Map<String, Object> row, long index) throws IOException {
        Buffer scratch = new Buffer();
        JsonWriter writer = JsonWriter.of(scratch);
        writer.setSerializeNulls(true);
        writer.beginObject().name("startTime").value(startTime).name("results").beginArray();
        for (long i = 0; i < index; i++) {
            writer.nullValue();
        }
        scratch.clear();
        try {
            JsonValues.write(writer, row, PendoJson.moshi());
            writer.flush();
        } finally {
            if (index > 0 && scratch.size() > 0) {
                scratch.skip(1);
            }
            sink.write(scratch, scratch.size());
        }
    }
}
