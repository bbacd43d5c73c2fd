/**
 * Internals of the track module (the sender's spool files). Not API: no compatibility promise, may change in any
 * release.
 */
package io.github.pendoclient.track.internal;
