package io.github.pendoclient.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A window of the browserTime index holds exactly the rows a scan of {@code from <= browserTime < to} keeps. */
class BrowserTimeIndexTest {

    @Test
    void aWindowHoldsTheRowsAScanKeepsInStoredOrder() {
        Random random = new Random(18);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Object time = switch (random.nextInt(12)) {
                case 0 -> "1000";
                case 1 -> 1_000.5 + random.nextInt(40);
                default -> (long) random.nextInt(60) + 990;
            };
            rows.add(i % 50 == 0 ? Map.of("id", i) : Map.of("id", i, "browserTime", time));
        }
        BrowserTimeIndex index = BrowserTimeIndex.build(rows);
        for (long from = 985; from < 1_055; from++) {
            for (long to = from - 1; to < from + 12; to++) {
                TimeRange window = new TimeRange(true, from, to);
                List<Map<String, Object>> scanned = rows.stream()
                        .filter(row ->
                                row.get("browserTime") instanceof Number time && window.contains(time.longValue()))
                        .collect(Collectors.toList());

                assertThat(index.window(window).collect(Collectors.toList()))
                        .as("[%d, %d)", from, to)
                        .isEqualTo(scanned);
            }
        }
    }
}
