package io.github.pendoclient.resource;

/** Whose metadata: visitors', accounts' or parent accounts'. */
public enum MetadataKind {
    /** Visitor metadata; bulk rows carry {@code visitorId}. */
    VISITOR("visitor", "visitorId"),
    /** Account metadata; bulk rows carry {@code accountId}. */
    ACCOUNT("account", "accountId"),
    /**
     * Parent account metadata (subscriptions with account hierarchies). Pendo's public docs do not describe these
     * endpoints; the path segment {@code parentAccount} and the {@code accountId} member follow the visitor and
     * account endpoints and are a guess until verified against a live subscription.
     */
    PARENT_ACCOUNT("parentAccount", "accountId");

    private final String path;
    private final String idField;

    MetadataKind(String path, String idField) {
        this.path = path;
        this.idField = idField;
    }

    /**
     * The path segment, {@code visitor}, {@code account} or {@code parentAccount}.
     *
     * @return the path segment
     */
    public String path() {
        return path;
    }

    /**
     * The id member of bulk rows, {@code visitorId} or {@code accountId}.
     *
     * @return the member name
     */
    public String idField() {
        return idField;
    }
}
