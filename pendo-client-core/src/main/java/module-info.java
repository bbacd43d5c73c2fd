/**
 * pendo-client core: {@link io.github.pendoclient.PendoClient}, regions, the HTTP stack (authentication, retries,
 * rate limits), typed errors, models and the REST resources.
 *
 * <p>Only the API packages are exported. The {@code internal} packages are exported to the other pendo-client
 * modules alone, which share core's HTTP stack and JSON helpers; they are not API.
 */
// "module": the qualified exports name modules that are compiled after this one, so javac cannot find them yet and
// warns "module not found"; that is expected here and nowhere else.
@SuppressWarnings("module")
module io.github.pendoclient {
    // In public signatures: OkHttpClient, Request and Response (the builder, your own calls), Retrofit's Call and
    // annotations (the api package), Moshi's annotations on models and its Moshi type in Binding.
    requires transitive okhttp3;
    requires transitive retrofit2;
    requires transitive com.squareup.moshi;
    requires retrofit2.converter.moshi;
    requires dev.failsafe.core;
    requires org.slf4j;

    exports io.github.pendoclient;
    exports io.github.pendoclient.api;
    exports io.github.pendoclient.error;
    exports io.github.pendoclient.event;
    exports io.github.pendoclient.http;
    exports io.github.pendoclient.json;
    exports io.github.pendoclient.model;
    exports io.github.pendoclient.resource;

    // sync.cli and connect: Hosts, the one loopback test their base-URL checks share with the client builder.
    exports io.github.pendoclient.internal to
            io.github.pendoclient.aggregation,
            io.github.pendoclient.track,
            io.github.pendoclient.testing,
            io.github.pendoclient.sync.cli,
            io.github.pendoclient.connect;
    exports io.github.pendoclient.internal.http to
            io.github.pendoclient.aggregation,
            io.github.pendoclient.track;
    exports io.github.pendoclient.internal.json to
            io.github.pendoclient.aggregation,
            io.github.pendoclient.track,
            io.github.pendoclient.testing,
            io.github.pendoclient.sync,
            io.github.pendoclient.connect;
}
