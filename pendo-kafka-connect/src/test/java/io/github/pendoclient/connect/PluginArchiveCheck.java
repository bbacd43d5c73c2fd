package io.github.pendoclient.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The plugin archive holds only what the connector loads. Run by the {@code plugin-archive} surefire execution in
 * the integration-test phase, after {@code package} built the zip (the name keeps it out of the unit tests, and it
 * is skipped wherever the execution did not name the zip).
 */
class PluginArchiveCheck {

    /** Every jar of the plugin's lib folder, by artifact id; anything else fails the build. */
    private static final List<String> EXPECTED = List.of(
            "annotations",
            "converter-moshi",
            "failsafe",
            "kotlin-stdlib",
            "kotlin-stdlib-jdk7",
            "kotlin-stdlib-jdk8",
            "moshi",
            "okhttp-jvm",
            "okio-jvm",
            "pendo-client-aggregation",
            "pendo-client-core",
            "pendo-client-track",
            "pendo-kafka-connect",
            "pendo-sync",
            "retrofit");

    /** The zip this build packaged; the check runs only in the execution that names it. */
    private static Path archive() {
        String path = System.getProperty("plugin.archive");
        assumeTrue(path != null, "run by the plugin-archive execution after package");
        Path zip = Path.of(path);
        assertThat(zip).as("the plugin archive, built by mvn package").isRegularFile();
        return zip;
    }

    @Test
    void thePluginHoldsTheConnectorAndTheJarsItLoadsAndNothingElse() throws IOException {
        Path zip = archive();
        List<String> jars = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(file.entries())) {
                String name = entry.getName();
                if (name.endsWith(".jar")) {
                    assertThat(name).as("jars sit in the lib folder").matches("[^/]+/lib/[^/]+\\.jar");
                    jars.add(artifactId(name.substring(name.lastIndexOf('/') + 1)));
                }
            }
        }
        assertThat(jars)
                .as("the jars of " + zip.getFileName()
                        + " (the worker supplies the Connect API, Kafka's clients and SLF4J; the sync command's sinks and"
                        + " their drivers stay out)")
                .containsExactlyInAnyOrderElementsOf(EXPECTED);
        System.out.printf("%s: %d jars, %.1f MB%n", zip.getFileName(), jars.size(), Files.size(zip) / 1_000_000.0);
    }

    /** {@code okhttp-jvm-5.5.1.jar} to {@code okhttp-jvm}: the name up to the first dash before a digit. */
    private static String artifactId(String jar) {
        String base = jar.substring(0, jar.length() - ".jar".length());
        for (int i = 0; i < base.length() - 1; i++) {
            if (base.charAt(i) == '-' && Character.isDigit(base.charAt(i + 1))) {
                return base.substring(0, i);
            }
        }
        return base;
    }
}
