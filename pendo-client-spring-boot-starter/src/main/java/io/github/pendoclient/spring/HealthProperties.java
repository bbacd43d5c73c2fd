package io.github.pendoclient.spring;

import java.time.Duration;

/** The {@code pendo} health indicator ({@code pendo.health.*}). */
public class HealthProperties {

    /** Whether the health indicator is made when a PendoClient exists (default true). */
    private boolean enabled = true;

    /** How long a key check's answer is reused; at least one minute (default 1m). */
    private Duration cacheFor = Duration.ofMinutes(1);

    /** Bound by Spring. */
    public HealthProperties() {}

    /**
     * Whether the health indicator is made when a PendoClient exists.
     *
     * @return the value
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Sets: whether the health indicator is made when a PendoClient exists.
     *
     * @param enabled the value
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * How long a key check's answer is reused.
     *
     * @return the value
     */
    public Duration getCacheFor() {
        return cacheFor;
    }

    /**
     * Sets: how long a key check's answer is reused.
     *
     * @param cacheFor the value
     */
    public void setCacheFor(Duration cacheFor) {
        this.cacheFor = cacheFor;
    }
}
