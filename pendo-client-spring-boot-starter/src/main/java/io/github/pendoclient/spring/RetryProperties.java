package io.github.pendoclient.spring;

import java.time.Duration;

/** Retries of the Pendo and track clients ({@code pendo.retries.*}); unset ones keep the SDK's defaults. */
public class RetryProperties {

    /** Attempts per call, the first included; 1 turns retries off. */
    private Integer maxAttempts;

    /** Wait before the first retry; later waits double. */
    private Duration initialBackoff;

    /** Longest wait between attempts. */
    private Duration maxBackoff;

    /** Longest time a call may spend on attempts and waits. */
    private Duration maxElapsed;

    /** Bound by Spring. */
    public RetryProperties() {}

    /**
     * Attempts per call, the first included.
     *
     * @return the value, or null for the SDK's default
     */
    public Integer getMaxAttempts() {
        return maxAttempts;
    }

    /**
     * Sets: attempts per call, the first included.
     *
     * @param maxAttempts the value
     */
    public void setMaxAttempts(Integer maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /**
     * Wait before the first retry.
     *
     * @return the value, or null for the SDK's default
     */
    public Duration getInitialBackoff() {
        return initialBackoff;
    }

    /**
     * Sets: wait before the first retry.
     *
     * @param initialBackoff the value
     */
    public void setInitialBackoff(Duration initialBackoff) {
        this.initialBackoff = initialBackoff;
    }

    /**
     * Longest wait between attempts.
     *
     * @return the value, or null for the SDK's default
     */
    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    /**
     * Sets: longest wait between attempts.
     *
     * @param maxBackoff the value
     */
    public void setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    /**
     * Longest time a call may spend on attempts and waits.
     *
     * @return the value, or null for the SDK's default
     */
    public Duration getMaxElapsed() {
        return maxElapsed;
    }

    /**
     * Sets: longest time a call may spend on attempts and waits.
     *
     * @param maxElapsed the value
     */
    public void setMaxElapsed(Duration maxElapsed) {
        this.maxElapsed = maxElapsed;
    }
}
