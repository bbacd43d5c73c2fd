package io.github.pendoclient.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CopiesTest {

    @Test
    void aListCopyKeepsNullsAndOrderAndIgnoresLaterChanges() {
        List<String> source = new ArrayList<>(Arrays.asList("b", null, "a"));

        List<String> copy = Copies.list(source);
        source.set(0, "changed");

        assertThat(copy).containsExactly("b", null, "a");
        assertThatThrownBy(() -> copy.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aMapCopyKeepsNullValuesAndInsertionOrder() {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("z", 1);
        source.put("visitors", null);
        source.put("a", 2);

        Map<String, Object> copy = Copies.map(source);
        source.remove("z");

        assertThat(copy.keySet()).containsExactly("z", "visitors", "a");
        assertThat(copy).containsEntry("visitors", null);
        assertThatThrownBy(() -> copy.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void absentStaysAbsent() {
        assertThat(Copies.list(null)).isNull();
        assertThat(Copies.map(null)).isNull();
    }
}
