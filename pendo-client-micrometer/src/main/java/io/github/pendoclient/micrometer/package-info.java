/**
 * Micrometer meters for pendo-client: {@link io.github.pendoclient.micrometer.PendoMeterBinder} is a
 * {@link io.github.pendoclient.event.PendoEventListener} that records into a {@code MeterRegistry}, with endpoint
 * templates and low-cardinality reasons as tags, never ids or credentials.
 */
package io.github.pendoclient.micrometer;
