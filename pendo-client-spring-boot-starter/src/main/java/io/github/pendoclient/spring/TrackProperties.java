package io.github.pendoclient.spring;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

/** The track client and its sender ({@code pendo.track.*}). */
public class TrackProperties {

    /** The track event shared secret; the TrackClient and TrackSender beans need it. */
    private String sharedSecret;

    /** The track API's base URL, instead of the region's; plain http only on loopback. */
    private String baseUrl;

    /** The queued sender. */
    @NestedConfigurationProperty
    private SenderProperties sender = new SenderProperties();

    /** Bound by Spring. */
    public TrackProperties() {}

    /**
     * The track event shared secret.
     *
     * @return the value, or null for the SDK's default
     */
    public String getSharedSecret() {
        return sharedSecret;
    }

    /**
     * Sets: the track event shared secret.
     *
     * @param sharedSecret the value
     */
    public void setSharedSecret(String sharedSecret) {
        this.sharedSecret = sharedSecret;
    }

    /**
     * The track API's base URL, instead of the region's.
     *
     * @return the value, or null for the SDK's default
     */
    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * Sets: the track API's base URL, instead of the region's.
     *
     * @param baseUrl the value
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * The queued sender.
     *
     * @return the value
     */
    public SenderProperties getSender() {
        return sender;
    }

    /**
     * Sets: the queued sender.
     *
     * @param sender the value
     */
    public void setSender(SenderProperties sender) {
        this.sender = sender;
    }
}
