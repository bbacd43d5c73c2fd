package io.github.pendoclient.sync.push;

/** Argument checks shared by the builders. */
final class Builders {

    private Builders() {}

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must be a non-empty name");
        }
        return value;
    }
}
