package io.github.pendoclient.connect.internal;

/** The connector's version, from the jar's manifest. */
public final class Version {

    private Version() {}

    /**
     * The version.
     *
     * @return the jar's Implementation-Version, or {@code dev} when run from classes
     */
    public static String get() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
