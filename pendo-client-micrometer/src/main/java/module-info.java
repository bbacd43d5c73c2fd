/**
 * pendo-client micrometer: {@link io.github.pendoclient.micrometer.PendoMeterBinder}, an event listener that records
 * the SDK's calls, retries, rate limits, track sender, aggregations and sync tables as Micrometer meters.
 */
module io.github.pendoclient.micrometer {
    requires transitive io.github.pendoclient;
    requires transitive io.github.pendoclient.track;
    requires transitive micrometer.core;

    exports io.github.pendoclient.micrometer;
}
