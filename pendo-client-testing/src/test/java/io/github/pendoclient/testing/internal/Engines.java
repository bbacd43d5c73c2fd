package io.github.pendoclient.testing.internal;

import com.squareup.moshi.JsonWriter;
import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.internal.json.PendoJson;
import io.github.pendoclient.testing.Dataset;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import okio.Buffer;

/**
 * The fake's aggregation engine over a dataset, wired as {@link FakeApi} wires it, and the answer bodies it writes,
 * for tests in this package.
 */
final class Engines {

    /** The {@code startTime} of the bodies written here. */
    static final long START_TIME = 1_793_491_200_000L;

    private Engines() {}

    /**
     * An engine over a dataset that no request has changed.
     *
     * @param dataset the data
     * @param clock "now"
     * @param fastWindows answer event windows through {@link EventRollup} and {@link BrowserTimeIndex} (as the fake
     *     does) or through the general roll-up and a scan (the reference)
     * @return the engine
     */
    static AggregationEngine over(Dataset dataset, LongSupplier clock, boolean fastWindows) {
        PeopleHandler people = new PeopleHandler(dataset);
        CatalogHandler catalog = new CatalogHandler(dataset);
        return new AggregationEngine(
                new AggregationSources(dataset, AggregationSources.Live.of(people, catalog), fastWindows), clock);
    }

    /**
     * An answer body as the fake wrote it with Moshi before it had its own writer: the reference.
     *
     * @param rows the rows
     * @return the body's text, followed by the exception that stopped it, if one did
     */
    static String moshiBody(List<Map<String, Object>> rows) {
        Buffer sink = new Buffer();
        try {
            JsonWriter writer = JsonWriter.of(sink);
            writer.setSerializeNulls(true);
            writer.beginObject()
                    .name("startTime")
                    .value(START_TIME)
                    .name("results")
                    .beginArray();
            for (Map<String, Object> row : rows) {
                JsonValues.write(writer, row, PendoJson.moshi());
            }
            writer.endArray().endObject();
            writer.flush();
            return sink.readUtf8();
        } catch (IOException | RuntimeException e) {
            return sink.readUtf8() + "\nfailed: " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /**
     * An answer body as the fake writes it ({@link ResultsBody}).
     *
     * @param rows the rows
     * @return the body's text, followed by the exception that stopped it, if one did
     */
    static String fastBody(List<Map<String, Object>> rows) {
        Buffer sink = new Buffer();
        try {
            Answer.Parts parts = new ResultsBody(START_TIME, rows.stream()).open(sink);
            while (parts.writeNext()) {
                // all of it
            }
            return sink.readUtf8();
        } catch (IOException | RuntimeException e) {
            return sink.readUtf8() + "\nfailed: " + e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
