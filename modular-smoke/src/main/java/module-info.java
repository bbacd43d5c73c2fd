/**
 * A program on the module path that uses every published pendo-client module by its module name. The build compiles
 * and runs it against the packaged jars; see this module's pom.xml.
 */
module io.github.pendoclient.smoke {
    requires io.github.pendoclient;
    requires io.github.pendoclient.aggregation;
    requires io.github.pendoclient.track;
    requires io.github.pendoclient.testing;
    // Brings Micrometer's micrometer.core (an automatic module) along, transitively.
    requires io.github.pendoclient.micrometer;
    // FakePendo needs no JUnit: JUnit is not on this module path at all (only FakePendoExtension uses it).
    requires jdk.httpserver;

    // Core binds aggregation rows to ModularSmoke.AccountRow reflectively: an application exports (or opens) the
    // package of its row records to io.github.pendoclient.
    exports io.github.pendoclient.smoke to
            io.github.pendoclient;
}
