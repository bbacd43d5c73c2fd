package io.github.pendoclient.connect;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.aggregation.paging.TimeWindow;
import io.github.pendoclient.connect.internal.Offsets;
import io.github.pendoclient.connect.internal.TableSchemas;
import io.github.pendoclient.model.MetadataSchema;
import io.github.pendoclient.resource.MetadataKind;
import io.github.pendoclient.sync.Checkpoint;
import io.github.pendoclient.sync.MetadataColumns;
import io.github.pendoclient.sync.Table;
import io.github.pendoclient.sync.TableReader;
import io.github.pendoclient.sync.internal.FieldColumns;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * One table's state in a {@link PendoSourceTask}: where it stands, when it is due, its reader, and the Connect
 * schemas its records carry.
 *
 * <p>For {@code visitors} and {@code accounts} with {@code metadata.columns=typed}, the value schema has an optional
 * field per field of Pendo's metadata schema (see {@link FieldColumns}), read at the start of each cycle. A field
 * new in the schema adds an optional field at the end of the value schema, which is a compatible evolution: every
 * earlier field keeps its name and type. The fields behind the columns travel in each record's source offset, so
 * a task that restarts gives each field the same name.
 */
final class TableCycle {

    final Table declared;
    final Map<String, Object> partition;
    final String topic;
    Table table;
    TableSchemas schemas;
    List<FieldColumns.Field> fields = List.of();
    /** The fields as offset text, or null when there are none. */
    private String fieldsJson;

    Optional<Checkpoint> checkpoint = Optional.empty();
    Instant due = Instant.MIN;
    Instant started;
    TableReader reader;
    int failures;

    TableCycle(Table declared, Map<String, Object> partition, String topic) {
        this.declared = declared;
        this.table = declared;
        this.partition = new HashMap<>(partition);
        this.schemas = new TableSchemas(declared);
        this.topic = topic;
    }

    /**
     * Resumes from a committed offset: its checkpoint and its field columns.
     *
     * @param offset the offset, or null when none was committed
     */
    void resume(Map<String, Object> offset) {
        checkpoint = Offsets.checkpoint(offset, declared.cursorKind(), declared.name());
        useFields(Offsets.fieldColumns(offset));
    }

    /**
     * At the start of a cycle: reads the metadata schema and adds the fields that are new to the value schema.
     *
     * @param client the client
     * @param form typed value fields, or none
     */
    void refreshFields(PendoClient client, MetadataColumns form) {
        Optional<String> kind = FieldColumns.kindOf(declared.name());
        if (kind.isEmpty() || form != MetadataColumns.TYPED) {
            return;
        }
        MetadataSchema schema =
                client.metadata().schema(kind.get().equals("account") ? MetadataKind.ACCOUNT : MetadataKind.VISITOR);
        Set<String> fixed = new HashSet<>();
        declared.columns().forEach(column -> fixed.add(column.name()));
        useFields(FieldColumns.extend(fields, fixed, types(schema)));
    }

    private void useFields(List<FieldColumns.Field> next) {
        if (next.equals(fields)) {
            return;
        }
        fields = next;
        fieldsJson = next.isEmpty() ? null : Offsets.fieldColumnsText(next);
        table = FieldColumns.table(declared, next);
        schemas = new TableSchemas(table);
    }

    /** Group to field to schema type, of the fields not marked deleted. */
    private static Map<String, Map<String, String>> types(MetadataSchema schema) {
        Map<String, Map<String, String>> types = new LinkedHashMap<>();
        schema.groups().forEach((group, fields) -> {
            if (fields != null) {
                fields.forEach((field, definition) -> {
                    if (definition != null && !Boolean.TRUE.equals(definition.isDeleted())) {
                        types.computeIfAbsent(group, g -> new LinkedHashMap<>())
                                .put(field, definition.type() == null ? "" : definition.type());
                    }
                });
            }
        });
        return types;
    }

    /**
     * A record of a row.
     *
     * @param item the row, its checkpoint and window
     * @param appIds the connector's app ids, for the app id header when the row has none
     * @return the record
     */
    SourceRecord record(TableReader.Item item, List<Long> appIds) {
        Map<String, Object> row = item.row();
        ConnectHeaders headers = new ConnectHeaders();
        if (row.get("appId") instanceof Number appId) {
            headers.addLong(PendoSourceTask.HEADER_APP_ID, appId.longValue());
        } else if (appIds.size() == 1) {
            headers.addLong(PendoSourceTask.HEADER_APP_ID, appIds.get(0));
        }
        TimeWindow window = item.window();
        if (window != null) {
            headers.addString(PendoSourceTask.HEADER_WINDOW, window.start() + "/" + window.end());
        }
        Map<String, Object> offset =
                item.checkpoint().map(Offsets::offset).orElseGet(() -> Offsets.refreshing(started));
        if (fieldsJson != null) {
            offset.put(Offsets.FIELD_COLUMNS, fieldsJson);
        }
        return new SourceRecord(
                partition,
                offset,
                topic,
                null,
                schemas.keySchema(),
                schemas.key(row),
                schemas.valueSchema(),
                schemas.value(row),
                null,
                headers);
    }
}
