package io.github.pendoclient.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The {@code pendo.*} settings of the auto-configured clients. Only {@code pendo.integration-key} is needed for a
 * {@code PendoClient}, and {@code pendo.track.shared-secret} for a {@code TrackClient}; everything else has the SDK's
 * defaults. The key and the secret are masked in {@code /actuator/env} and {@code /actuator/configprops} whatever
 * {@code show-values} says.
 */
@ConfigurationProperties("pendo")
public class PendoProperties {

    /** The integration key (Settings > Integrations > Integration Keys); the PendoClient bean needs it. */
    private String integrationKey;

    /** The subscription's region: us, us1, eu, jpn or au (default us). */
    private String region;

    /** The API's base URL, instead of the region's; plain http only on loopback (for a fake). */
    private String baseUrl;

    @NestedConfigurationProperty
    private TimeoutProperties timeouts = new TimeoutProperties();

    @NestedConfigurationProperty
    private RetryProperties retries = new RetryProperties();

    @NestedConfigurationProperty
    private RateLimitProperties rateLimit = new RateLimitProperties();

    @NestedConfigurationProperty
    private TrackProperties track = new TrackProperties();

    @NestedConfigurationProperty
    private HealthProperties health = new HealthProperties();

    /** Bound by Spring. */
    public PendoProperties() {}

    /**
     * The integration key.
     *
     * @return the key, or null when not set
     */
    public String getIntegrationKey() {
        return integrationKey;
    }

    /**
     * Sets the integration key.
     *
     * @param integrationKey the key
     */
    public void setIntegrationKey(String integrationKey) {
        this.integrationKey = integrationKey;
    }

    /**
     * The region.
     *
     * @return the region's name, or null for the default
     */
    public String getRegion() {
        return region;
    }

    /**
     * Sets the region.
     *
     * @param region us, us1, eu, jpn or au
     */
    public void setRegion(String region) {
        this.region = region;
    }

    /**
     * The base URL.
     *
     * @return the URL, or null for the region's
     */
    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * Sets the base URL.
     *
     * @param baseUrl the URL
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * The timeouts.
     *
     * @return the timeouts
     */
    public TimeoutProperties getTimeouts() {
        return timeouts;
    }

    /**
     * Sets the timeouts.
     *
     * @param timeouts the timeouts
     */
    public void setTimeouts(TimeoutProperties timeouts) {
        this.timeouts = timeouts;
    }

    /**
     * The retries.
     *
     * @return the retries
     */
    public RetryProperties getRetries() {
        return retries;
    }

    /**
     * Sets the retries.
     *
     * @param retries the retries
     */
    public void setRetries(RetryProperties retries) {
        this.retries = retries;
    }

    /**
     * The client-side rate limit.
     *
     * @return the rate limit
     */
    public RateLimitProperties getRateLimit() {
        return rateLimit;
    }

    /**
     * Sets the client-side rate limit.
     *
     * @param rateLimit the rate limit
     */
    public void setRateLimit(RateLimitProperties rateLimit) {
        this.rateLimit = rateLimit;
    }

    /**
     * The track client and sender.
     *
     * @return the track settings
     */
    public TrackProperties getTrack() {
        return track;
    }

    /**
     * Sets the track client and sender.
     *
     * @param track the track settings
     */
    public void setTrack(TrackProperties track) {
        this.track = track;
    }

    /**
     * The health indicator.
     *
     * @return the health settings
     */
    public HealthProperties getHealth() {
        return health;
    }

    /**
     * Sets the health indicator.
     *
     * @param health the health settings
     */
    public void setHealth(HealthProperties health) {
        this.health = health;
    }
}
