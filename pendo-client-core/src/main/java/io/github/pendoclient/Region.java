package io.github.pendoclient;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Pendo data centres. Integration keys are valid in one region only, so a client must talk to the region its
 * subscription lives in: the login URL tells which ({@code app.eu.pendo.io}, {@code us1.app.pendo.io},
 * {@code app.jpn.pendo.io}, {@code app.au.pendo.io}; plain {@code app.pendo.io} is {@link #US}).
 *
 * <p>Each region knows two hosts: the REST and aggregation API ({@link #apiBaseUrl()}) and the data-collection host
 * that receives track events ({@link #dataBaseUrl()}). For other hosts (a proxy, Pendo Adopt, a custom CNAME, a
 * test server) give the client a base URL instead of a region.
 */
public enum Region {
    /** The default US data centre, {@code app.pendo.io}. */
    US("https://app.pendo.io", "https://data.pendo.io"),
    /** The second US data centre, {@code us1.app.pendo.io}. */
    US1("https://us1.app.pendo.io", "https://us1.data.pendo.io"),
    /** The European data centre, {@code app.eu.pendo.io}. */
    EU("https://app.eu.pendo.io", "https://data.eu.pendo.io"),
    /** The Japanese data centre, {@code app.jpn.pendo.io}. */
    JAPAN("https://app.jpn.pendo.io", "https://data.jpn.pendo.io"),
    /** The Australian data centre, {@code app.au.pendo.io}. */
    AUSTRALIA("https://app.au.pendo.io", "https://data.au.pendo.io");

    private static final Map<String, Region> ALIASES = Map.ofEntries(
            Map.entry("us", US),
            Map.entry("usa", US),
            Map.entry("default", US),
            Map.entry("app.pendo.io", US),
            Map.entry("us1", US1),
            Map.entry("us1.app.pendo.io", US1),
            Map.entry("eu", EU),
            Map.entry("europe", EU),
            Map.entry("app.eu.pendo.io", EU),
            Map.entry("jp", JAPAN),
            Map.entry("jpn", JAPAN),
            Map.entry("japan", JAPAN),
            Map.entry("app.jpn.pendo.io", JAPAN),
            Map.entry("au", AUSTRALIA),
            Map.entry("aus", AUSTRALIA),
            Map.entry("australia", AUSTRALIA),
            Map.entry("app.au.pendo.io", AUSTRALIA));

    private final URI apiBaseUrl;
    private final URI dataBaseUrl;

    Region(String apiBaseUrl, String dataBaseUrl) {
        this.apiBaseUrl = URI.create(apiBaseUrl);
        this.dataBaseUrl = URI.create(dataBaseUrl);
    }

    /**
     * The base URL of the REST and aggregation API in this region, for example {@code https://app.eu.pendo.io}.
     *
     * @return the API base URL, without a trailing slash
     */
    public URI apiBaseUrl() {
        return apiBaseUrl;
    }

    /**
     * The base URL of the data-collection host that receives track events in this region, for example
     * {@code https://data.eu.pendo.io}.
     *
     * @return the data-collection base URL, without a trailing slash
     */
    public URI dataBaseUrl() {
        return dataBaseUrl;
    }

    /**
     * Reads a region the way people write it: {@code eu}, {@code EU}, {@code us1}, {@code jp}, {@code jpn},
     * {@code japan}, {@code au}, {@code australia}, or a login host such as {@code app.eu.pendo.io}. Case, spaces,
     * dashes and underscores do not matter.
     *
     * @param text the region name
     * @return the region
     * @throws IllegalArgumentException if the text names no region; the message lists the valid values
     */
    public static Region parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A Pendo region is required; valid values: " + validValues());
        }
        String normalized =
                text.trim().toLowerCase(Locale.ROOT).replace("https://", "").replace('_', '-');
        if (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        Region alias = ALIASES.get(normalized.replace("-", ""));
        if (alias == null) {
            alias = ALIASES.get(normalized);
        }
        if (alias != null) {
            return alias;
        }
        for (Region region : values()) {
            if (region.name().equalsIgnoreCase(normalized)) {
                return region;
            }
        }
        throw new IllegalArgumentException(
                "Unknown Pendo region '" + text.trim() + "'; valid values: " + validValues());
    }

    private static String validValues() {
        return Arrays.stream(values()).map(Region::name).collect(Collectors.joining(", "))
                + " (also us1, eu, jp, jpn, au, or a login host such as app.eu.pendo.io)";
    }
}
