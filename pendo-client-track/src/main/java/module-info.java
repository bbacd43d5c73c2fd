/**
 * pendo-client track: {@link io.github.pendoclient.track.TrackClient} and the queued
 * {@link io.github.pendoclient.track.TrackSender} for server-side track events, and webhook parsing and
 * verification.
 */
module io.github.pendoclient.track {
    requires transitive io.github.pendoclient;
    requires org.slf4j;

    exports io.github.pendoclient.track;
    exports io.github.pendoclient.track.webhook;
}
