package io.github.pendoclient.spring;

import io.github.pendoclient.track.TrackSender;
import java.time.Duration;

/** The auto-configured {@code TrackSender} ({@code pendo.track.sender.*}); unset ones keep the SDK's defaults. */
public class SenderProperties {

    /** Whether a TrackSender bean is made when a TrackClient exists (default true). */
    private boolean enabled = true;

    /** Events the queue holds. */
    private Integer queueCapacity;

    /** Requests in flight at once. */
    private Integer concurrency;

    /** What track() does when the queue is full: BLOCK, DROP_NEWEST or DROP_OLDEST. */
    private TrackSender.OverflowPolicy overflow;

    /** How long track() blocks on a full queue under BLOCK. */
    private Duration blockTimeout;

    /** How long the context's shutdown waits for queued events to be delivered. */
    private Duration closeTimeout;

    /** Attempts per event request, the first included. */
    private Integer maxAttempts;

    /** Bound by Spring. */
    public SenderProperties() {}

    /**
     * Whether a TrackSender bean is made when a TrackClient exists.
     *
     * @return the value
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Sets: whether a TrackSender bean is made when a TrackClient exists.
     *
     * @param enabled the value
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Events the queue holds.
     *
     * @return the value, or null for the SDK's default
     */
    public Integer getQueueCapacity() {
        return queueCapacity;
    }

    /**
     * Sets: events the queue holds.
     *
     * @param queueCapacity the value
     */
    public void setQueueCapacity(Integer queueCapacity) {
        this.queueCapacity = queueCapacity;
    }

    /**
     * Requests in flight at once.
     *
     * @return the value, or null for the SDK's default
     */
    public Integer getConcurrency() {
        return concurrency;
    }

    /**
     * Sets: requests in flight at once.
     *
     * @param concurrency the value
     */
    public void setConcurrency(Integer concurrency) {
        this.concurrency = concurrency;
    }

    /**
     * What track() does when the queue is full: BLOCK, DROP_NEWEST or DROP_OLDEST.
     *
     * @return the value, or null for the SDK's default
     */
    public TrackSender.OverflowPolicy getOverflow() {
        return overflow;
    }

    /**
     * Sets: what track() does when the queue is full: BLOCK, DROP_NEWEST or DROP_OLDEST.
     *
     * @param overflow the value
     */
    public void setOverflow(TrackSender.OverflowPolicy overflow) {
        this.overflow = overflow;
    }

    /**
     * How long track() blocks on a full queue under BLOCK.
     *
     * @return the value, or null for the SDK's default
     */
    public Duration getBlockTimeout() {
        return blockTimeout;
    }

    /**
     * Sets: how long track() blocks on a full queue under BLOCK.
     *
     * @param blockTimeout the value
     */
    public void setBlockTimeout(Duration blockTimeout) {
        this.blockTimeout = blockTimeout;
    }

    /**
     * How long the context's shutdown waits for queued events to be delivered.
     *
     * @return the value, or null for the SDK's default
     */
    public Duration getCloseTimeout() {
        return closeTimeout;
    }

    /**
     * Sets: how long the context's shutdown waits for queued events to be delivered.
     *
     * @param closeTimeout the value
     */
    public void setCloseTimeout(Duration closeTimeout) {
        this.closeTimeout = closeTimeout;
    }

    /**
     * Attempts per event request, the first included.
     *
     * @return the value, or null for the SDK's default
     */
    public Integer getMaxAttempts() {
        return maxAttempts;
    }

    /**
     * Sets: attempts per event request, the first included.
     *
     * @param maxAttempts the value
     */
    public void setMaxAttempts(Integer maxAttempts) {
        this.maxAttempts = maxAttempts;
    }
}
