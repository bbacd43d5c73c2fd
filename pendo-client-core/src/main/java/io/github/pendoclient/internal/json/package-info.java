/**
 * Not API: the JSON helpers every pendo-client module shares (the one Moshi configuration, untyped values with exact
 * integers, record binding). They may change in any release; use {@link io.github.pendoclient.json.Binding} and the
 * annotations of {@code io.github.pendoclient.json} instead.
 */
package io.github.pendoclient.internal.json;
