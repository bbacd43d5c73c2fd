/**
 * Track events: {@link io.github.pendoclient.track.TrackEvent} with validation,
 * {@link io.github.pendoclient.track.TrackClient} for single sends with the app's shared secret, and
 * {@link io.github.pendoclient.track.TrackSender}, a bounded asynchronous sender that loses nothing silently.
 */
package io.github.pendoclient.track;
