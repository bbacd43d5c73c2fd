package io.github.pendoclient.internal.json;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonQualifier;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import io.github.pendoclient.internal.Copies;
import io.github.pendoclient.json.AlsoReads;
import io.github.pendoclient.json.UnknownFields;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes records in one pass. Members map to components by name ({@link Json#name()} renames,
 * {@link AlsoReads} adds names to read from); a component marked {@link UnknownFields} receives every other member,
 * and those are written back. Missing members leave reference components null and primitive ones at their default.
 *
 * <p>Lenient (the default): a declared member whose JSON type differs never fails the parse. It is converted when
 * nothing is lost (see {@link ComponentReader}); otherwise the component stays empty and the raw value is kept in
 * the unknown fields under the member's name, and the first such value of each field is logged at DEBUG with its
 * JSON path. A value kept that way is written back in place of the empty component. Strict: such a value is a
 * {@link JsonDataException} naming the path.
 */
final class RecordAdapterFactory implements JsonAdapter.Factory {

    private static final Logger LOG = LoggerFactory.getLogger("io.github.pendoclient.json.Binding");

    private final boolean strict;

    RecordAdapterFactory(boolean strict) {
        this.strict = strict;
    }

    @Override
    public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
        if (!annotations.isEmpty() || !(type instanceof Class<?> raw) || !raw.isRecord()) {
            return null;
        }
        try {
            return new RecordAdapter<>(raw, moshi, strict).nullSafe();
        } catch (InaccessibleObjectException closed) {
            Module module = raw.getModule();
            throw new IllegalArgumentException(
                    "Cannot read JSON into the record " + raw.getName() + ": its module "
                            + module.getName() + " does not export or open package " + raw.getPackageName() + " to "
                            + RecordAdapterFactory.class.getModule().getName()
                            + ". Make the record public and add \"exports "
                            + raw.getPackageName()
                            + " to io.github.pendoclient;\" (or \"opens\") to its module-info.java.",
                    closed);
        }
    }

    private static final class RecordAdapter<T> extends JsonAdapter<T> {
        private final Class<T> type;
        private final Moshi moshi;
        private final boolean strict;
        private final Constructor<T> constructor;
        private final String[] jsonNames;
        private final JsonAdapter<Object>[] adapters;
        private final ComponentReader[] readers;
        private final Method[] accessors;
        private final Object[] defaults;
        private final JsonReader.Options options;
        private final String[] optionNames;
        private final int[] optionToComponent;
        private final int firstAliasOption;
        private final int unknownIndex;
        private final Map<String, Integer> componentByName;
        private final Set<String> loggedFields = ConcurrentHashMap.newKeySet();

        @SuppressWarnings("unchecked")
        RecordAdapter(Class<T> type, Moshi moshi, boolean strict) {
            this.type = type;
            this.moshi = moshi;
            this.strict = strict;
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] parameterTypes = new Class<?>[components.length];
            jsonNames = new String[components.length];
            adapters = (JsonAdapter<Object>[]) new JsonAdapter<?>[components.length];
            readers = new ComponentReader[components.length];
            accessors = new Method[components.length];
            defaults = new Object[components.length];
            int unknown = -1;
            Map<String, Integer> byName = new LinkedHashMap<>();
            List<Integer> aliasTargets = new ArrayList<>();
            List<String> aliasNames = new ArrayList<>();
            for (int i = 0; i < components.length; i++) {
                RecordComponent component = components[i];
                parameterTypes[i] = component.getType();
                accessors[i] = component.getAccessor();
                accessors[i].setAccessible(true);
                defaults[i] = defaultValue(component.getType());
                if (component.isAnnotationPresent(UnknownFields.class)) {
                    if (!Map.class.isAssignableFrom(component.getType())) {
                        throw new IllegalArgumentException("@UnknownFields on " + type.getName() + "."
                                + component.getName() + " must be a Map<String, Object>");
                    }
                    unknown = i;
                    continue;
                }
                Json json = component.getAnnotation(Json.class);
                if (json != null && json.ignore()) {
                    continue;
                }
                jsonNames[i] = json != null && !Json.UNSET_NAME.equals(json.name()) ? json.name() : component.getName();
                byName.put(jsonNames[i], i);
                Set<? extends Annotation> qualifiers = qualifiers(component);
                adapters[i] = moshi.adapter(component.getGenericType(), qualifiers);
                readers[i] = qualifiers.isEmpty()
                        ? new ComponentReader(component.getGenericType(), adapters[i], strict)
                        : null;
                AlsoReads alsoReads = component.getAnnotation(AlsoReads.class);
                if (alsoReads != null) {
                    for (String alias : alsoReads.value()) {
                        aliasTargets.add(i);
                        aliasNames.add(alias);
                    }
                }
            }
            unknownIndex = unknown;
            componentByName = Collections.unmodifiableMap(new HashMap<>(byName));
            optionNames = new String[byName.size() + aliasNames.size()];
            optionToComponent = new int[optionNames.length];
            int option = 0;
            for (Map.Entry<String, Integer> entry : byName.entrySet()) {
                optionNames[option] = entry.getKey();
                optionToComponent[option++] = entry.getValue();
            }
            firstAliasOption = option;
            for (int a = 0; a < aliasNames.size(); a++) {
                optionNames[option] = aliasNames.get(a);
                optionToComponent[option++] = aliasTargets.get(a);
            }
            options = JsonReader.Options.of(optionNames);
            try {
                constructor = type.getDeclaredConstructor(parameterTypes);
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalArgumentException("No canonical constructor on record " + type.getName(), e);
            }
        }

        private static Set<? extends Annotation> qualifiers(RecordComponent component) {
            Set<Annotation> result = new LinkedHashSet<>();
            for (Annotation annotation : component.getAnnotations()) {
                if (annotation.annotationType().isAnnotationPresent(JsonQualifier.class)) {
                    result.add(annotation);
                }
            }
            return result;
        }

        @Override
        public T fromJson(JsonReader reader) throws IOException {
            Object[] values = defaults.clone();
            Map<String, Object> unknownFields = null;
            String[] readViaAlias = null;
            // Which components were read under their own name, only tracked when the record has aliases: a bit
            // each for the first 64 (no allocation per row), an array beyond.
            long readByOwnNameBits = 0;
            boolean[] readByOwnName = null;
            reader.beginObject();
            while (reader.hasNext()) {
                int option = reader.selectName(options);
                if (option < 0) {
                    String name = reader.nextName();
                    if (unknownIndex >= 0) {
                        unknownFields = put(unknownFields, name, JsonValues.read(reader));
                    } else {
                        reader.skipValue();
                    }
                    continue;
                }
                int index = optionToComponent[option];
                String name = optionNames[option];
                if (option < firstAliasOption) {
                    if (readViaAlias != null && readViaAlias[index] != null) {
                        // The own name wins; the value read under the other name is kept as an unknown member.
                        unknownFields = put(unknownFields, readViaAlias[index], values[index]);
                        values[index] = defaults[index];
                        readViaAlias[index] = null;
                    }
                    if (firstAliasOption < optionNames.length) {
                        if (index < Long.SIZE) {
                            readByOwnNameBits |= 1L << index;
                        } else {
                            if (readByOwnName == null) {
                                readByOwnName = new boolean[values.length];
                            }
                            readByOwnName[index] = true;
                        }
                    }
                } else {
                    boolean ownNameRead = index < Long.SIZE
                            ? (readByOwnNameBits & 1L << index) != 0
                            : readByOwnName != null && readByOwnName[index];
                    if (ownNameRead || readViaAlias != null && readViaAlias[index] != null) {
                        unknownFields = put(unknownFields, name, JsonValues.read(reader));
                        continue;
                    }
                    if (readViaAlias == null) {
                        readViaAlias = new String[values.length];
                    }
                    readViaAlias[index] = name;
                }
                Object value = readers[index] != null ? readers[index].read(reader) : adapters[index].fromJson(reader);
                if (value instanceof ComponentReader.Kept kept) {
                    if (kept.typeDiffers()) {
                        differs(reader, name, kept);
                    }
                    unknownFields = put(unknownFields, name, kept.raw());
                    if (readViaAlias != null && name.equals(readViaAlias[index])) {
                        readViaAlias[index] = null;
                    }
                } else if (value != null || defaults[index] == null) {
                    values[index] = value;
                }
            }
            reader.endObject();
            if (unknownIndex >= 0) {
                values[unknownIndex] = unknownFields == null ? Map.of() : Collections.unmodifiableMap(unknownFields);
            }
            try {
                return constructor.newInstance(values);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                throw new JsonDataException(
                        "Could not create " + type.getSimpleName() + " at path " + reader.getPath() + ": "
                                + cause.getMessage(),
                        cause);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot instantiate " + type.getName(), e);
            } finally {
                // A map the constructor did not take (a record that keeps its maps as given) is copied from now on.
                for (Object value : values) {
                    if (value instanceof Copies.Handoff<?, ?> handoff) {
                        handoff.spend();
                    }
                }
            }
        }

        private void differs(JsonReader reader, String name, ComponentReader.Kept kept) {
            String message = "Expected " + kept.expected() + " but was " + ComponentReader.jsonTypeOf(kept.raw())
                    + " at path " + reader.getPath();
            if (strict) {
                throw new JsonDataException(message);
            }
            if (loggedFields.add(name) && LOG.isDebugEnabled()) {
                LOG.debug(
                        "{}.{}: {}; the raw value is kept in unknownFields().get(\"{}\") (logged once per field)",
                        type.getSimpleName(),
                        name,
                        message,
                        name);
            }
        }

        private Map<String, Object> put(Map<String, Object> unknownFields, String name, Object value) {
            if (unknownIndex < 0) {
                return unknownFields;
            }
            if (value instanceof Copies.Handoff<?, ?> handoff) {
                handoff.spend(); // kept as an unknown member, not handed to the constructor
            }
            Map<String, Object> map = unknownFields == null ? new LinkedHashMap<>() : unknownFields;
            map.put(name, value);
            return map;
        }

        @Override
        public void toJson(JsonWriter writer, T value) throws IOException {
            // A null component is written as absent, or as the raw value kept for it; inside present values, nulls
            // are kept (Pendo gives {"visitors": null} a meaning), and so are unknown members that were null.
            boolean serializeNulls = writer.getSerializeNulls();
            writer.beginObject();
            writer.setSerializeNulls(true);
            try {
                boolean[] written = new boolean[accessors.length];
                for (int i = 0; i < accessors.length; i++) {
                    Object component = jsonNames[i] == null ? null : invoke(accessors[i], value);
                    if (component != null) {
                        writer.name(jsonNames[i]);
                        adapters[i].toJson(writer, component);
                        written[i] = true;
                    }
                }
                if (unknownIndex >= 0) {
                    Map<?, ?> unknownFields = (Map<?, ?>) invoke(accessors[unknownIndex], value);
                    if (unknownFields != null) {
                        for (Map.Entry<?, ?> entry : unknownFields.entrySet()) {
                            String name = String.valueOf(entry.getKey());
                            Integer declared = componentByName.get(name);
                            if (declared == null || !written[declared]) {
                                writer.name(name);
                                JsonValues.write(writer, entry.getValue(), moshi);
                            }
                        }
                    }
                }
            } finally {
                writer.setSerializeNulls(serializeNulls);
            }
            writer.endObject();
        }

        private static Object invoke(Method accessor, Object target) {
            try {
                return accessor.invoke(target);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + accessor, e);
            }
        }

        @Override
        public String toString() {
            return "JsonAdapter(" + type.getName() + (strict ? ", strict" : "") + ")";
        }
    }

    private static Object defaultValue(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        return 0;
    }
}
