package io.github.pendoclient.resource;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Query options of the catalog list calls. {@link #allApps()} (the default) sends {@code expand=*}, so a multi-app
 * subscription returns the objects of every app; {@link #app(long)} restricts to one app. Immutable.
 */
public final class ListOptions {

    private static final ListOptions ALL_APPS = new ListOptions(Map.of("expand", "*"));

    private final Map<String, String> query;

    private ListOptions(Map<String, String> query) {
        this.query = query;
    }

    /**
     * Objects of every app ({@code expand=*}). Without it Pendo returns only the default app's objects.
     *
     * @return the options
     */
    public static ListOptions allApps() {
        return ALL_APPS;
    }

    /**
     * Objects of one app ({@code appId=...}).
     *
     * @param appId the app id; Pendo's default app of older subscriptions is negative, for example -323232
     * @return the options
     */
    public static ListOptions app(long appId) {
        return new ListOptions(Map.of("appId", Long.toString(appId)));
    }

    /**
     * A copy with one more query parameter, for parameters Pendo accepts that have no method here (for example
     * {@code state=public} on guides).
     *
     * @param name the parameter name
     * @param value its value
     * @return new options
     */
    public ListOptions with(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Map<String, String> copy = new LinkedHashMap<>(query);
        copy.put(name, value);
        return new ListOptions(Collections.unmodifiableMap(copy));
    }

    /**
     * The query parameters.
     *
     * @return parameter name to value
     */
    public Map<String, String> query() {
        return query;
    }

    @Override
    public String toString() {
        return "ListOptions" + query;
    }
}
