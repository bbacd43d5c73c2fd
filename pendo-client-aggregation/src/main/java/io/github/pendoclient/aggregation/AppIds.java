package io.github.pendoclient.aggregation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The {@code appId} parameter of a source: every app ({@code expandAppIds("*")}), one app, a list, or the
 * subscription's default app (no {@code appId}, so a catalog source is sent as {@code null}). App ids are numbers;
 * Pendo's default app in older subscriptions is negative (for example {@code -323232}).
 *
 * <p>Use {@link #all()} for multi-app subscriptions: connectors that sent {@code null} got the default app alone.
 */
public final class AppIds {

    private static final AppIds ALL = new AppIds("expandAppIds(\"*\")");
    private static final AppIds DEFAULT_APP = new AppIds(null);

    private final Object value;

    private AppIds(Object value) {
        this.value = value;
    }

    /**
     * Every app of the subscription: {@code "expandAppIds(\"*\")"}.
     *
     * @return all apps
     */
    public static AppIds all() {
        return ALL;
    }

    /**
     * The subscription's default app only: the source is sent without {@code appId} ({@code {"features": null}}
     * for a catalog source), which Pendo documents for single-app subscriptions.
     *
     * @return the default app
     */
    public static AppIds defaultApp() {
        return DEFAULT_APP;
    }

    /**
     * One app, sent as a number.
     *
     * @param appId the app id
     * @return that app
     */
    public static AppIds of(long appId) {
        return new AppIds(appId);
    }

    /**
     * Several apps, sent as a list of numbers (one app is sent as a plain number).
     *
     * @param appIds at least one app id
     * @return those apps
     */
    public static AppIds of(long... appIds) {
        List<Long> ids = new ArrayList<>(appIds.length);
        for (long id : appIds) {
            ids.add(id);
        }
        return of(ids);
    }

    /**
     * Several apps, sent as a list of numbers (one app is sent as a plain number).
     *
     * @param appIds at least one app id
     * @return those apps
     */
    public static AppIds of(Collection<Long> appIds) {
        if (appIds.isEmpty()) {
            throw new IllegalArgumentException("Name at least one app id, or use AppIds.all()");
        }
        if (appIds.size() == 1) {
            return of(appIds.iterator().next().longValue());
        }
        return new AppIds(List.copyOf(appIds));
    }

    /**
     * Parses a comma-separated list of app ids, as sync tools take them on the command line; blank means all apps.
     *
     * @param text for example {@code "-323232, 5629499534213120"}, or blank
     * @return the app ids
     * @throws IllegalArgumentException naming the part that is not a number
     */
    public static AppIds parse(String text) {
        if (text == null || text.isBlank() || text.strip().equals("*")) {
            return all();
        }
        List<Long> ids = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                ids.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("App ids are numbers; '" + part.strip() + "' is not", e);
            }
        }
        return of(ids);
    }

    /**
     * Whether this stands for every app.
     *
     * @return true for {@link #all()}
     */
    public boolean isAll() {
        return this == ALL;
    }

    /**
     * Whether this stands for the default app, sent as no {@code appId} at all.
     *
     * @return true for {@link #defaultApp()}
     */
    public boolean isDefaultApp() {
        return this == DEFAULT_APP;
    }

    Object toJsonValue() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AppIds ids && java.util.Objects.equals(ids.value, value);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return isDefaultApp() ? "default app" : String.valueOf(value);
    }
}
