package io.github.pendoclient.internal;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one reader of the environment variables every client understands. Clients call {@link #system()} in
 * {@code fromEnv()} and {@link #of(Map)} in {@code fromEnv(Map)}; nothing else reads the process environment.
 * A variable set to blank counts as unset.
 */
public final class Environment {

    /** The REST integration key. */
    public static final String INTEGRATION_KEY = "PENDO_INTEGRATION_KEY";
    /** The region, as {@code Region.parse(String)} reads it. */
    public static final String REGION = "PENDO_REGION";
    /** The REST API base URL; wins over the region. */
    public static final String BASE_URL = "PENDO_BASE_URL";
    /** The app's Track Event shared secret. */
    public static final String TRACK_SHARED_SECRET = "PENDO_TRACK_SHARED_SECRET";
    /** The Track Event base URL; wins over the region. */
    public static final String TRACK_BASE_URL = "PENDO_TRACK_BASE_URL";

    private final Map<String, String> variables;

    private Environment(Map<String, String> variables) {
        this.variables = Objects.requireNonNull(variables, "environment");
    }

    /**
     * The process environment.
     *
     * @return the reader
     */
    public static Environment system() {
        return new Environment(System.getenv());
    }

    /**
     * Given variables, for tests and for callers that keep their settings elsewhere.
     *
     * @param variables variable name to value
     * @return the reader
     */
    public static Environment of(Map<String, String> variables) {
        return new Environment(variables);
    }

    /**
     * A variable's value.
     *
     * @param name the variable name
     * @return the value, trimmed, or empty when unset or blank
     */
    public Optional<String> get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * A variable that must be set.
     *
     * @param name the variable name
     * @param whatToDo what the user should set it to, appended to the message
     * @return the value, trimmed
     * @throws IllegalStateException if it is unset or blank, naming the variable and what to do
     */
    public String require(String name, String whatToDo) {
        return get(name).orElseThrow(() -> new IllegalStateException(name + " is not set; " + whatToDo));
    }
}
