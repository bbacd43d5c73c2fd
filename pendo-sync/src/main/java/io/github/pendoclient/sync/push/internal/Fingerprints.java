package io.github.pendoclient.sync.push.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * 64-bit fingerprints: of an object's mapped values (field names, types and converted values, in mapping order),
 * and of event unique keys. FNV-1a over a canonical text with a type tag per value, then a 64-bit finalizer
 * (SplitMix64) so that near values spread. Stable across versions: changing it makes every row look changed once.
 */
public final class Fingerprints {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private Fingerprints() {}

    /**
     * The fingerprint of converted values.
     *
     * @param values field to converted value, in mapping order
     * @return the fingerprint
     */
    public static long of(Map<String, Object> values) {
        long hash = OFFSET;
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            hash = mix(hash, entry.getKey());
            Object value = entry.getValue();
            String tag = value == null
                    ? "n"
                    : value instanceof String
                            ? "s"
                            : value instanceof Boolean ? "b" : value instanceof Long ? "l" : "d";
            hash = mix(hash, tag + (value == null ? "" : value.toString()));
        }
        return finish(hash);
    }

    /**
     * The fingerprint of an event's unique key.
     *
     * @param key the key text
     * @return the fingerprint
     */
    public static long ofKey(String key) {
        return finish(mix(OFFSET, key));
    }

    private static long mix(long hash, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash *= PRIME;
        }
        hash ^= bytes.length;
        hash *= PRIME;
        hash ^= 0xff; // separator, so that ("ab","c") and ("a","bc") differ
        return hash * PRIME;
    }

    private static long finish(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
