package io.github.pendoclient.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one test of which hosts count as loopback, so plain http to them is accepted without
 * {@code allowInsecureHttp(true)}: used by the client builder, the Kafka connector's {@code pendo.base.url} check and
 * the sync command's {@code PENDO_BASE_URL} check, which must agree. Internal.
 */
public final class Hosts {

    /** An IPv4 literal in 127.0.0.0/8; a name such as {@code 127.example.com} is not one. */
    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    private Hosts() {}

    /**
     * Whether a host is loopback: {@code localhost}, a name under {@code .localhost}, an IPv4 literal in
     * {@code 127.0.0.0/8} (not a name that merely starts with {@code 127.}) or the IPv6 loopback, with or without the
     * brackets a URL puts around an IPv6 address. Case is ignored; no name is resolved.
     *
     * @param host the host of a URL
     * @return true if plain http to it stays on this machine
     */
    public static boolean isLoopback(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.startsWith("[") && lower.endsWith("]")) {
            lower = lower.substring(1, lower.length() - 1);
        }
        return lower.equals("localhost")
                || lower.endsWith(".localhost")
                || LOOPBACK_IPV4.matcher(lower).matches()
                || lower.equals("::1")
                || lower.equals("0:0:0:0:0:0:0:1");
    }
}
