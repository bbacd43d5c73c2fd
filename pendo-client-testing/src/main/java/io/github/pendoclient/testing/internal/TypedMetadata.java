package io.github.pendoclient.testing.internal;

import io.github.pendoclient.testing.MetadataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The metadata fields a generated dataset types on top of its built-in ones: what its schema declares, the values
 * generated for them, and the built-in fields taken out. A field's value depends only on the seed, the row's index
 * and the field's kind, group and name, so adding, retyping or removing one field leaves every other value as it
 * was.
 *
 * <p>About one value in twenty-three disagrees with the schema, as real subscriptions send (API reference §7.10): a
 * numeric string for a {@code float}, {@code integer} or {@code time} field, {@code "true"}/{@code "false"} for a
 * {@code boolean}, a number for a {@code string}, one string for a {@code list} and JSON text for an
 * {@code object}; about one in twenty-nine is {@code null}. Not thread-safe while it changes; read-only afterwards.
 */
public final class TypedMetadata {

    /** One typed field. */
    record Field(String kind, String group, String name, MetadataType type, boolean generated) {}

    private static final long DAY = 86_400_000L;
    private static final String[] WORDS = {"alpha", "beta", "gamma", "delta", "omega", "sigma"};

    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final Set<String> removed = new LinkedHashSet<>();

    /** No typed fields: the generator's built-in metadata only. */
    public TypedMetadata() {}

    /** Adds the fixture: every type in the groups agent, custom, salesforce, hubspot, and auto's built-in fields. */
    public void addFixture() {
        generate(
                "visitor",
                "agent",
                "department:string score:float logins:integer is_admin:boolean"
                        + " signup_date:time tags:list preferences:object");
        generate(
                "visitor",
                "custom",
                "plan:string mrr:float seats_used:integer trial:boolean renewal_date:time"
                        + " modules:list billing:object");
        generate(
                "visitor",
                "salesforce",
                "lead_source:string lead_score:float opportunities:integer"
                        + " is_customer:boolean last_activity:time");
        generate(
                "visitor",
                "hubspot",
                "lifecycle_stage:string hs_score:float email_opens:integer"
                        + " subscribed:boolean last_contacted:time lists:list properties:object");
        declare("visitor", "salesforce", "contact_id:string");
        declare(
                "visitor",
                "auto",
                "accountid:string idhash:integer lastbrowsername:string" + " lastoperatingsystem:string");
        generate(
                "account",
                "agent",
                "industry:string health:float employees:integer is_partner:boolean"
                        + " contract_end:time regions:list address:object");
        generate("account", "custom", "arr:float tier:string");
        generate("account", "salesforce", "account_id:string open_cases:integer");
        generate("account", "hubspot", "company_score:float last_contacted:time");
        declare("account", "auto", "id:string idhash:integer");
    }

    private void generate(String kind, String group, String specs) {
        add(kind, group, specs, true);
    }

    private void declare(String kind, String group, String specs) {
        add(kind, group, specs, false);
    }

    private void add(String kind, String group, String specs, boolean generated) {
        for (String spec : specs.split(" ")) {
            String[] parts = spec.split(":");
            MetadataType type = MetadataType.fromPendoName(parts[1]).orElseThrow();
            fields.put(key(kind, group, parts[0]), new Field(kind, group, parts[0], type, generated));
        }
    }

    /** Adds a field, or gives it another type, with generated values of that type. */
    public void put(String kind, String group, String name, MetadataType type) {
        String key = key(kind, group, name);
        removed.remove(key);
        fields.put(key, new Field(kind, group, name, type, true));
    }

    /** Takes a field out of the schema and out of the rows, typed or built in. */
    public void remove(String kind, String group, String name) {
        String key = key(kind, group, name);
        fields.remove(key);
        removed.add(key);
    }

    /** An independent copy. */
    public TypedMetadata copy() {
        TypedMetadata copy = new TypedMetadata();
        copy.fields.putAll(fields);
        copy.removed.addAll(removed);
        return copy;
    }

    /** The typed fields of a kind, in the order they were added: {@code {group, name, Type}} each. */
    public List<String[]> schema(String kind) {
        List<String[]> out = new ArrayList<>();
        fields.values().stream()
                .filter(field -> field.kind.equals(kind))
                .forEach(field -> out.add(new String[] {field.group, field.name, field.type.pendoName()}));
        return out;
    }

    /** The fields taken out of a kind: {@code {group, name}} each. */
    public List<String[]> removed(String kind) {
        List<String[]> out = new ArrayList<>();
        for (String key : removed) {
            String[] parts = key.split("\u0000");
            if (parts[0].equals(kind)) {
                out.add(new String[] {parts[1], parts[2]});
            }
        }
        return out;
    }

    /**
     * Puts the generated values into a row's metadata and takes the removed fields out.
     *
     * @param metadata the row's groups, changed in place
     * @param kind {@code visitor} or {@code account}
     * @param seed the dataset's seed
     * @param index the row's index
     * @param endDay the end of the generated days, epoch milliseconds
     * @param identified whether to generate values (anonymous visitors get none)
     */
    public void fill(
            Map<String, Map<String, Object>> metadata,
            String kind,
            long seed,
            int index,
            long endDay,
            boolean identified) {
        for (String key : removed) {
            String[] parts = key.split("\u0000");
            Map<String, Object> group = parts[0].equals(kind) ? metadata.get(parts[1]) : null;
            if (group != null) {
                group.remove(parts[2]);
            }
        }
        if (!identified) {
            return;
        }
        for (Field field : fields.values()) {
            if (field.generated && field.kind.equals(kind)) {
                metadata.computeIfAbsent(field.group, g -> new LinkedHashMap<>())
                        .put(field.name, value(field, seed, index, endDay));
            }
        }
    }

    private static Object value(Field field, long seed, int index, long endDay) {
        long hash = seed * 0x9E3779B97F4A7C15L + index;
        hash = hash * 31 + (field.kind + "." + field.group + "." + field.name).hashCode();
        SplittableRandom random = new SplittableRandom(hash);
        int pick = random.nextInt(23 * 29);
        boolean disagrees = pick % 23 == 0;
        if (pick % 29 == 1) {
            return null;
        }
        String word = WORDS[random.nextInt(WORDS.length)];
        long whole = random.nextInt(10_000);
        return switch (field.type) {
            case STRING -> disagrees ? (Object) whole : word + "-" + whole % 7;
            case NUMBER -> disagrees ? Long.toString(whole) : (whole + 0.25) / 4;
            case INTEGER -> disagrees ? Long.toString(whole) : (Object) whole;
            case BOOLEAN -> disagrees ? Boolean.toString(whole % 2 == 0) : (Object) (whole % 2 == 0);
            case TIME -> {
                long time = endDay - (1 + random.nextInt(700)) * DAY + random.nextInt((int) DAY);
                yield disagrees ? Long.toString(time) : (Object) time;
            }
            case LIST -> disagrees ? word : List.of(word, WORDS[(int) (whole % WORDS.length)]);
            case OBJECT -> disagrees ? "{\"name\":\"" + word + "\"}" : Shapes.ordered("name", word, "count", whole);
        };
    }

    private static String key(String kind, String group, String name) {
        return kind + "\u0000" + group + "\u0000" + name;
    }

    /** For a readable {@code toString()} in test failures. */
    @Override
    public String toString() {
        return "TypedMetadata"
                + fields.keySet().stream().map(k -> k.replace('\u0000', '.')).toList() + ", removed "
                + removed.stream().map(k -> k.replace('\u0000', '.')).toList();
    }
}
