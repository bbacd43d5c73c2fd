package io.github.pendoclient.track;

import io.github.pendoclient.Credential;

/**
 * An app's Track Event shared secret (Settings, Subscription Settings, the app, App Details, "Track Event shared
 * secret"). It is not the REST integration key: Pendo issues one per app, and {@link TrackClient} sends it in the
 * {@code x-pendo-integration-key} header. Redacted from {@code toString()}, logs and exception messages.
 */
public final class SharedSecret extends Credential {

    private SharedSecret(String value) {
        super(value, "track event shared secret");
    }

    /**
     * Wraps a shared secret.
     *
     * @param value the secret as Pendo shows it
     * @return the secret
     * @throws IllegalArgumentException if it is null, blank or contains whitespace
     */
    public static SharedSecret of(String value) {
        return new SharedSecret(value);
    }
}
