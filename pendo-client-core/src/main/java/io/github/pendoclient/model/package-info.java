/**
 * The models of the Pendo REST API: immutable records with typed accessors for the documented fields,
 * {@link java.time.Instant} for timestamps, and every other member kept in
 * {@link io.github.pendoclient.model.PendoObject#unknownFields()}.
 */
package io.github.pendoclient.model;
