package io.github.pendoclient.internal.http;

import java.util.Locale;
import java.util.function.Supplier;

/** Removes a secret from any text that may reach a log line or an exception message. */
final class Redactor {

    static final String REDACTED = "[redacted]";

    private final String secret;

    Redactor(Supplier<String> credential) {
        this.secret = credential.get();
    }

    String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return text.replace(secret, REDACTED);
    }

    /** The URL without a user name or password. */
    static okhttp3.HttpUrl withoutUserInfo(okhttp3.HttpUrl url) {
        return url.username().isEmpty() && url.password().isEmpty()
                ? url
                : url.newBuilder().username("").password("").build();
    }

    /**
     * A URL-bearing header value ({@code Location}) without a user name or password: parsed when absolute, else any
     * {@code //user:password@} removed as text.
     */
    static String withoutUserInfo(String value) {
        okhttp3.HttpUrl url = okhttp3.HttpUrl.parse(value.trim());
        return url != null ? withoutUserInfo(url).toString() : value.replaceAll("//[^/?#]*@", "//");
    }

    /** Whether a header's value is a URL whose user info must not be shown. */
    static boolean isUrlHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("location") || lower.equals("content-location");
    }

    static boolean isSecretHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("x-pendo-")
                || lower.equals("authorization")
                || lower.equals("proxy-authorization")
                || lower.equals("cookie")
                || lower.equals("set-cookie");
    }
}
