package io.github.pendoclient.track.webhook;

import io.github.pendoclient.Credential;

/** The secret a webhook sender signs with; redacted from {@code toString()}, logs and messages. */
public final class WebhookSecret extends Credential {

    private WebhookSecret(String value) {
        super(value, "webhook signing secret");
    }

    /**
     * Wraps a secret.
     *
     * @param value the secret
     * @return the secret
     */
    public static WebhookSecret of(String value) {
        return new WebhookSecret(value);
    }
}
