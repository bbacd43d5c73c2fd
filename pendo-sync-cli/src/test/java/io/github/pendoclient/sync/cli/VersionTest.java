package io.github.pendoclient.sync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --version reports the version Maven built, not a constant in the code. */
class VersionTest {

    @Test
    void versionIsTheBuildsVersion() {
        String expected = System.getProperty("pendo-sync.expected-version");
        assertThat(expected).as("surefire passes the project version").isNotBlank();
        StringWriter out = new StringWriter();

        int code = PendoSyncCommand.run(
                Map.of(), new PrintWriter(out, true), new PrintWriter(new StringWriter()), "--version");

        assertThat(code).isZero();
        assertThat(out.toString().strip()).isEqualTo("pendo-sync " + expected);
    }
}
