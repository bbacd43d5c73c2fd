package io.github.pendoclient.sync.sink;

import java.util.Arrays;

/**
 * A set of {@link KeyFingerprint}s held in one {@code long[]} (open addressing), with a fixed capacity: how a database
 * sink remembers which keys it has written, at 8 to 16 bytes a key and no object per key, so that remembering them
 * makes no garbage and never grows past a known size. When it is {@link #isFull() full} the sink falls back to a
 * way of writing that needs no memory of keys.
 */
final class FingerprintSet {

    private static final int FIRST_SLOTS = 1 << 10;

    private final int capacity;
    private long[] slots = new long[FIRST_SLOTS];
    /** Zero marks an empty slot, so the fingerprint zero is held here. */
    private boolean holdsZero;

    private int size;

    /**
     * An empty set.
     *
     * @param capacity the most fingerprints it holds, at least 1
     */
    FingerprintSet(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Adds a fingerprint, unless the set holds it or is full.
     *
     * @param fingerprint the fingerprint
     * @return true if it was added; false if the set already held it or was full (tell the two apart with
     *     {@link #isFull()} first)
     */
    boolean add(long fingerprint) {
        if (fingerprint == 0) {
            if (holdsZero || isFull()) {
                return false;
            }
            holdsZero = true;
            size++;
            return true;
        }
        int mask = slots.length - 1;
        for (int i = index(fingerprint, mask); ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == fingerprint) {
                return false;
            }
            if (slot == 0) {
                if (isFull()) {
                    return false;
                }
                slots[i] = fingerprint;
                size++;
                if (size * 2L > slots.length) {
                    grow();
                }
                return true;
            }
        }
    }

    /**
     * Whether the set holds a fingerprint.
     *
     * @param fingerprint the fingerprint
     * @return true if it was added before
     */
    boolean contains(long fingerprint) {
        if (fingerprint == 0) {
            return holdsZero;
        }
        int mask = slots.length - 1;
        for (int i = index(fingerprint, mask); ; i = (i + 1) & mask) {
            long slot = slots[i];
            if (slot == fingerprint) {
                return true;
            }
            if (slot == 0) {
                return false;
            }
        }
    }

    /**
     * Whether the set holds as many fingerprints as it may.
     *
     * @return true if no more can be added
     */
    boolean isFull() {
        return size >= capacity;
    }

    /**
     * How many fingerprints the set holds.
     *
     * @return the count
     */
    int size() {
        return size;
    }

    /** Empties the set, keeping its storage for the next batch. */
    void clear() {
        Arrays.fill(slots, 0L);
        holdsZero = false;
        size = 0;
    }

    private static int index(long fingerprint, int mask) {
        return (int) (fingerprint ^ (fingerprint >>> 32)) & mask;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long fingerprint : old) {
            if (fingerprint != 0) {
                int i = index(fingerprint, mask);
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = fingerprint;
            }
        }
    }
}
