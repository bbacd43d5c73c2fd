package io.github.pendoclient.internal.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One position in the rows {@link SegmentParser} reads: the names last read in an object found there, by order, and
 * the positions of that object's members and of an array's elements found there. A name whose bytes match the one
 * remembered is that same {@code String}, its hash already computed; the names are only a cache, so a row whose
 * names differ is read the same, just without the saving.
 */
final class NameSlot {

    /** Names remembered per object: the first 64 members'. */
    static final int MAX_MEMBERS = 64;

    /** The longest name remembered, in bytes. */
    static final int MAX_NAME_BYTES = 64;

    /** How deep positions are remembered. */
    private static final int MAX_DEPTH = 16;

    /** How many positions one parser remembers: rows of changing shapes cannot make the cache grow without end. */
    private static final int MAX_SLOTS = 4096;

    private final int level;
    /** The positions still to be made, shared by every position of one parser. */
    private final int[] budget;

    private byte[][] nameBytes = new byte[0][];
    private String[] names = new String[0];
    private NameSlot[] children = new NameSlot[0];
    private NameSlot elementSlot;
    private int lastSize = 4;

    /** The root position of one parser. */
    NameSlot() {
        this(0, new int[] {MAX_SLOTS});
    }

    private NameSlot(int level, int[] budget) {
        this.level = level;
        this.budget = budget;
    }

    /** A position below this one, or null when the levels or positions remembered are used up. */
    private NameSlot below() {
        if (level >= MAX_DEPTH || budget[0] == 0) {
            return null;
        }
        budget[0]--;
        return new NameSlot(level + 1, budget);
    }

    /** A map capacity that holds as many members as the last object here had without growing. */
    int capacity() {
        return (int) (lastSize / 0.75f) + 1;
    }

    /** Remembers how many members the object just read here had. */
    void sized(int members) {
        lastSize = members;
    }

    /** The name of the member at this ordinal whose Latin-1 bytes these are, remembered for the next object. */
    String name(int ordinal, byte[] bytes, int start, int length) {
        if (ordinal < names.length) {
            byte[] known = nameBytes[ordinal];
            if (known != null && Arrays.equals(known, 0, known.length, bytes, start, start + length)) {
                return names[ordinal];
            }
        } else {
            int size = Math.min(MAX_MEMBERS, Math.max(ordinal + 1, names.length * 2));
            names = Arrays.copyOf(names, size);
            nameBytes = Arrays.copyOf(nameBytes, size);
            children = Arrays.copyOf(children, size);
        }
        String name = new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        names[ordinal] = name;
        nameBytes[ordinal] = Arrays.copyOfRange(bytes, start, start + length);
        return name;
    }

    /** The position of the member at this ordinal, or null past the members or levels remembered. */
    NameSlot child(int ordinal) {
        if (ordinal >= children.length) {
            return null;
        }
        NameSlot child = children[ordinal];
        if (child == null) {
            child = below();
            children[ordinal] = child;
        }
        return child;
    }

    /** The position of this array's elements. */
    NameSlot element() {
        if (elementSlot == null) {
            elementSlot = below();
        }
        return elementSlot;
    }
}
