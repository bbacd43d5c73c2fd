package io.github.pendoclient.sync.internal;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.sync.Column;
import io.github.pendoclient.sync.ColumnType;
import io.github.pendoclient.sync.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One typed column per field of Pendo's metadata schema (issue 26), for the tables whose rows carry metadata
 * ({@code visitors}, {@code accounts}).
 *
 * <p>A field {@code <group>/<field>} becomes the column {@code <group>_<field>}, sanitised: lower-cased, every run
 * of characters other than {@code a-z} and {@code 0-9} replaced by one {@code _}, leading and trailing {@code _}
 * dropped, {@code f_} put in front of a name that would start with a digit (or be empty), and cut to
 * {@value #MAX_NAME} characters. A name already taken (by a fixed column of the table, by a field mapped before,
 * or by another field of the same schema) gets the first free suffix {@code _2}, {@code _3}, ...; the new fields of
 * a schema are named in the order of their group, then their name, so the names do not depend on the order Pendo
 * sends them in.
 *
 * <p>The mapping is kept (in pendo-sync's state file, in the connector's source offsets) and only ever extended:
 * a field keeps its column and its column type for good, whatever the schema says later, so a name never moves to
 * another field. A field whose type changes keeps its column, whose type then decides the lossless conversion of
 * the value ({@link Lossless}); a field Pendo deletes keeps its column.
 */
public final class FieldColumns {

    /** The longest name made from a field, leaving room for a suffix within PostgreSQL's 63 bytes. */
    public static final int MAX_NAME = 56;

    /** Column names the sinks use themselves, never given to a field. */
    private static final Set<String> SINK_NAMES = Set.of("pendo_sync_seq");

    private FieldColumns() {}

    /**
     * A metadata field and its column.
     *
     * @param group the schema group ({@code agent}, {@code custom}, ...)
     * @param field the field's name in the group
     * @param column the column name
     * @param type the column's type, fixed when the column was first added
     */
    public record Field(String group, String field, String column, ColumnType type) {

        /**
         * Checks the parts.
         *
         * @param group the group
         * @param field the field
         * @param column the column name
         * @param type the column type
         */
        public Field {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * Reads a field's value from a row's {@code metadata} and converts it to the column's type without loss (null
     * otherwise). Sinks that treat field columns apart (JSON Lines) recognise them by this value function.
     *
     * @param group the group
     * @param field the field
     * @param type the column type
     */
    public record FieldValue(String group, String field, ColumnType type)
            implements Function<Map<String, Object>, Object> {

        @Override
        public Object apply(Map<String, Object> row) {
            Object value =
                    row.get("metadata") instanceof Map<?, ?> metadata && metadata.get(group) instanceof Map<?, ?> fields
                            ? fields.get(field)
                            : null;
            if (value == null) {
                return null;
            }
            return switch (type) {
                case TEXT -> Lossless.text(value);
                case BIGINT, TIMESTAMP -> Lossless.whole(value);
                case DOUBLE -> Lossless.decimal(value);
                case BOOLEAN -> Lossless.flag(value);
                case JSON -> value;
            };
        }
    }

    /**
     * The metadata kind of a table whose rows carry metadata.
     *
     * @param table the table name
     * @return {@code visitor} for {@code visitors}, {@code account} for {@code accounts}, empty for other tables
     */
    public static Optional<String> kindOf(String table) {
        return switch (table) {
            case "visitors" -> Optional.of("visitor");
            case "accounts" -> Optional.of("account");
            default -> Optional.empty();
        };
    }

    /**
     * The column type of a schema type: {@code string} text, {@code integer} bigint, {@code float} and
     * {@code number} double, {@code boolean} boolean, {@code time} and {@code date} a timestamp (Pendo sends epoch
     * milliseconds); {@code list}, {@code object}, an empty type and any other JSON, which loses nothing.
     *
     * @param schemaType the schema's {@code Type}, or null
     * @return the column type
     */
    public static ColumnType typeOf(String schemaType) {
        String type = schemaType == null ? "" : schemaType.trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "string", "text" -> ColumnType.TEXT;
            case "integer", "int", "long" -> ColumnType.BIGINT;
            case "float", "number", "double" -> ColumnType.DOUBLE;
            case "boolean", "bool" -> ColumnType.BOOLEAN;
            case "time", "date", "datetime", "timestamp" -> ColumnType.TIMESTAMP;
            default -> ColumnType.JSON;
        };
    }

    /**
     * The column name of a field before collisions are resolved.
     *
     * @param group the group
     * @param field the field
     * @return a lower snake_case name of at most {@value #MAX_NAME} characters
     */
    public static String sanitise(String group, String field) {
        String name = (group + "_" + field)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            name = "f_" + name;
        }
        if (name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME).replaceAll("_+$", "");
        }
        return name;
    }

    /**
     * The mapping extended with the schema's new fields.
     *
     * @param saved the mapping so far, in order; kept as it is
     * @param fixed the table's fixed column names, never given to a field
     * @param schema group to field to schema type, of the fields that exist now
     * @return the saved fields, then the new ones, named and typed; equal to {@code saved} when nothing is new
     */
    public static List<Field> extend(List<Field> saved, Set<String> fixed, Map<String, Map<String, String>> schema) {
        List<Field> all = new ArrayList<>(saved);
        Set<String> taken = new HashSet<>(fixed);
        taken.addAll(SINK_NAMES);
        Set<List<String>> known = new HashSet<>();
        for (Field field : saved) {
            taken.add(field.column());
            known.add(List.of(field.group(), field.field()));
        }
        Map<String, Map<String, String>> sorted = new TreeMap<>();
        schema.forEach((group, fields) -> sorted.put(group, new TreeMap<>(fields)));
        sorted.forEach((group, fields) -> fields.forEach((field, type) -> {
            if (known.add(List.of(group, field))) {
                String base = sanitise(group, field);
                String name = base;
                for (int suffix = 2; !taken.add(name); suffix++) {
                    name = base + "_" + suffix;
                }
                all.add(new Field(group, field, name, typeOf(type)));
            }
        }));
        return List.copyOf(all);
    }

    /**
     * The table with a column for each field after its own columns.
     *
     * @param base the table as declared
     * @param fields the mapping
     * @return the table the sink writes
     */
    public static Table table(Table base, List<Field> fields) {
        if (fields.isEmpty()) {
            return base;
        }
        List<Column> columns = new ArrayList<>(base.columns());
        for (Field field : fields) {
            columns.add(new Column(
                    field.column(), field.type(), new FieldValue(field.group(), field.field(), field.type())));
        }
        return new Table(base.name(), columns, base.primaryKey(), base.source());
    }

    /**
     * Whether a column is a metadata field's.
     *
     * @param column a column
     * @return true for a column made by {@link #table}
     */
    public static boolean isField(Column column) {
        return column.value() instanceof FieldValue;
    }

    /**
     * The mapping as JSON values, for a state file or a source offset.
     *
     * @param fields the mapping
     * @return a list of objects with {@code group}, {@code field}, {@code column} and {@code type}
     */
    public static List<Object> toJson(List<Field> fields) {
        List<Object> json = new ArrayList<>();
        for (Field field : fields) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("group", field.group());
            entry.put("field", field.field());
            entry.put("column", field.column());
            entry.put("type", field.type().name());
            json.add(entry);
        }
        return json;
    }

    /**
     * The mapping from its JSON values.
     *
     * @param json what {@link #toJson} wrote, or null
     * @return the mapping, empty for null
     * @throws IllegalArgumentException if the JSON is not a mapping
     */
    public static List<Field> fromJson(Object json) {
        if (json == null) {
            return List.of();
        }
        if (!(json instanceof List<?> list)) {
            throw new IllegalArgumentException("the metadata columns are not a list: " + json);
        }
        List<Field> fields = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> entry)
                    || !(entry.get("group") instanceof String group)
                    || !(entry.get("field") instanceof String field)
                    || !(entry.get("column") instanceof String column)
                    || !(entry.get("type") instanceof String type)) {
                throw new IllegalArgumentException("not a metadata column: " + item);
            }
            fields.add(new Field(group, field, column, ColumnType.valueOf(type)));
        }
        return List.copyOf(fields);
    }

    /**
     * The mapping as JSON text, for a Kafka Connect source offset (a flat map of strings and numbers).
     *
     * @param fields the mapping
     * @return the JSON text of {@link #toJson}
     */
    public static String toText(List<Field> fields) {
        return JsonValues.toJson(toJson(fields));
    }

    /**
     * The mapping from {@link #toText}.
     *
     * @param text the JSON text
     * @return the mapping
     * @throws IllegalArgumentException if the text is not a mapping
     */
    public static List<Field> fromText(String text) {
        try {
            return fromJson(JsonValues.parse(text));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the metadata columns are not readable: " + e.getMessage(), e);
        }
    }
}
