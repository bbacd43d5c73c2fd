package io.github.pendoclient.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pendoclient.testing.internal.GeneratedVisitors;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Generated visitor ids are {@code v-%06d} (plus the hostile suffixes), built without {@code String.format}. */
class GeneratedVisitorIdsTest {

    @Test
    void identifiedVisitorIdsAreTheIndexZeroPaddedToSixDigits() {
        GeneratedVisitors visitors = new GeneratedVisitors(42, 3_000_000, List.of("acct-00000"), 0, 1);
        for (int index = 0; index < 3_000_000; index += index < 20_000 ? 1 : 997) {
            if (GeneratedVisitors.anonymous(index)) {
                continue;
            }
            String suffix = index % 997 == 5 ? "\"q" : index % 997 == 6 ? "\\b" : "";

            assertThat(visitors.idOf(index)).isEqualTo(String.format(Locale.ROOT, "v-%06d", index) + suffix);
        }
    }
}
