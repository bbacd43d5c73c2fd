package io.github.pendoclient.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The SDK's own version, stamped into a resource at build time, for the {@code User-Agent}. Internal.
 */
public final class SdkVersion {

    /** The version, for example {@code 0.1.0}, or {@code unknown}. */
    public static final String VERSION = load();

    private SdkVersion() {}

    private static String load() {
        try (InputStream in = SdkVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
