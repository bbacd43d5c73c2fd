package io.github.pendoclient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A secret sent in the {@code x-pendo-integration-key} header: the REST integration key, or an app's track-event
 * shared secret. The value is never part of {@link #toString()}, log lines or exception messages; only the HTTP
 * stack reads it, through {@link #reveal()}.
 */
public abstract class Credential {

    private final String value;

    /**
     * Checks and wraps a secret value.
     *
     * @param value the secret, as issued by Pendo; it is sent exactly as given
     * @param description what the secret is, for error messages (for example "integration key")
     * @throws IllegalArgumentException if the value is null, blank, or contains whitespace or control characters
     */
    protected Credential(String value, String description) {
        Objects.requireNonNull(description, "description");
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The Pendo " + description + " is required and must not be blank");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                throw new IllegalArgumentException("The Pendo " + description
                        + " contains whitespace or a non-ASCII character at position " + i
                        + "; copy it again from Pendo without surrounding spaces or line breaks");
            }
        }
        this.value = value;
    }

    /**
     * Returns the secret itself. Only code that puts it on the wire should call this.
     *
     * @return the secret value
     */
    public final String reveal() {
        return value;
    }

    /**
     * Compares two credentials of the same type in constant time.
     *
     * @param other the other object
     * @return whether both hold the same secret
     */
    @Override
    public final boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || other.getClass() != getClass()) {
            return false;
        }
        return MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), ((Credential) other).value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public final int hashCode() {
        return getClass().hashCode();
    }

    /**
     * Names the credential type without its value, for example {@code IntegrationKey[redacted]}.
     *
     * @return a redacted description
     */
    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[redacted]";
    }
}
