/**
 * Typed Retrofit interfaces for the Pendo v1 REST endpoints, and the marks that say whether a call may be repeated
 * ({@link io.github.pendoclient.api.Idempotent}, {@link io.github.pendoclient.api.OutcomeCheck}). Create them on the
 * client's stack with {@code client.create(FeatureApi.class)}, so they get the same authentication, retries, rate
 * limits and idempotency rules as the resources on {@link io.github.pendoclient.PendoClient}, which most code should
 * use instead. Your own interfaces may return the body type or a {@code CompletableFuture} of it to get typed
 * exceptions directly.
 */
package io.github.pendoclient.api;
