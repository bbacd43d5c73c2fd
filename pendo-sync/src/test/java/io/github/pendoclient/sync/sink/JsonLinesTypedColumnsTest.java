package io.github.pendoclient.sync.sink;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.sync.Column;
import io.github.pendoclient.sync.ColumnType;
import io.github.pendoclient.sync.Table;
import io.github.pendoclient.sync.internal.FieldColumns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed metadata columns in JSON Lines: each line is the row as Pendo sent it plus the member {@code _columns} with
 * the typed fields (timestamps as ISO-8601 text). The file appends, so a key's last line is its current row.
 */
class JsonLinesTypedColumnsTest extends TypedColumnsContract {

    @Override
    String kind() {
        return "jsonl";
    }

    @Override
    String location() {
        return dir.resolve("jsonl").toString();
    }

    @Override
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> read(Table table) throws Exception {
        Path file = Path.of(location()).resolve(table.name() + ".jsonl");
        Map<Object, Map<String, Object>> byKey = new LinkedHashMap<>();
        for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Map<String, Object> line = new LinkedHashMap<>((Map<String, Object>) JsonValues.parse(text));
            Map<String, Object> typed = (Map<String, Object>) line.remove(JsonLinesSink.FIELD_COLUMNS);
            Map<String, Object> row = new LinkedHashMap<>();
            for (Column column : table.columns()) {
                Object value;
                if (FieldColumns.isField(column)) {
                    value = typed == null ? null : typed.get(column.name());
                    if (value != null && column.type() == ColumnType.TIMESTAMP) {
                        value = Instant.parse((String) value).toEpochMilli();
                    } else if (value != null && column.type() == ColumnType.DOUBLE) {
                        value = ((Number) value).doubleValue(); // JSON writes 2.0 as 2
                    }
                } else {
                    value = SinkContract.canonical(column.type(), column.value().apply(line));
                }
                row.put(column.name(), value);
            }
            byKey.put(row.get(table.primaryKey().get(0)), row);
        }
        return new ArrayList<>(byKey.values());
    }
}
