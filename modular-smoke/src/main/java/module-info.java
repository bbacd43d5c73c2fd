/**
 * A program on the module path that uses every published pendo-client module by its module name. The build compiles
 * and runs it against the packaged jars; see this module's pom.xml.
 */
module io.github.pendoclient.smoke {
    requires io.github.pendoclient;
    requires io.github.pendoclient.aggregation;
    requires io.github.pendoclient.track;
    requires io.github.pendoclient.testing;
    // FakePendo is a JUnit 5 extension, and an automatic module cannot pass readability of a named module on to
    // its readers: code that uses FakePendo on the module path requires JUnit's API itself (tests do anyway).
    requires org.junit.jupiter.api;
    requires jdk.httpserver;
}
