package io.github.pendoclient.testsupport;

import com.squareup.moshi.Json;
import io.github.pendoclient.json.AlsoReads;
import io.github.pendoclient.json.UnknownFields;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds JSON members that a bound record lets the user reach neither through an accessor nor through its unknown
 * fields, recursing into nested records and lists of records.
 */
public final class FieldCoverage {

    private FieldCoverage() {}

    /**
     * The members of {@code json} lost by {@code bound}.
     *
     * @param json the JSON object as read untyped
     * @param bound the record read from it
     * @param path where the object is, for messages
     * @return one path per lost member; empty when nothing is lost
     */
    public static List<String> lost(Map<?, ?> json, Object bound, String path) {
        List<String> lost = new ArrayList<>();
        check(json, bound, path, lost);
        return lost;
    }

    private static void check(Map<?, ?> json, Object bound, String path, List<String> lost) {
        Map<?, ?> unknown = Map.of();
        for (RecordComponent component : bound.getClass().getRecordComponents()) {
            if (component.isAnnotationPresent(UnknownFields.class)) {
                unknown = (Map<?, ?>) value(component, bound);
            }
        }
        for (Map.Entry<?, ?> member : json.entrySet()) {
            String name = String.valueOf(member.getKey());
            if (member.getValue() == null || unknown.containsKey(name)) {
                continue;
            }
            RecordComponent component = componentFor(bound.getClass(), name);
            Object value = component == null ? null : value(component, bound);
            if (value == null) {
                lost.add(path + "." + name);
            } else if (value.getClass().isRecord() && member.getValue() instanceof Map<?, ?> nested) {
                check(nested, value, path + "." + name, lost);
            } else if (value instanceof List<?> list && member.getValue() instanceof List<?> raw) {
                for (int i = 0; i < Math.min(list.size(), raw.size()); i++) {
                    if (list.get(i) != null
                            && list.get(i).getClass().isRecord()
                            && raw.get(i) instanceof Map<?, ?> nested) {
                        check(nested, list.get(i), path + "." + name + "[" + i + "]", lost);
                    }
                }
            }
        }
    }

    private static RecordComponent componentFor(Class<?> type, String name) {
        for (RecordComponent component : type.getRecordComponents()) {
            Json json = component.getAnnotation(Json.class);
            String own = json != null && !Json.UNSET_NAME.equals(json.name()) ? json.name() : component.getName();
            if (own.equals(name)) {
                return component;
            }
            AlsoReads alsoReads = component.getAnnotation(AlsoReads.class);
            if (alsoReads != null && List.of(alsoReads.value()).contains(name)) {
                return component;
            }
        }
        return null;
    }

    private static Object value(RecordComponent component, Object bound) {
        try {
            component.getAccessor().setAccessible(true);
            return component.getAccessor().invoke(bound);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
