package io.github.pendoclient.testing.internal;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.internal.json.PendoJson;
import io.github.pendoclient.testing.HourlyEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import okio.Buffer;
import okio.Okio;

/**
 * The JSON form of a {@code Dataset} (documented in docs/testing.md, "The dataset file"): reads the text into a
 * {@link DatasetDraft} ({@link #draft(Map)}) and writes {@link DatasetContents} as text
 * ({@link #write(DatasetContents)}).
 */
public final class DatasetJson {

    private DatasetJson() {}

    /**
     * Reads a dataset's JSON object.
     *
     * @param json the text
     * @return its members
     * @throws IOException if it is not one JSON object
     */
    public static Map<String, Object> read(String json) throws IOException {
        try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
            return JsonValues.readObject(reader);
        }
    }

    /**
     * Reads a dataset's JSON object.
     *
     * @param in the JSON; not closed
     * @return its members
     * @throws IOException if it cannot be read or is not one JSON object
     */
    public static Map<String, Object> read(InputStream in) throws IOException {
        return JsonValues.readObject(JsonReader.of(Okio.buffer(Okio.source(in))));
    }

    /**
     * A member that is a list of objects.
     *
     * @param json the dataset's members
     * @param name the member
     * @return the list; empty when absent
     * @throws IllegalArgumentException if it is there and not a list
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Map<String, Object> json, String name) {
        Object value = json.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?>)) {
            throw new IllegalArgumentException("'" + name + "' must be a list");
        }
        return (List<Map<String, Object>>) value;
    }

    /**
     * A member that is an object.
     *
     * @param json the dataset's members, or one of its objects
     * @param name the member
     * @return the object; empty when absent
     * @throws IllegalArgumentException if it is there and not an object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<String, Object> json, String name) {
        Object value = json.get(name);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("'" + name + "' must be an object");
        }
        return (Map<String, Object>) value;
    }

    /**
     * Writes a dataset's members as JSON text.
     *
     * @param json the members, in the order to write them
     * @return the text
     */
    public static String write(Map<String, Object> json) {
        Buffer buffer = new Buffer();
        try (JsonWriter writer = JsonWriter.of(buffer)) {
            JsonValues.write(writer, json, PendoJson.moshi());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.readUtf8();
    }

    /**
     * Reads a dataset's JSON text.
     *
     * @param json the text
     * @return the draft it describes
     * @throws IllegalArgumentException if the text is not a dataset, with what is wrong
     */
    public static DatasetDraft parse(String json) {
        try {
            return draft(read(json));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not a dataset: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a dataset's JSON.
     *
     * @param in the JSON; not closed
     * @return the draft it describes
     * @throws IllegalArgumentException if the stream is not a dataset, with what is wrong
     */
    public static DatasetDraft parse(InputStream in) {
        try {
            return draft(read(in));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not a dataset: " + e.getMessage(), e);
        }
    }

    /**
     * The draft a dataset's JSON members describe.
     *
     * @param json the members, from {@link #read(String)}
     * @return the draft
     * @throws IllegalArgumentException or {@link ClassCastException} if a member has the wrong shape
     */
    @SuppressWarnings("unchecked")
    public static DatasetDraft draft(Map<String, Object> json) {
        DatasetDraft draft = new DatasetDraft();
        read(json, "visitors", RowsFromJson::visitor, draft.visitors());
        read(json, "accounts", RowsFromJson::account, draft.accounts());
        read(json, "features", RowsFromJson::catalog, draft.features());
        read(json, "pages", RowsFromJson::catalog, draft.pages());
        read(json, "guides", RowsFromJson::guide, draft.guides());
        read(json, "trackTypes", RowsFromJson::catalog, draft.trackTypes());
        read(json, "segments", RowsFromJson::segment, draft.segments());
        read(json, "reports", RowsFromJson::report, draft.reports());
        object(json, "reportResults").forEach((id, rows) -> draft.reportResults(id, (List<Map<String, Object>>) rows));
        Map<String, Object> schemas = object(json, "metadataSchema");
        for (String kind : new String[] {"visitor", "account"}) {
            draft.schema(kind).putAll(RowsFromJson.schema(object(schemas, kind), "metadataSchema." + kind));
        }
        object(json, "rows")
                .forEach((source, list) -> ((List<Map<String, Object>>) list).forEach(row -> draft.row(source, row)));
        return draft;
    }

    private static <T> void read(
            Map<String, Object> json, String name, BiFunction<Map<String, Object>, String, T> reader, List<T> into) {
        List<?> rows = list(json, name);
        for (int i = 0; i < rows.size(); i++) {
            if (!(rows.get(i) instanceof Map<?, ?> row)) {
                throw new IllegalArgumentException(name + "[" + i + "] must be an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> members = (Map<String, Object>) row;
            into.add(reader.apply(members, name + "[" + i + "]"));
        }
    }

    /**
     * A dataset's contents as JSON text: the catalog and people lists, report results, both metadata schemas, and
     * every source's rows (hourly rows in Pendo's row shape).
     *
     * @param contents the contents
     * @return the text
     */
    public static String write(DatasetContents contents) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("visitors", PendoRows.view(contents.visitors(), PendoRows::json));
        json.put("accounts", PendoRows.view(contents.accounts(), PendoRows::json));
        json.put("features", PendoRows.view(contents.features(), PendoRows::json));
        json.put("pages", PendoRows.view(contents.pages(), PendoRows::json));
        json.put("guides", PendoRows.view(contents.guides(), PendoRows::json));
        json.put("trackTypes", PendoRows.view(contents.trackTypes(), PendoRows::json));
        json.put("segments", PendoRows.view(contents.segments(), PendoRows::json));
        json.put("reports", PendoRows.view(contents.reports(), PendoRows::json));
        json.put("reportResults", contents.reportResults());
        // In this order on every JVM: Map.of's iteration order changes from one run to the next.
        json.put(
                "metadataSchema",
                Shapes.ordered(
                        "visitor",
                        PendoRows.json(contents.visitorSchema()),
                        "account",
                        PendoRows.json(contents.accountSchema())));
        Map<String, List<Map<String, Object>>> allRows = new LinkedHashMap<>();
        for (HourlyEvents row : contents.hourRows()) {
            allRows.computeIfAbsent(row.kind().source(), k -> new ArrayList<>()).add(row.toRow());
        }
        contents.rows()
                .forEach((source, list) ->
                        allRows.computeIfAbsent(source, k -> new ArrayList<>()).addAll(list));
        json.put("rows", allRows);
        return write(json);
    }
}
