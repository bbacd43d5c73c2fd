/**
 * Internals of the track module: the machinery behind {@code TrackSender} (its ledger, queue and delivery, close and
 * spool files) and the sender's events. Not API: no compatibility promise, may change in any release.
 */
package io.github.pendoclient.track.internal;
