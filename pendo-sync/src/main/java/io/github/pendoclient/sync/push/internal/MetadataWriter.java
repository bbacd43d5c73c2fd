package io.github.pendoclient.sync.push.internal;

import io.github.pendoclient.resource.BulkUpdateOptions;
import io.github.pendoclient.resource.BulkUpdateReport;
import io.github.pendoclient.resource.MetadataKind;
import io.github.pendoclient.resource.MetadataResource;
import io.github.pendoclient.resource.MetadataRow;
import io.github.pendoclient.sync.push.PushTarget.UpdateResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes one batch of metadata rows and accounts for each row: accepted, missing, or rejected.
 *
 * <p>The SDK's bulk update sends the batch in one request and bisects it when Pendo refuses it as a whole (400 or
 * 422). Pendo may also answer 200 with {@code failed} rows and {@code errors}: an error that names its row (a text
 * starting with the id and a colon, or an object with the id member) rejects that row; when more rows failed than
 * errors name, the rows not accounted for are bisected and sent again (Pendo's bulk update is an upsert, so a row
 * applied twice holds the same values) until each failed row stands alone.
 */
public final class MetadataWriter {

    private final MetadataResource metadata;
    private final MetadataKind kind;
    private final String group;
    private final boolean create;
    private final List<String> accepted = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();
    private final Map<String, String> rejected = new LinkedHashMap<>();
    private int requests;

    /**
     * Prepares a writer for one batch.
     *
     * @param metadata the SDK's metadata resource
     * @param kind whose metadata
     * @param group the group
     * @param create whether to send {@code create=true}
     */
    public MetadataWriter(MetadataResource metadata, MetadataKind kind, String group, boolean create) {
        this.metadata = metadata;
        this.kind = kind;
        this.group = group;
        this.create = create;
    }

    /**
     * Writes the rows.
     *
     * @param rows the rows, each id once
     * @return each row's outcome
     */
    public UpdateResult write(List<MetadataRow> rows) {
        send(rows);
        return new UpdateResult(accepted, missing, rejected, requests);
    }

    private void send(List<MetadataRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        BulkUpdateOptions options = BulkUpdateOptions.builder()
                .chunkSize(rows.size())
                .create(create)
                .splitRetries(true)
                .build();
        BulkUpdateReport report = metadata.bulkUpdate(kind, group, rows, options);
        requests += report.requests();
        Set<String> ids = new HashSet<>();
        rows.forEach(row -> ids.add(row.id()));
        Set<String> done = new HashSet<>();
        for (String id : report.missing()) {
            if (ids.contains(id) && done.add(id)) {
                missing.add(id);
            }
        }
        for (BulkUpdateReport.RejectedRow row : report.rejected()) {
            if (done.add(row.row().id())) {
                rejected.put(row.row().id(), row.reason());
            }
        }
        List<String> unnamed = new ArrayList<>();
        long named = 0;
        for (Object error : report.errors()) {
            String id = idOf(error, ids);
            if (id == null) {
                unnamed.add(String.valueOf(error));
            } else {
                named++;
                if (done.add(id)) {
                    rejected.put(id, message(error, id));
                }
            }
        }
        List<MetadataRow> rest = new ArrayList<>();
        for (MetadataRow row : rows) {
            if (!done.contains(row.id())) {
                rest.add(row);
            }
        }
        if (report.failed() <= named || rest.isEmpty()) {
            rest.forEach(row -> accepted.add(row.id()));
        } else if (rest.size() == 1) {
            rejected.put(
                    rest.get(0).id(),
                    unnamed.isEmpty() ? "Pendo reported the row as failed, without a message" : unnamed.get(0));
        } else {
            int half = rest.size() / 2;
            send(rest.subList(0, half));
            send(rest.subList(half, rest.size()));
        }
    }

    private String idOf(Object error, Set<String> ids) {
        if (error instanceof Map<?, ?> map) {
            for (Object key : List.of(kind.idField(), "id")) {
                if (map.get(key) instanceof String id && ids.contains(id)) {
                    return id;
                }
            }
            return null;
        }
        String text = String.valueOf(error);
        int colon = text.indexOf(':');
        while (colon > 0) {
            String id = text.substring(0, colon);
            if (ids.contains(id)) {
                return id;
            }
            colon = text.indexOf(':', colon + 1);
        }
        return null;
    }

    private static String message(Object error, String id) {
        if (error instanceof Map<?, ?> map) {
            Object message = map.get("message");
            return message == null ? String.valueOf(error) : String.valueOf(message);
        }
        return String.valueOf(error).substring(id.length() + 1).trim();
    }
}
