/**
 * JSON for pendo-client: the shared {@link io.github.pendoclient.json.PendoJson#moshi() Moshi}, untyped values with
 * exact integers ({@link io.github.pendoclient.json.JsonValues}), and {@link io.github.pendoclient.json.UnknownFields}
 * for records that must keep members they do not declare.
 */
package io.github.pendoclient.json;
