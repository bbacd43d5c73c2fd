package io.github.pendoclient.resource;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Query options of the catalog list calls. {@link #allApps()} (the default) sends {@code expand=*}, so a multi-app
 * subscription returns the objects of every app; {@link #app(long)} restricts to one app. Other parameters Pendo
 * accepts go through {@link #withParameter(String, String)} or {@link Builder#parameter(String, String)}. Immutable.
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
    public ListOptions withParameter(String name, String value) {
        return toBuilder().parameter(name, value).build();
    }

    /**
     * A builder starting from the defaults ({@link #allApps()}).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder(ALL_APPS.query);
    }

    /**
     * A builder starting from these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(query);
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

    /** Builds {@link ListOptions}; setters validate at once. */
    public static final class Builder {
        private final Map<String, String> query;

        private Builder(Map<String, String> query) {
            this.query = new LinkedHashMap<>(query);
        }

        /**
         * Objects of one app ({@code appId=...}), replacing {@link #allApps()}.
         *
         * @param appId the app id; Pendo's default app of older subscriptions is negative, for example -323232
         * @return this builder
         */
        public Builder appId(long appId) {
            query.remove("expand");
            query.put("appId", Long.toString(appId));
            return this;
        }

        /**
         * Objects of every app ({@code expand=*}), replacing {@link #appId(long)}.
         *
         * @return this builder
         */
        public Builder allApps() {
            query.remove("appId");
            query.put("expand", "*");
            return this;
        }

        /**
         * One more query parameter, for parameters Pendo accepts that have no method here (for example
         * {@code state=public} on guides); a second call with the same name replaces the value.
         *
         * @param name the parameter name, not blank
         * @param value its value
         * @return this builder
         */
        public Builder parameter(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isBlank()) {
                throw new IllegalArgumentException("A query parameter name must not be blank");
            }
            query.put(name, value);
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the immutable options
         */
        public ListOptions build() {
            return new ListOptions(Collections.unmodifiableMap(new LinkedHashMap<>(query)));
        }
    }
}
