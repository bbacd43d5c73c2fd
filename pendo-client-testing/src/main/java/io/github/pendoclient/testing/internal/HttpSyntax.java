package io.github.pendoclient.testing.internal;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The syntax rules {@link RequestGuard} checks a request's head and chunk lines against (RFC 9112): each method reads
 * one line or value and throws {@link Refusal} with the status and message to answer when it breaks a rule. The
 * guard keeps the counts, the framing and the socket.
 */
final class HttpSyntax {

    private static final Pattern REQUEST_LINE =
            Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+) ([\\x21-\\x7E\\x80-\\xFF]+) (HTTP/[0-9]+(?:\\.[0-9]+)?)");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");

    private HttpSyntax() {}

    /** A request the fake refuses: the status and message {@link RequestGuard} answers with. */
    static final class Refusal extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refusal(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    /** Checks a request line; returns whether it is HTTP/1.1 (else 1.0). */
    static boolean requestLine(String text) throws Refusal {
        Matcher matcher = REQUEST_LINE.matcher(text);
        if (!matcher.matches()) {
            throw new Refusal(400, "The request line is not METHOD TARGET HTTP/1.1 (one space between each).");
        }
        String version = matcher.group(3);
        if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
            throw new Refusal(505, "The fake speaks HTTP/1.1 (and HTTP/1.0), not " + version + ".");
        }
        return version.equals("HTTP/1.1");
    }

    /** Checks a header or trailer line; returns its name (lower case) and value. */
    static String[] fieldLine(String text) throws Refusal {
        if (text.charAt(0) == ' ' || text.charAt(0) == '\t') {
            throw new Refusal(
                    400,
                    "A header line starts with white space (obsolete line folding); send each header"
                            + " on one line.");
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || !TOKEN.matcher(text.substring(0, colon)).matches()) {
            throw new Refusal(
                    400,
                    "A header line is not NAME: VALUE with a name made of letters, digits and" + " !#$%&'*+.^_`|~-.");
        }
        String value = text.substring(colon + 1).strip();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7F) {
                throw new Refusal(
                        400,
                        "The value of header " + text.substring(0, colon) + " has a control character" + " in it.");
            }
        }
        return new String[] {text.substring(0, colon).toLowerCase(Locale.ROOT), value};
    }

    /** Reads a {@code Content-Length} value within {@link RequestLimits#MAX_BODY_BYTES}. */
    static long contentLength(String value) throws Refusal {
        if (!value.chars().allMatch(c -> c >= '0' && c <= '9') || value.isEmpty()) {
            throw new Refusal(
                    400, "Content-Length must be one decimal number of bytes, not '" + abbreviate(value) + "'.");
        }
        String digits = value.replaceFirst("^0+(?=.)", "");
        if (digits.length() > 18) {
            throw new Refusal(
                    400,
                    "Content-Length " + abbreviate(digits) + " is too large for any integer; the fake"
                            + " reads at most " + RequestLimits.MAX_BODY_BYTES + " bytes.");
        }
        long length = Long.parseLong(digits);
        if (length > RequestLimits.MAX_BODY_BYTES) {
            throw new Refusal(
                    413,
                    "The request body is " + length + " bytes (Content-Length); the fake reads at most "
                            + RequestLimits.MAX_BODY_BYTES + " bytes.");
        }
        return length;
    }

    /**
     * Reads a chunk size line (extensions are dropped); the body so far plus the chunk stays within
     * {@link RequestLimits#MAX_BODY_BYTES}.
     */
    static long chunkSize(String text, long bodyBytes) throws Refusal {
        int semicolon = text.indexOf(';');
        String hex = (semicolon < 0 ? text : text.substring(0, semicolon)).strip();
        if (!HEX.matcher(hex).matches()) {
            throw new Refusal(
                    400,
                    "A chunk size is not a hexadecimal number: '" + abbreviate(hex) + "'. Send each"
                            + " chunk's size in hexadecimal, then CRLF, the data and CRLF.");
        }
        String digits = hex.replaceFirst("^0+(?=.)", "");
        long size = digits.length() > 12 ? Long.MAX_VALUE : Long.parseLong(digits, 16);
        if (size > RequestLimits.MAX_BODY_BYTES - bodyBytes) {
            throw new Refusal(
                    413,
                    "The chunked request body is more than " + RequestLimits.MAX_BODY_BYTES
                            + " bytes; the fake reads at most " + RequestLimits.MAX_BODY_BYTES + " bytes.");
        }
        return size;
    }

    /** Text from a request, made printable and short enough to quote in an error message. */
    static String abbreviate(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }
}
