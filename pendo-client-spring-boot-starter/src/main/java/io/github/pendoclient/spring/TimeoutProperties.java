package io.github.pendoclient.spring;

import java.time.Duration;

/** Timeouts of the Pendo client ({@code pendo.timeouts.*}); unset ones keep the SDK's defaults. */
public class TimeoutProperties {

    /** Connect timeout. */
    private Duration connect;

    /** Read timeout of REST calls. */
    private Duration read;

    /** Write timeout. */
    private Duration write;

    /** Whole-call timeout of REST calls, retries excluded. */
    private Duration call;

    /** Read timeout of aggregations (between bytes of a streamed result). */
    private Duration aggregation;

    /** Bound by Spring. */
    public TimeoutProperties() {}

    /**
     * Connect timeout.
     *
     * @return the value, or null for the SDK's default
     */
    public Duration getConnect() {
        return connect;
    }

    /**
     * Sets: connect timeout.
     *
     * @param connect the value
     */
    public void setConnect(Duration connect) {
        this.connect = connect;
    }

    /**
     * Read timeout of REST calls.
     *
     * @return the value, or null for the SDK's default
     */
    public Duration getRead() {
        return read;
    }

    /**
     * Sets: read timeout of REST calls.
     *
     * @param read the value
     */
    public void setRead(Duration read) {
        this.read = read;
    }

    /**
     * Write timeout.
     *
     * @return the value, or null for the SDK's default
     */
    public Duration getWrite() {
        return write;
    }

    /**
     * Sets: write timeout.
     *
     * @param write the value
     */
    public void setWrite(Duration write) {
        this.write = write;
    }

    /**
     * Whole-call timeout of REST calls, retries excluded.
     *
     * @return the value, or null for the SDK's default
     */
    public Duration getCall() {
        return call;
    }

    /**
     * Sets: whole-call timeout of REST calls, retries excluded.
     *
     * @param call the value
     */
    public void setCall(Duration call) {
        this.call = call;
    }

    /**
     * Read timeout of aggregations.
     *
     * @return the value, or null for the SDK's default
     */
    public Duration getAggregation() {
        return aggregation;
    }

    /**
     * Sets: read timeout of aggregations.
     *
     * @param aggregation the value
     */
    public void setAggregation(Duration aggregation) {
        this.aggregation = aggregation;
    }
}
