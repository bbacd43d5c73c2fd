package io.github.pendoclient.aggregation;

/**
 * The {@code blacklist} parameter of event sources: whether the subscription's exclude lists (internal users, test
 * accounts, IP ranges) apply.
 */
public enum Blacklist {
    /** {@code "apply"}: leave out excluded visitors and accounts, as Pendo's UI does. */
    APPLY("apply"),
    /** {@code "ignore"}: include everything. */
    IGNORE("ignore"),
    /** {@code "only"}: only the excluded data. Seen in one source only; check it against your subscription. */
    ONLY("only");

    private final String wireValue;

    Blacklist(String wireValue) {
        this.wireValue = wireValue;
    }

    /**
     * The value as sent.
     *
     * @return for example {@code "apply"}
     */
    public String wireValue() {
        return wireValue;
    }
}
