/**
 * The resources behind {@link io.github.pendoclient.PendoClient}'s accessors ({@code features()}, {@code guides()},
 * {@code visitors()}, {@code metadata()}, ...): blocking methods returning models, {@code CompletableFuture}
 * variants, and typed exceptions.
 */
package io.github.pendoclient.resource;
