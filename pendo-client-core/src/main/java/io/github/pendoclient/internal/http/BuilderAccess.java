package io.github.pendoclient.internal.http;

import io.github.pendoclient.http.ClientBuilder;
import io.github.pendoclient.http.TimeoutOptions;
import io.github.pendoclient.json.Binding;
import java.util.Objects;

/**
 * How the client builders ({@code PendoClient.Builder}, {@code TrackClient.Builder}) turn the transport settings of
 * their public base class {@link ClientBuilder} into {@link HttpOptions}. The base class registers the conversion
 * when it initialises, so that it needs no public or protected method that names an internal type (the pattern of
 * {@link ClientStacks} and {@link ResourceAccess}). Internal.
 */
public final class BuilderAccess {

    private static volatile Resolver resolver;

    private BuilderAccess() {}

    /** Resolves a builder's settings. */
    @FunctionalInterface
    public interface Resolver {

        /**
         * The stack options a builder's settings describe.
         *
         * @param builder the builder
         * @param timeouts the timeouts to use, the builder's own or adjusted by the client
         * @param binding how response bodies are bound to records
         * @return the options
         * @throws IllegalArgumentException if the base URL is plain http to a remote host without
         *     {@code allowInsecureHttp(true)}
         */
        HttpOptions httpOptions(ClientBuilder<?> builder, TimeoutOptions timeouts, Binding binding);
    }

    /**
     * Called once, by {@link ClientBuilder}'s class initialiser; a second registration is refused.
     *
     * @param conversion the conversion
     */
    public static synchronized void register(Resolver conversion) {
        if (resolver != null) {
            throw new IllegalStateException("The builder conversion is registered once, by ClientBuilder");
        }
        resolver = Objects.requireNonNull(conversion, "conversion");
    }

    /**
     * The stack options a builder's settings describe.
     *
     * @param builder the builder
     * @param timeouts the timeouts to use
     * @param binding how response bodies are bound to records
     * @return the options
     */
    public static HttpOptions httpOptions(ClientBuilder<?> builder, TimeoutOptions timeouts, Binding binding) {
        Objects.requireNonNull(builder, "builder");
        // Holding a builder means ClientBuilder's initialiser has run and registered the conversion.
        return resolver.httpOptions(builder, timeouts, binding);
    }
}
