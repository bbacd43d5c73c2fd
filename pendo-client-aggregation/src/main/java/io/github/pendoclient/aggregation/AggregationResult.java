package io.github.pendoclient.aggregation;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.github.pendoclient.error.PendoException;
import io.github.pendoclient.error.UnreadableResponseException;
import io.github.pendoclient.internal.http.PendoHttp;
import io.github.pendoclient.internal.json.SegmentParser;
import java.io.IOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * The rows of one aggregation, read one at a time from the {@code results} array of the response body, so memory
 * does not grow with the result. Close it (try-with-resources) to release the connection early; it closes itself
 * once the last row has been read.
 *
 * <p>If the body ends before the closing {@code ]} and {@code }}, or the connection drops, {@link #hasNext()}
 * throws {@link IncompleteResultException}: a short result is never returned as if it were whole. Not thread-safe.
 *
 * @param <T> the row type
 */
public final class AggregationResult<T> implements Iterator<T>, AutoCloseable {

    private enum State {
        IN_RESULTS,
        DONE,
        CLOSED
    }

    private final PendoHttp http;
    private final Request request;
    private final Response response;
    private final JsonReader reader;
    private final RowReader<T> rows;
    /** Reads the rows' objects from the body's bytes, below the reader (see {@link SegmentParser}). */
    private final SegmentParser bytes;

    private final AggregationReport report;
    private State state = State.IN_RESULTS;
    private Instant startTime;
    private long rowsRead;
    private T next;
    private boolean closed;

    AggregationResult(PendoHttp http, Request request, Response response, RowReader<T> rows, AggregationReport report) {
        this.http = http;
        this.request = request;
        this.response = response;
        this.rows = rows;
        this.report = report;
        BufferedSource body = response.body().source();
        this.reader = JsonReader.of(body);
        this.bytes = new SegmentParser(body);
        try {
            openResults();
        } catch (IOException | JsonDataException | PendoException e) {
            close();
            report.failed(0);
            throw e instanceof PendoException pendo ? pendo : http.translate(request, e);
        }
    }

    private void openResults() throws IOException {
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            if (name.equals("results")) {
                if (reader.peek() != JsonReader.Token.BEGIN_ARRAY) {
                    throw unexpectedShape("'results' is " + reader.peek() + ", not an array");
                }
                reader.beginArray();
                return;
            }
            readOtherMember(name);
        }
        throw unexpectedShape("the response has no 'results' array");
    }

    private void readOtherMember(String name) throws IOException {
        if (name.equals("startTime") && reader.peek() == JsonReader.Token.NUMBER) {
            startTime = Instant.ofEpochMilli(reader.nextLong());
        } else {
            reader.skipValue();
        }
    }

    /** How many attempts the request took before this response. */
    int attempts() {
        return PendoHttp.attemptsOf(response);
    }

    private UnreadableResponseException unexpectedShape(String what) {
        return new UnreadableResponseException(
                "The aggregation response is not the expected"
                        + " {\"startTime\": ..., \"results\": [...]}: " + what + ". Check the pipeline; if it persists,"
                        + " report it.",
                request.method(),
                request.url().encodedPath(),
                attempts(),
                reader.getPath(),
                null);
    }

    /**
     * Whether another row follows; reads it from the body.
     *
     * @return true if {@link #next()} has a row
     * @throws IncompleteResultException if the body ends early, the connection drops, or a row cannot be read
     */
    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (state != State.IN_RESULTS) {
            return false;
        }
        try {
            if (reader.hasNext()) {
                T row;
                SegmentParser previous = bytes.bind(reader);
                try {
                    row = rows.read(reader);
                } finally {
                    bytes.unbind(previous);
                }
                if (row == null) {
                    throw new JsonDataException("Expected a row but was null at path " + reader.getPath());
                }
                next = row;
                rowsRead++;
                return true;
            }
            reader.endArray();
            while (reader.hasNext()) {
                readOtherMember(reader.nextName());
            }
            reader.endObject();
            if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                throw new JsonDataException(
                        "Expected the end of the response but found " + reader.peek() + " at path " + reader.getPath());
            }
            state = State.DONE;
            close();
            report.succeeded(rowsRead);
            return false;
        } catch (PendoException e) {
            close();
            report.failed(rowsRead);
            throw e;
        } catch (IOException | RuntimeException e) {
            close();
            report.failed(rowsRead);
            throw incomplete(e);
        }
    }

    private PendoException incomplete(Exception failure) {
        PendoException typed = http.translate(request, failure);
        return new IncompleteResultException(
                "The aggregation result broke off after " + rowsRead + " rows: "
                        + typed.getMessage() + " The rows returned are not the whole result: run the query again, or"
                        + " resume from the last checkpoint.",
                rowsRead,
                typed);
    }

    /**
     * The next row.
     *
     * @return the row
     * @throws NoSuchElementException if there are no more rows
     * @throws IncompleteResultException if the body ends early, the connection drops, or a row cannot be read
     */
    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more rows; " + rowsRead + " were read");
        }
        T row = next;
        next = null;
        return row;
    }

    /**
     * The rows as a sequential stream that closes this result when closed.
     *
     * @return the stream
     */
    public Stream<T> stream() {
        Spliterator<T> spliterator =
                Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL);
        return StreamSupport.stream(spliterator, false).onClose(this::close);
    }

    /**
     * The {@code startTime} of the response, when Pendo sent it before {@code results} or once every row has been
     * read.
     *
     * @return the time the aggregation ran, if seen yet
     */
    public Optional<Instant> startTime() {
        return Optional.ofNullable(startTime);
    }

    /**
     * How many rows have been read so far.
     *
     * @return the count
     */
    public long rowsRead() {
        return rowsRead;
    }

    /**
     * Whether every row has been read and the response ended as it should.
     *
     * @return true when complete
     */
    public boolean isComplete() {
        return state == State.DONE;
    }

    /** Releases the connection; the remaining rows are not read. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (state == State.IN_RESULTS) {
            state = State.CLOSED;
        }
        response.close();
    }
}
