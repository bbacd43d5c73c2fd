package io.github.pendoclient.sync.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The database sinks' memory of written keys: a set, bounded, without an object per key. */
class FingerprintSetTest {

    @Test
    void aFingerprintAddedOnceIsHeldAndCannotBeAddedAgain() {
        FingerprintSet set = new FingerprintSet(10);

        assertThat(set.add(42L)).isTrue();
        assertThat(set.add(42L)).isFalse();
        assertThat(set.contains(42L)).isTrue();
        assertThat(set.contains(43L)).isFalse();
        assertThat(set.size()).isEqualTo(1);
    }

    @Test
    void zeroIsAFingerprintLikeAnyOther() {
        FingerprintSet set = new FingerprintSet(10);

        assertThat(set.contains(0L)).isFalse();
        assertThat(set.add(0L)).isTrue();
        assertThat(set.add(0L)).isFalse();
        assertThat(set.contains(0L)).isTrue();
        assertThat(set.size()).isEqualTo(1);
    }

    @Test
    void manyFingerprintsThatShareTheirLowBitsAreAllHeldAcrossGrowth() {
        FingerprintSet set = new FingerprintSet(100_000);
        Set<Long> expected = new HashSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            // Fingerprints differing only in their high bits collide in a small table until it grows.
            long fingerprint = i % 2 == 0 ? (long) i << 40 : random.nextLong();
            assertThat(set.add(fingerprint)).isEqualTo(expected.add(fingerprint));
        }

        assertThat(set.size()).isEqualTo(expected.size());
        expected.forEach(fingerprint -> assertThat(set.contains(fingerprint)).isTrue());
        assertThat(set.contains(-1L << 62)).isEqualTo(expected.contains(-1L << 62));
    }

    @Test
    void aFullSetAddsNothingMoreAndSaysSo() {
        FingerprintSet set = new FingerprintSet(3);
        set.add(1L);
        set.add(2L);
        assertThat(set.isFull()).isFalse();
        set.add(3L);

        assertThat(set.isFull()).isTrue();
        assertThat(set.add(4L)).isFalse();
        assertThat(set.add(0L)).isFalse();
        assertThat(set.contains(4L)).isFalse();
        assertThat(set.size()).isEqualTo(3);
    }

    @Test
    void aClearedSetHoldsNothingAndTakesFingerprintsAgain() {
        FingerprintSet set = new FingerprintSet(5);
        set.add(0L);
        set.add(9L);
        set.clear();

        assertThat(set.size()).isZero();
        assertThat(set.contains(0L)).isFalse();
        assertThat(set.contains(9L)).isFalse();
        assertThat(set.add(9L)).isTrue();
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        assertThatThrownBy(() -> new FingerprintSet(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
