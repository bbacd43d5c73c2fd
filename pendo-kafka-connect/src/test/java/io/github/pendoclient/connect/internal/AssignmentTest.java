package io.github.pendoclient.connect.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AssignmentTest {

    @Test
    void tablesAreDealtRoundRobinSoEventTablesSpreadToo() {
        assertThat(Assignment.spread(List.of("features", "visitors", "accounts", "page_events", "track_events"), 2))
                .containsExactly(List.of("features", "accounts", "track_events"), List.of("visitors", "page_events"));
    }

    @Test
    void neverMoreTasksThanTables() {
        assertThat(Assignment.spread(List.of("visitors", "accounts"), 8))
                .containsExactly(List.of("visitors"), List.of("accounts"));
    }

    @Test
    void everyTableIsAssignedExactlyOnce() {
        List<String> tables = List.of("a", "b", "c", "d", "e", "f", "g");
        assertThat(Assignment.spread(tables, 3).stream()
                        .flatMap(List::stream)
                        .sorted()
                        .toList())
                .isEqualTo(tables);
    }

    @Test
    void zeroTasksIsRefused() {
        assertThatThrownBy(() -> Assignment.spread(List.of("a"), 0)).hasMessageContaining("tasks.max");
    }
}
