/**
 * Typed Retrofit interfaces for the Pendo v1 REST endpoints. Create them on the client's stack with
 * {@code client.http().create(FeatureApi.class)} and run calls with {@code client.http().execute(call)}, so they get
 * the same authentication, retries, rate limits and typed errors as the resources on
 * {@link io.github.pendoclient.PendoClient}, which most code should use instead.
 */
package io.github.pendoclient.api;
