package io.github.pendoclient.track.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks an HMAC-SHA256 signature over a webhook's raw body.
 *
 * <p><b>Pendo does not document webhook signing.</b> No Pendo source describes a signature header, and the claims
 * that circulate about {@code X-Pendo-Signature} are unverified. Use this only where the sender is known to sign
 * (a proxy or relay you run, or a Pendo setup you have checked yourself); the header name, the value prefix and the
 * encoding are configurable for that reason. Without signing, protect the endpoint another way (a secret path or a
 * network restriction).
 *
 * <p>Framework-neutral: it takes the raw body bytes and the request headers (a map, as servlets, Spring and the
 * JDK's {@code HttpExchange.getRequestHeaders()} give them, or a lookup function). The comparison is constant-time.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * WebhookVerifier verifier = WebhookVerifier.hmacSha256(WebhookSecret.of(System.getenv("WEBHOOK_SECRET")));
 * verifier.verify(exchange.getRequestHeaders(), body);   // throws WebhookSignatureException
 * }</pre>
 */
public final class WebhookVerifier {

    /** The default header: {@code x-pendo-signature}. */
    public static final String DEFAULT_HEADER = "x-pendo-signature";
    /** The default value prefix: {@code sha256=}. */
    public static final String DEFAULT_PREFIX = "sha256=";

    /** How the signature bytes are written in the header. */
    public enum Encoding {
        /** Hexadecimal, either case. The default. */
        HEX,
        /** Standard Base64. */
        BASE64
    }

    private final WebhookSecret secret;
    private final String header;
    private final String prefix;
    private final Encoding encoding;

    private WebhookVerifier(WebhookSecret secret, String header, String prefix, Encoding encoding) {
        this.secret = secret;
        this.header = header;
        this.prefix = prefix;
        this.encoding = encoding;
    }

    /**
     * A verifier for {@code x-pendo-signature: sha256=<hex HMAC-SHA256 of the body>}.
     *
     * @param secret the signing secret
     * @return the verifier
     */
    public static WebhookVerifier hmacSha256(WebhookSecret secret) {
        return new WebhookVerifier(
                Objects.requireNonNull(secret, "secret"), DEFAULT_HEADER, DEFAULT_PREFIX, Encoding.HEX);
    }

    /**
     * Reads the signature from another header.
     *
     * @param name the header name, case-insensitive
     * @return a new verifier
     */
    public WebhookVerifier header(String name) {
        return new WebhookVerifier(secret, Objects.requireNonNull(name, "name"), prefix, encoding);
    }

    /**
     * Expects another prefix before the signature (empty for none).
     *
     * @param prefix the prefix, for example {@code sha256=}
     * @return a new verifier
     */
    public WebhookVerifier prefix(String prefix) {
        return new WebhookVerifier(secret, header, Objects.requireNonNull(prefix, "prefix"), encoding);
    }

    /**
     * Expects another encoding of the signature bytes.
     *
     * @param encoding hex or Base64
     * @return a new verifier
     */
    public WebhookVerifier encoding(Encoding encoding) {
        return new WebhookVerifier(secret, header, prefix, Objects.requireNonNull(encoding, "encoding"));
    }

    /**
     * Verifies a request given its headers as a map.
     *
     * @param headers header name to values; names are matched case-insensitively
     * @param body the raw body, exactly as received
     * @throws WebhookSignatureException if the signature is missing, malformed or wrong
     */
    public void verify(Map<String, ? extends Collection<String>> headers, byte[] body) {
        verify(name -> first(headers, name), body);
    }

    /**
     * Verifies a request given a header lookup.
     *
     * @param headerLookup returns a header's value by name, or null
     * @param body the raw body, exactly as received
     * @throws WebhookSignatureException if the signature is missing, malformed or wrong
     */
    public void verify(Function<String, String> headerLookup, byte[] body) {
        String value = headerLookup.apply(header);
        if (value == null || value.isBlank()) {
            throw new WebhookSignatureException("The webhook request has no " + header + " header; it is not signed"
                    + " by a sender that knows the secret.");
        }
        value = value.strip();
        if (!value.regionMatches(true, 0, prefix, 0, prefix.length())) {
            throw new WebhookSignatureException("The " + header + " header does not start with '" + prefix + "'.");
        }
        byte[] received;
        try {
            String encoded = value.substring(prefix.length());
            received = encoding == Encoding.HEX
                    ? HexFormat.of().parseHex(encoded.toLowerCase(Locale.ROOT))
                    : Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new WebhookSignatureException("The " + header + " header is not " + encoding + "-encoded.");
        }
        if (!MessageDigest.isEqual(received, sign(Objects.requireNonNull(body, "body")))) {
            throw new WebhookSignatureException("The webhook signature does not match the body: it was signed with"
                    + " another secret, or the body was changed on the way. Do not trust it.");
        }
    }

    /**
     * Whether a request's signature is valid.
     *
     * @param headers header name to values
     * @param body the raw body
     * @return true if valid
     */
    public boolean isValid(Map<String, ? extends Collection<String>> headers, byte[] body) {
        try {
            verify(headers, body);
            return true;
        } catch (WebhookSignatureException e) {
            return false;
        }
    }

    /**
     * The header value a sender with this secret would send for a body, for tests and relays that sign.
     *
     * @param body the raw body
     * @return the prefix and the encoded signature
     */
    public String signatureFor(byte[] body) {
        byte[] mac = sign(body);
        return prefix
                + (encoding == Encoding.HEX
                        ? HexFormat.of().formatHex(mac)
                        : Base64.getEncoder().encodeToString(mac));
    }

    private byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private static String first(Map<String, ? extends Collection<String>> headers, String name) {
        for (Map.Entry<String, ? extends Collection<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null
                    && entry.getKey().equalsIgnoreCase(name)
                    && entry.getValue() != null
                    && !entry.getValue().isEmpty()) {
                return entry.getValue().iterator().next();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "WebhookVerifier{header=" + header + ", prefix=" + prefix + ", encoding=" + encoding
                + ", secret=WebhookSecret[redacted]}";
    }
}
