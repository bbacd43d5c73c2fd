package io.github.pendoclient.connect.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.github.pendoclient.sync.Column;
import io.github.pendoclient.sync.ColumnType;
import io.github.pendoclient.sync.Table;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;

/**
 * A table's Connect schemas, derived from its declaration in the sync engine's registry, and its rows as Structs.
 *
 * <p>The value has one optional field per column: {@code TEXT} as a string, {@code BIGINT} as int64, {@code DOUBLE}
 * as float64, {@code BOOLEAN} as boolean, {@code TIMESTAMP} as Connect's {@link Timestamp} logical type, and
 * {@code JSON} (metadata groups, the whole row as {@code raw}) as compact JSON text, so nothing the API sent is
 * lost, members the declaration does not name included. The key has the primary-key columns, in key order.
 */
public final class TableSchemas {

    private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

    private final Table table;
    private final Schema keySchema;
    private final Schema valueSchema;
    private final Map<String, Column> columns = new HashMap<>();

    /**
     * Derives the schemas.
     *
     * @param table the table declaration
     */
    public TableSchemas(Table table) {
        this.table = table;
        String base = "io.github.pendoclient.connect." + table.name();
        SchemaBuilder value = SchemaBuilder.struct().name(base + ".Value").optional();
        for (Column column : table.columns()) {
            columns.put(column.name(), column);
            value.field(column.name(), fieldSchema(column.type()));
        }
        this.valueSchema = value.build();
        SchemaBuilder key = SchemaBuilder.struct().name(base + ".Key");
        for (String name : table.primaryKey()) {
            key.field(name, fieldSchema(columns.get(name).type()));
        }
        this.keySchema = key.build();
    }

    /**
     * The Connect schema of a column type.
     *
     * @param type the column type
     * @return an optional schema
     */
    static Schema fieldSchema(ColumnType type) {
        switch (type) {
            case TEXT:
            case JSON:
                return Schema.OPTIONAL_STRING_SCHEMA;
            case BIGINT:
                return Schema.OPTIONAL_INT64_SCHEMA;
            case DOUBLE:
                return Schema.OPTIONAL_FLOAT64_SCHEMA;
            case BOOLEAN:
                return Schema.OPTIONAL_BOOLEAN_SCHEMA;
            case TIMESTAMP:
                return Timestamp.builder().optional().build();
            default:
                throw new IllegalArgumentException("No Connect schema for column type " + type);
        }
    }

    /**
     * The key schema.
     *
     * @return a struct of the primary-key columns
     */
    public Schema keySchema() {
        return keySchema;
    }

    /**
     * The value schema.
     *
     * @return a struct of every column
     */
    public Schema valueSchema() {
        return valueSchema;
    }

    /**
     * A row's key.
     *
     * @param row the row as the API returned it
     * @return the key struct
     */
    public Struct key(Map<String, Object> row) {
        Struct key = new Struct(keySchema);
        for (String name : table.primaryKey()) {
            Column column = columns.get(name);
            key.put(name, convert(column.type(), column.value().apply(row)));
        }
        return key;
    }

    /**
     * A row's value.
     *
     * @param row the row as the API returned it
     * @return the value struct
     */
    public Struct value(Map<String, Object> row) {
        Struct value = new Struct(valueSchema);
        List<Column> all = table.columns();
        for (Column column : all) {
            value.put(column.name(), convert(column.type(), column.value().apply(row)));
        }
        return value;
    }

    static Object convert(ColumnType type, Object value) {
        if (value == null) {
            return null;
        }
        switch (type) {
            case TEXT:
                return value.toString();
            case JSON:
                return JSON.toJson(value);
            case BIGINT:
                return ((Number) value).longValue();
            case DOUBLE:
                return ((Number) value).doubleValue();
            case BOOLEAN:
                return value;
            case TIMESTAMP:
                return new Date(((Number) value).longValue());
            default:
                throw new IllegalArgumentException("No Connect value for column type " + type);
        }
    }
}
