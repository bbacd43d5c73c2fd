package io.github.pendoclient.sync;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.model.MetadataFieldSchema;
import io.github.pendoclient.model.MetadataSchema;
import io.github.pendoclient.resource.MetadataKind;
import io.github.pendoclient.sync.internal.FieldColumns;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gives {@code visitors} and {@code accounts} their typed metadata columns for a run (issue 26): reads Pendo's
 * metadata schema (one request), extends the table's recorded field columns with the fields that are new, records
 * them in the state file before the sink sees them, and returns the table with those columns. Fields marked
 * {@code isDeleted} get no new column; a field that has a column keeps it.
 */
final class MetadataTables {

    private MetadataTables() {}

    /**
     * The table a run writes.
     *
     * @param table the table as registered
     * @param client the client, to read the schema
     * @param state the state, where the field columns are kept
     * @param settings the run's settings
     * @return the table with its field columns, or the table itself when it has no metadata or the settings ask
     *     for the JSON column only
     * @throws IOException if the state file cannot be written
     */
    static Table resolve(Table table, PendoClient client, SyncState state, SyncOptions settings) throws IOException {
        Optional<String> kind = FieldColumns.kindOf(table.name());
        if (kind.isEmpty() || settings.metadataColumns() != MetadataColumns.TYPED) {
            return table;
        }
        MetadataSchema schema =
                client.metadata().schema(kind.get().equals("account") ? MetadataKind.ACCOUNT : MetadataKind.VISITOR);
        List<FieldColumns.Field> saved = state.fieldColumns(table.name());
        List<FieldColumns.Field> fields = FieldColumns.extend(saved, fixedNames(table), types(schema));
        if (!fields.equals(saved)) {
            state.putFieldColumns(table.name(), fields);
        }
        return FieldColumns.table(table, fields);
    }

    private static Set<String> fixedNames(Table table) {
        Set<String> names = new HashSet<>();
        table.columns().forEach(column -> names.add(column.name()));
        return names;
    }

    /** Group to field to schema type, of the fields not marked deleted. */
    static Map<String, Map<String, String>> types(MetadataSchema schema) {
        Map<String, Map<String, String>> types = new LinkedHashMap<>();
        schema.groups().forEach((group, fields) -> {
            if (fields == null) {
                return;
            }
            fields.forEach((field, definition) -> {
                if (definition != null && !Boolean.TRUE.equals(definition.isDeleted())) {
                    types.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(field, type(definition));
                }
            });
        });
        return types;
    }

    private static String type(MetadataFieldSchema definition) {
        return definition.type() == null ? "" : definition.type();
    }
}
