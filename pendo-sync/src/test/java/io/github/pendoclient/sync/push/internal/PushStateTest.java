package io.github.pendoclient.sync.push.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The push state file: what was checkpointed survives, what was not does not, and damage is refused. */
class PushStateTest {

    @TempDir
    Path dir;

    @Test
    void checkpointedChangesSurviveWithoutACompaction() throws IOException {
        Path file = dir.resolve("state");
        try (PushState state = PushState.load(file, "VISITOR/custom")) {
            state.put("v-1", 11L, false);
            state.put("v-2", 22L, true);
            state.markPending(7L);
            state.markDelivered(8L);
            state.checkpoint();
            state.put("v-3", 33L, false); // never checkpointed: as if killed here
        }

        try (PushState state = PushState.load(file, "VISITOR/custom")) {
            assertThat(state.fingerprint("v-1")).isEqualTo(11L);
            assertThat(state.wasMissing("v-2")).isTrue();
            assertThat(state.fingerprint("v-3")).isNull();
            assertThat(state.pending(7L)).isTrue();
            assertThat(state.delivered(8L)).isTrue();
        }
    }

    @Test
    void aCompactionKeepsEverythingInTheSnapshotAndRemovesTheJournal() throws IOException {
        Path file = dir.resolve("state");
        try (PushState state = PushState.load(file, "VISITOR/custom")) {
            state.put("v-1", 11L, false);
            state.put("v-2", 22L, false);
            state.remove("v-2");
            state.markPending(5L);
            state.settle(5L);
            state.compact();
        }

        assertThat(dir.resolve("state.journal")).doesNotExist();
        try (PushState state = PushState.load(file, "VISITOR/custom")) {
            assertThat(state.ids()).containsExactly("v-1");
            assertThat(state.pending(5L)).isFalse();
        }
    }

    @Test
    void aJournalRecordTornByACrashIsIgnoredAndTheRecordsBeforeItKept() throws IOException {
        Path file = dir.resolve("state");
        try (PushState state = PushState.load(file, "VISITOR/custom")) {
            state.put("v-1", 11L, false);
            state.checkpoint();
            state.put("v-2", 22L, false);
            state.checkpoint();
        }
        Path journal = dir.resolve("state.journal");
        byte[] bytes = Files.readAllBytes(journal);
        Files.write(journal, Arrays.copyOf(bytes, bytes.length - 3), StandardOpenOption.TRUNCATE_EXISTING);

        try (PushState state = PushState.load(file, "VISITOR/custom")) {
            assertThat(state.fingerprint("v-1")).isEqualTo(11L);
            assertThat(state.fingerprint("v-2")).isNull();
        }
    }

    @Test
    void aStateFileOfAnotherJobIsRefusedWithWhatToDo() throws IOException {
        Path file = dir.resolve("state");
        try (PushState state = PushState.load(file, "VISITOR/custom")) {
            state.put("v-1", 11L, false);
            state.compact();
        }

        assertThatThrownBy(() -> PushState.load(file, "ACCOUNT/agent"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("another job (VISITOR/custom)")
                .hasMessageContaining("own state file");
    }

    @Test
    void aDamagedSnapshotIsRefusedRatherThanReadAsEmpty() throws IOException {
        Path file = dir.resolve("state");
        try (PushState state = PushState.load(file, "VISITOR/custom")) {
            state.put("v-1", 11L, false);
            state.compact();
        }
        byte[] bytes = Files.readAllBytes(file);
        bytes[12] ^= 1;
        Files.write(file, bytes);

        assertThatThrownBy(() -> PushState.load(file, "VISITOR/custom"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("damaged");
    }
}
