package io.github.pendoclient.examples;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.resource.BulkUpdateOptions;
import io.github.pendoclient.resource.BulkUpdateReport;
import io.github.pendoclient.resource.MetadataKind;
import io.github.pendoclient.resource.MetadataRow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A metadata bulk update from a CSV file: the first column is the visitor id, the others are fields of the
 * {@code custom} group (numbers and {@code true}/{@code false} are typed). Rows go in chunks; a chunk Pendo rejects is
 * split and retried until the bad rows are isolated; the report lists missing visitors and failed rows.
 *
 * <pre>
 * visitorId,plan_tier,seats
 * v-000001,enterprise,250
 * </pre>
 */
public final class MetadataCsvImport {

    private MetadataCsvImport() {}

    /**
     * Runs the example on a CSV file, or on a small built-in CSV when none is given.
     *
     * @param args the CSV file's path, optionally
     * @throws IOException if the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        PrintWriter out = new PrintWriter(System.out, true);
        try (ExampleClients.Session session = ExampleClients.open(out);
                Reader csv = args.length > 0
                        ? java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(args[0]))
                        : new StringReader("visitorId,plan_tier,seats\nv-000001,enterprise,250\nv-nobody,team,3\n")) {
            run(session.client(), csv, out);
        }
    }

    static List<MetadataRow> parse(Reader csv) throws IOException {
        BufferedReader reader = new BufferedReader(csv);
        String header = reader.readLine();
        if (header == null) {
            return List.of();
        }
        String[] fields = header.split(",", -1);
        List<MetadataRow> rows = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 1; i < fields.length && i < cells.length; i++) {
                values.put(fields[i].trim(), typed(cells[i].trim()));
            }
            rows.add(new MetadataRow(cells[0].trim(), values));
        }
        return rows;
    }

    private static Object typed(String cell) {
        if (cell.equals("true") || cell.equals("false")) {
            return Boolean.valueOf(cell);
        }
        if (cell.matches("-?\\d{1,18}")) {
            return Long.parseLong(cell);
        }
        return cell;
    }

    static BulkUpdateReport run(PendoClient client, Reader csv, PrintWriter out) throws IOException {
        List<MetadataRow> rows = parse(csv);
        BulkUpdateReport report = client.metadata()
                .bulkUpdate(
                        MetadataKind.VISITOR,
                        "custom",
                        rows,
                        BulkUpdateOptions.builder()
                                .chunkSize(500)
                                .splitRetries(true)
                                .build());
        out.printf(
                "%d rows: %d updated, %d failed, %d missing%n",
                report.total(),
                report.updated(),
                report.failed(),
                report.missing().size());
        report.missing().forEach(id -> out.println("  missing visitor: " + id));
        report.errors().forEach(error -> out.println("  failed: " + error));
        report.rejected()
                .forEach(rejected -> out.println("  rejected: " + rejected.row().id() + ": " + rejected.reason()));
        out.flush();
        return report;
    }
}
