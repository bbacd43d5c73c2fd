/**
 * pendo-client testing: {@link io.github.pendoclient.testing.FakePendo}, an in-process fake of the Pendo v1 API, with
 * datasets, faults, recording and assertions.
 *
 * <p>JUnit and AssertJ are optional: only {@link io.github.pendoclient.testing.FakePendoExtension} needs JUnit
 * Jupiter, and only {@link io.github.pendoclient.testing.FakePendoAssert} needs AssertJ; a test that uses them has
 * them already.
 */
module io.github.pendoclient.testing {
    requires transitive io.github.pendoclient;
    requires transitive io.github.pendoclient.track;
    requires mockwebserver3;
    // Optional, and on purpose not transitive: "requires static transitive" would make every module that requires
    // this one need JUnit and AssertJ to compile. FakePendoExtension and FakePendoAssert, the two classes whose
    // signatures name them, suppress javac's "exports" lint for that reason; code that uses them has them.
    requires static org.junit.jupiter.api;
    requires static org.assertj.core;

    exports io.github.pendoclient.testing;
}
