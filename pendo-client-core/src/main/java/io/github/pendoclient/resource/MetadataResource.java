package io.github.pendoclient.resource;

import io.github.pendoclient.api.MetadataApi;
import io.github.pendoclient.error.InvalidRequestException;
import io.github.pendoclient.internal.http.PendoHttp;
import io.github.pendoclient.model.MetadataFieldSchema;
import io.github.pendoclient.model.MetadataSchema;
import io.github.pendoclient.model.MetadataUpdateResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Visitor and account metadata: the schema, single values, and bulk updates in chunks with split retries.
 */
public final class MetadataResource extends Resource {

    private final MetadataApi api;

    /** Metadata on a stack, built by {@link Resources} for {@code PendoClient}. */
    MetadataResource(PendoHttp http) {
        super(http);
        this.api = http.create(MetadataApi.class);
    }

    /**
     * The metadata schema of visitors or accounts.
     *
     * @param kind visitors or accounts
     * @return group to field to descriptor
     */
    public MetadataSchema schema(MetadataKind kind) {
        return new MetadataSchema(
                http.execute(api.schema(Objects.requireNonNull(kind, "kind").path())));
    }

    /**
     * {@link #schema(MetadataKind)} without blocking.
     *
     * @param kind visitors or accounts
     * @return a future of the schema
     */
    public CompletableFuture<MetadataSchema> schemaAsync(MetadataKind kind) {
        return async(() -> http.executeAsync(
                        api.schema(Objects.requireNonNull(kind, "kind").path()))
                .thenApply(MetadataSchema::new));
    }

    /**
     * One field's value.
     *
     * @param kind visitors or accounts
     * @param group the group, for example {@code custom}
     * @param id the visitor or account id
     * @param field the field name
     * @return the value: a string, {@code Long}, {@code Double}, boolean, map, list or null
     */
    public Object get(MetadataKind kind, String group, String id, String field) {
        return http.execute(api.getValue(
                kind.path(), requirePathId(group, "group"), requirePathId(id, "id"), requirePathId(field, "field")));
    }

    /**
     * {@link #get(MetadataKind, String, String, String)} without blocking.
     *
     * @param kind visitors or accounts
     * @param group the group, for example {@code custom}
     * @param id the visitor or account id
     * @param field the field name
     * @return a future of the value (a string, {@code Long}, {@code Double}, boolean, map, list or null)
     */
    public CompletableFuture<Object> getAsync(MetadataKind kind, String group, String id, String field) {
        return async(() -> http.executeAsync(api.getValue(
                kind.path(), requirePathId(group, "group"), requirePathId(id, "id"), requirePathId(field, "field"))));
    }

    /**
     * Sets one field's value; the body is the raw JSON value.
     *
     * @param kind visitors or accounts
     * @param group the group, for example {@code custom}
     * @param id the visitor or account id
     * @param field the field name
     * @param value a string, number, boolean, {@link Instant} (sent as epoch milliseconds) or null
     */
    public void set(MetadataKind kind, String group, String id, String field, Object value) {
        http.execute(api.setValue(
                kind.path(),
                requirePathId(group, "group"),
                requirePathId(id, "id"),
                requirePathId(field, "field"),
                wire(value)));
    }

    /**
     * {@link #set(MetadataKind, String, String, String, Object)} without blocking.
     *
     * @param kind visitors or accounts
     * @param group the group, for example {@code custom}
     * @param id the visitor or account id
     * @param field the field name
     * @param value a string, number, boolean, {@link Instant} (sent as epoch milliseconds) or null
     * @return a future completed when Pendo accepted the value, or failed with the same exception
     */
    public CompletableFuture<Void> setAsync(MetadataKind kind, String group, String id, String field, Object value) {
        return async(() -> http.executeAsync(api.setValue(
                kind.path(),
                requirePathId(group, "group"),
                requirePathId(id, "id"),
                requirePathId(field, "field"),
                wire(value))));
    }

    /**
     * Updates any number of rows, {@link BulkUpdateOptions#chunkSize()} per request. When Pendo rejects a whole
     * batch (400 or 422) and split retries are on, the batch is bisected until the rejected rows are isolated and
     * every other row is applied. Other failures (authentication, network, 5xx after retries) stop the update and
     * are thrown; earlier chunks stay applied.
     *
     * @param kind visitors or accounts
     * @param group the group, normally {@code agent} or {@code custom}
     * @param rows the rows
     * @param options chunking, {@code create=true}, split retries, validation
     * @return the combined outcome
     */
    public BulkUpdateReport bulkUpdate(
            MetadataKind kind, String group, Collection<MetadataRow> rows, BulkUpdateOptions options) {
        Objects.requireNonNull(kind, "kind");
        requirePathId(group, "group");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(options, "options");
        Accumulator result = new Accumulator();
        List<MetadataRow> valid = new ArrayList<>(rows.size());
        if (options.validateTypes()) {
            Map<String, MetadataFieldSchema> fields = schema(kind).group(group);
            for (MetadataRow row : rows) {
                String problem = validate(row, group, fields);
                if (problem == null) {
                    valid.add(row);
                } else {
                    result.rejected.add(new BulkUpdateReport.RejectedRow(row, problem));
                }
            }
        } else {
            valid.addAll(rows);
        }
        for (int start = 0; start < valid.size(); start += options.chunkSize()) {
            send(
                    kind,
                    group,
                    valid.subList(start, Math.min(valid.size(), start + options.chunkSize())),
                    options,
                    result);
        }
        return new BulkUpdateReport(
                result.total,
                result.updated,
                result.failed,
                result.missing,
                result.errors,
                result.rejected,
                result.requests);
    }

    /**
     * {@link #bulkUpdate(MetadataKind, String, Collection, BulkUpdateOptions)} with the default options.
     *
     * @param kind visitors or accounts
     * @param group the group
     * @param rows the rows
     * @return the combined outcome
     */
    public BulkUpdateReport bulkUpdate(MetadataKind kind, String group, Collection<MetadataRow> rows) {
        return bulkUpdate(kind, group, rows, BulkUpdateOptions.defaults());
    }

    private void send(
            MetadataKind kind, String group, List<MetadataRow> batch, BulkUpdateOptions options, Accumulator result) {
        List<Map<String, Object>> body = new ArrayList<>(batch.size());
        for (MetadataRow row : batch) {
            Map<String, Object> values = new LinkedHashMap<>();
            row.values().forEach((field, value) -> values.put(field, wire(value)));
            Map<String, Object> item = new LinkedHashMap<>();
            item.put(kind.idField(), row.id());
            item.put("values", values);
            body.add(item);
        }
        result.requests++;
        try {
            MetadataUpdateResult answer =
                    http.execute(api.bulkUpdate(kind.path(), group, options.create() ? Boolean.TRUE : null, body));
            if (answer != null) {
                result.total += counted(answer.total());
                result.updated += counted(answer.updated());
                result.failed += counted(answer.failed());
                if (answer.missing() != null) {
                    result.missing.addAll(answer.missing());
                }
                if (answer.errors() != null) {
                    result.errors.addAll(answer.errors());
                }
            }
        } catch (InvalidRequestException rejected) {
            if (!options.splitRetries() || batch.size() == 1) {
                for (MetadataRow row : batch) {
                    result.rejected.add(new BulkUpdateReport.RejectedRow(row, rejected.getMessage()));
                }
                return;
            }
            int half = batch.size() / 2;
            send(kind, group, batch.subList(0, half), options, result);
            send(kind, group, batch.subList(half, batch.size()), options, result);
        }
    }

    static String validate(MetadataRow row, String group, Map<String, MetadataFieldSchema> fields) {
        for (Map.Entry<String, Object> entry : row.values().entrySet()) {
            MetadataFieldSchema field = fields.get(entry.getKey());
            if (field == null) {
                return "field '" + entry.getKey() + "' is not defined in metadata group '" + group
                        + "' (define it in Data Mappings first)";
            }
            Object value = entry.getValue();
            String type = field.type() == null ? "" : field.type();
            if (value == null || type.isEmpty()) {
                continue;
            }
            boolean ok = switch (type) {
                case "string" -> value instanceof String;
                case "boolean" -> value instanceof Boolean;
                case "integer" ->
                    value instanceof Long
                            || value instanceof Integer
                            || value instanceof Short
                            || value instanceof Byte
                            || value instanceof java.math.BigInteger;
                case "float" -> value instanceof Number;
                case "time" -> value instanceof Instant || value instanceof Long || value instanceof Integer;
                default -> true;
            };
            if (!ok) {
                return "field '" + entry.getKey() + "' has Type '" + type + "' but the value is a "
                        + value.getClass().getSimpleName() + " (" + value + ")";
            }
        }
        return null;
    }

    /** A counter Pendo left out (or sent as a fraction) adds nothing; the answer's other members still count. */
    private static long counted(Long counter) {
        return counter == null ? 0 : counter;
    }

    private static Object wire(Object value) {
        return value instanceof Instant instant ? instant.toEpochMilli() : value;
    }

    private static final class Accumulator {
        long total;
        long updated;
        long failed;
        int requests;
        final List<String> missing = new ArrayList<>();
        final List<Object> errors = new ArrayList<>();
        final List<BulkUpdateReport.RejectedRow> rejected = new ArrayList<>();
    }
}
