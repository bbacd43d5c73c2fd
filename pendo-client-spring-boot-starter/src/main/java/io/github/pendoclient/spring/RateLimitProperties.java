package io.github.pendoclient.spring;

/** The client-side rate limit ({@code pendo.rate-limit.*}). */
public class RateLimitProperties {

    /** Whether calls are paced on the client (default true). */
    private boolean enabled = true;

    /** Requests per second of each endpoint; the SDK's default when unset. */
    private Double perSecond;

    /** Bound by Spring. */
    public RateLimitProperties() {}

    /**
     * Whether calls are paced on the client.
     *
     * @return the value
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Sets: whether calls are paced on the client.
     *
     * @param enabled the value
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Requests per second of each endpoint.
     *
     * @return the value, or null for the SDK's default
     */
    public Double getPerSecond() {
        return perSecond;
    }

    /**
     * Sets: requests per second of each endpoint.
     *
     * @param perSecond the value
     */
    public void setPerSecond(Double perSecond) {
        this.perSecond = perSecond;
    }
}
