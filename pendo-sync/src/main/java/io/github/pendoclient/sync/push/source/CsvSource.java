package io.github.pendoclient.sync.push.source;

import io.github.pendoclient.sync.push.PushRow;
import io.github.pendoclient.sync.push.PushSource;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Rows of a CSV file (RFC 4180: comma-separated, fields quoted with {@code "} when they hold a comma, a quote or a
 * line break, {@code ""} for a quote inside) whose first record is the header naming the columns. Every value is a
 * string; an empty field is null. Read with Apache Commons CSV, one record at a time, in UTF-8.
 */
public final class CsvSource implements PushSource {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(false)
            .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.DISALLOW)
            .setNullString("")
            .get();

    private final String description;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> columns;

    private CsvSource(Reader reader, String description) throws IOException {
        this.description = description;
        try {
            this.parser =
                    CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        } catch (IllegalArgumentException badHeader) {
            reader.close();
            throw new IOException(description + ": the header row is not usable (" + badHeader.getMessage()
                    + "); the first row must name every column once");
        }
        this.columns = List.copyOf(parser.getHeaderNames());
        if (columns.isEmpty()) {
            parser.close();
            throw new IOException(description + " has no header row; the first row must name the columns");
        }
        this.records = parser.iterator();
    }

    /**
     * Opens a CSV file.
     *
     * @param file the file, UTF-8
     * @return the source
     * @throws IOException if the file cannot be opened or has no usable header row
     */
    public static CsvSource open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        return new CsvSource(Files.newBufferedReader(file, StandardCharsets.UTF_8), "CSV file " + file);
    }

    /**
     * Reads CSV text from a reader, which the source closes.
     *
     * @param reader the text
     * @param description what the text is, for messages
     * @return the source
     * @throws IOException if the header row cannot be read
     */
    public static CsvSource open(Reader reader, String description) throws IOException {
        return new CsvSource(Objects.requireNonNull(reader, "reader"), Objects.requireNonNull(description));
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public Optional<PushRow> next() throws IOException {
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                return Optional.empty();
            }
            record = records.next();
        } catch (UncheckedIOException failed) {
            throw new IOException(description + ": " + failed.getCause().getMessage(), failed.getCause());
        }
        long number = record.getRecordNumber();
        if (record.size() != columns.size()) {
            throw new IOException(description + ", row " + number + " (line " + parser.getCurrentLineNumber()
                    + ") has " + record.size() + " values but the header names " + columns.size()
                    + " columns; quote values that hold commas");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            values.put(columns.get(i), record.get(i));
        }
        return Optional.of(new PushRow(number, values));
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    @Override
    public String toString() {
        return "CsvSource[" + description + "]";
    }
}
