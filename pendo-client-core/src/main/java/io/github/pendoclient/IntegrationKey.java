package io.github.pendoclient;

/**
 * A Pendo v1 integration key (Settings, Integrations, Integration Keys). It is sent exactly as given, including a
 * region suffix such as {@code .eu} if the key has one, and it is redacted from {@code toString()}, logs and
 * exception messages. A key is valid in one region only; the aggregation endpoint reportedly needs a key with
 * "Allow Write Access".
 */
public final class IntegrationKey extends Credential {

    private IntegrationKey(String value) {
        super(value, "integration key");
    }

    /**
     * Wraps an integration key.
     *
     * @param value the key as shown by Pendo when it was created
     * @return the key
     * @throws IllegalArgumentException if the key is null, blank or contains whitespace
     */
    public static IntegrationKey of(String value) {
        return new IntegrationKey(value);
    }
}
