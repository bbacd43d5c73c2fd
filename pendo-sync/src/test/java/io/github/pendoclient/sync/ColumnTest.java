package io.github.pendoclient.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.internal.json.JsonValues;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnTest {

    @SuppressWarnings("unchecked")
    private static final Map<String, Object> ROW = (Map<String, Object>) JsonValues.parse(
            "{\"id\":\"v-1\",\"metadata\":{\"auto\":{\"lastvisit\":1700000000000,\"name\":\"x\"},\"flat\":7},"
                    + "\"list\":[{\"count\":3}],\"scalar\":\"s\",\"nothing\":null}");

    @Test
    void readsEveryPathAsTheSharedPathLookupDoes() {
        List<String> paths = List.of(
                "id",
                "metadata",
                "metadata.auto.lastvisit",
                "metadata.auto.name",
                "metadata.flat",
                "metadata.flat.deeper",
                "scalar.deeper",
                "missing",
                "missing.deeper",
                "nothing.deeper",
                "metadata..auto.name",
                "list[0].count",
                "list[1].count",
                "");
        for (String path : paths) {
            assertThat(Column.json("c", path).value().apply(ROW)).as(path).isEqualTo(JsonValues.at(ROW, path));
        }
    }

    @Test
    void convertsTheMemberAtANestedPath() {
        assertThat(Column.time("t", "metadata.auto.lastvisit").value().apply(ROW))
                .isEqualTo(1_700_000_000_000L);
        assertThat(Column.key("k", "metadata.auto.missing").value().apply(ROW)).isEqualTo("");
        assertThat(Column.text("n", "metadata.flat").value().apply(ROW)).isEqualTo("7");
    }
}
