package io.github.pendoclient.internal.http;

import io.github.pendoclient.Credential;
import java.util.Locale;

/** Removes a secret from any text that may reach a log line or an exception message. */
final class Redactor {

    static final String REDACTED = "[redacted]";

    private final String secret;

    Redactor(Credential credential) {
        this.secret = credential.reveal();
    }

    String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return text.replace(secret, REDACTED);
    }

    static boolean isSecretHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("x-pendo-") || lower.equals("authorization") || lower.equals("proxy-authorization")
                || lower.equals("cookie") || lower.equals("set-cookie");
    }
}
