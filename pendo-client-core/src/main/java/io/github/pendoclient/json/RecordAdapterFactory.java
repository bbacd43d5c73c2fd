package io.github.pendoclient.json;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonQualifier;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes records in one pass. Members map to components by name ({@link Json#name()} renames); a
 * component marked {@link UnknownFields} receives every other member, and those are written back. Missing members
 * leave reference components null and primitive ones at their default.
 */
final class RecordAdapterFactory implements JsonAdapter.Factory {

    @Override
    public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
        if (!annotations.isEmpty() || !(type instanceof Class<?> raw) || !raw.isRecord()) {
            return null;
        }
        return new RecordAdapter<>(raw, moshi).nullSafe();
    }

    private static final class RecordAdapter<T> extends JsonAdapter<T> {
        private final Class<T> type;
        private final Moshi moshi;
        private final Constructor<T> constructor;
        private final String[] jsonNames;
        private final JsonAdapter<Object>[] adapters;
        private final Method[] accessors;
        private final Object[] defaults;
        private final JsonReader.Options options;
        private final int unknownIndex;
        private final Set<String> declaredNames;
        private final int[] optionToComponent;
        private final int firstAliasOption;
        private final String[] optionNames;

        @SuppressWarnings("unchecked")
        RecordAdapter(Class<T> type, Moshi moshi) {
            this.type = type;
            this.moshi = moshi;
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] parameterTypes = new Class<?>[components.length];
            jsonNames = new String[components.length];
            adapters = new JsonAdapter[components.length];
            accessors = new Method[components.length];
            defaults = new Object[components.length];
            int unknown = -1;
            Set<String> names = new LinkedHashSet<>();
            java.util.List<Integer> aliasTargets = new java.util.ArrayList<>();
            java.util.List<String> aliasNames = new java.util.ArrayList<>();
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
                    jsonNames[i] = null;
                    continue;
                }
                Json json = component.getAnnotation(Json.class);
                if (json != null && json.ignore()) {
                    jsonNames[i] = null;
                    continue;
                }
                jsonNames[i] = json != null && !Json.UNSET_NAME.equals(json.name()) ? json.name() : component.getName();
                names.add(jsonNames[i]);
                adapters[i] = moshi.adapter(component.getGenericType(), qualifiers(component));
                AlsoReads alsoReads = component.getAnnotation(AlsoReads.class);
                if (alsoReads != null) {
                    for (String alias : alsoReads.value()) {
                        aliasTargets.add(i);
                        aliasNames.add(alias);
                    }
                }
            }
            unknownIndex = unknown;
            declaredNames = Collections.unmodifiableSet(names);
            String[] optionNames = new String[names.size() + aliasNames.size()];
            optionToComponent = new int[optionNames.length];
            int option = 0;
            for (int i = 0; i < jsonNames.length; i++) {
                if (jsonNames[i] != null) {
                    optionNames[option] = jsonNames[i];
                    optionToComponent[option++] = i;
                }
            }
            firstAliasOption = option;
            for (int a = 0; a < aliasNames.size(); a++) {
                optionNames[option] = aliasNames.get(a);
                optionToComponent[option++] = aliasTargets.get(a);
            }
            this.optionNames = optionNames;
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
            boolean[] readByOwnName = null;
            reader.beginObject();
            while (reader.hasNext()) {
                int option = reader.selectName(options);
                if (option >= 0 && option < firstAliasOption) {
                    int index = optionToComponent[option];
                    if (readViaAlias != null && readViaAlias[index] != null) {
                        // The own name wins; the alias value read earlier is kept as an unknown member.
                        unknownFields = put(unknownFields, readViaAlias[index], values[index]);
                        readViaAlias[index] = null;
                    }
                    if (firstAliasOption < optionNames.length) {
                        if (readByOwnName == null) {
                            readByOwnName = new boolean[values.length];
                        }
                        readByOwnName[index] = true;
                    }
                    Object value = adapters[index].fromJson(reader);
                    if (value != null || !parameterIsPrimitive(index)) {
                        values[index] = value;
                    }
                    continue;
                }
                if (option >= firstAliasOption) {
                    int index = optionToComponent[option];
                    String alias = optionNames[option];
                    if (readByOwnName != null && readByOwnName[index]
                            || readViaAlias != null && readViaAlias[index] != null) {
                        unknownFields = put(unknownFields, alias, JsonValues.read(reader));
                        continue;
                    }
                    if (readViaAlias == null) {
                        readViaAlias = new String[values.length];
                    }
                    readViaAlias[index] = alias;
                    Object value = adapters[index].fromJson(reader);
                    if (value != null || !parameterIsPrimitive(index)) {
                        values[index] = value;
                    }
                    continue;
                }
                String name = reader.nextName();
                if (unknownIndex >= 0) {
                    unknownFields = put(unknownFields, name, JsonValues.read(reader));
                } else {
                    reader.skipValue();
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
                throw new JsonDataException("Could not create " + type.getSimpleName() + " at path "
                        + reader.getPath() + ": " + cause.getMessage(), cause);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot instantiate " + type.getName(), e);
            }
        }

        private Map<String, Object> put(Map<String, Object> unknownFields, String name, Object value) {
            if (unknownIndex < 0) {
                return unknownFields;
            }
            Map<String, Object> map = unknownFields == null ? new LinkedHashMap<>() : unknownFields;
            map.put(name, value);
            return map;
        }

        private boolean parameterIsPrimitive(int index) {
            return defaults[index] != null;
        }

        @Override
        public void toJson(JsonWriter writer, T value) throws IOException {
            // A null component is written as absent; inside present values, nulls are kept (Pendo gives
            // {"visitors": null} a meaning), and so are unknown members that were null.
            boolean serializeNulls = writer.getSerializeNulls();
            writer.beginObject();
            writer.setSerializeNulls(true);
            try {
                for (int i = 0; i < accessors.length; i++) {
                    Object component = jsonNames[i] == null ? null : invoke(accessors[i], value);
                    if (component != null) {
                        writer.name(jsonNames[i]);
                        adapters[i].toJson(writer, component);
                    }
                }
                if (unknownIndex >= 0) {
                    Map<?, ?> unknownFields = (Map<?, ?>) invoke(accessors[unknownIndex], value);
                    if (unknownFields != null) {
                        for (Map.Entry<?, ?> entry : unknownFields.entrySet()) {
                            String name = String.valueOf(entry.getKey());
                            if (!declaredNames.contains(name)) {
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
            return "JsonAdapter(" + type.getName() + ")";
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
