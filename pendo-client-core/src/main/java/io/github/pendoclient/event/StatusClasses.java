package io.github.pendoclient.event;

/** Maps an HTTP status to the class used as a tag. */
final class StatusClasses {

    private StatusClasses() {}

    static String of(int statusCode) {
        return statusCode >= 100 && statusCode < 600 ? (statusCode / 100) + "xx" : "none";
    }
}
