/**
 * Events the SDK reports while it works, for metrics and tracing:
 * {@link io.github.pendoclient.event.PendoEventListener} sees every call and attempt of the HTTP stack, the track
 * sender's queue and the sync engine's tables. Events carry endpoint templates and low-cardinality reasons, never
 * ids, payloads or credentials. The {@code pendo-client-micrometer} module binds a listener to a Micrometer
 * {@code MeterRegistry}.
 */
package io.github.pendoclient.event;
