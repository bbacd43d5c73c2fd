package io.github.pendoclient.track;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code context} of a track event: where it happened. Pendo requires the member but accepts it empty
 * ({@code {}}); {@code ip} and {@code userAgent} are recommended, {@code url} and {@code title} optional. Immutable.
 */
public final class Context {

    private static final Context EMPTY = new Context(new Builder());

    private final String ip;
    private final String userAgent;
    private final String url;
    private final String title;

    private Context(Builder builder) {
        this.ip = builder.ip;
        this.userAgent = builder.userAgent;
        this.url = builder.url;
        this.title = builder.title;
    }

    /**
     * The empty context, sent as {@code {}}.
     *
     * @return the empty context
     */
    public static Context empty() {
        return EMPTY;
    }

    /**
     * A builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this context's members, to derive a context that differs in one.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder().ip(ip).userAgent(userAgent).url(url).title(title);
    }

    /**
     * The client IP address.
     *
     * @return the address, or empty when not set
     */
    public Optional<String> ip() {
        return Optional.ofNullable(ip);
    }

    /**
     * The user agent.
     *
     * @return the user agent, or empty when not set
     */
    public Optional<String> userAgent() {
        return Optional.ofNullable(userAgent);
    }

    /**
     * The page URL.
     *
     * @return the URL, or empty when not set
     */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    /**
     * The page title.
     *
     * @return the title, or empty when not set
     */
    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    /**
     * The members that are set, in wire order.
     *
     * @return an unmodifiable map; empty for {@link #empty()}
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        putIfSet(map, "ip", ip);
        putIfSet(map, "userAgent", userAgent);
        putIfSet(map, "url", url);
        putIfSet(map, "title", title);
        return Collections.unmodifiableMap(map);
    }

    private static void putIfSet(Map<String, Object> map, String name, String value) {
        if (value != null) {
            map.put(name, value);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Context context
                && Objects.equals(context.ip, ip)
                && Objects.equals(context.userAgent, userAgent)
                && Objects.equals(context.url, url)
                && Objects.equals(context.title, title);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ip, userAgent, url, title);
    }

    @Override
    public String toString() {
        return "Context" + toMap();
    }

    /** Builds a {@link Context}. */
    public static final class Builder {
        private String ip;
        private String userAgent;
        private String url;
        private String title;

        private Builder() {}

        /**
         * Sets the client IP address.
         *
         * @param ip the address
         * @return this builder
         */
        public Builder ip(String ip) {
            this.ip = ip;
            return this;
        }

        /**
         * Sets the user agent.
         *
         * @param userAgent the user agent
         * @return this builder
         */
        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /**
         * Sets the page URL.
         *
         * @param url the URL
         * @return this builder
         */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        /**
         * Sets the page title.
         *
         * @param title the title
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * Builds the context.
         *
         * @return the context
         */
        public Context build() {
            return new Context(this);
        }
    }
}
