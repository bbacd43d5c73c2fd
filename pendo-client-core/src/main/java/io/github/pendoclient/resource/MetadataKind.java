package io.github.pendoclient.resource;

/** Whose metadata: visitors' or accounts'. */
public enum MetadataKind {
    /** Visitor metadata; bulk rows carry {@code visitorId}. */
    VISITOR("visitor", "visitorId"),
    /** Account metadata; bulk rows carry {@code accountId}. */
    ACCOUNT("account", "accountId");

    private final String path;
    private final String idField;

    MetadataKind(String path, String idField) {
        this.path = path;
        this.idField = idField;
    }

    /**
     * The path segment, {@code visitor} or {@code account}.
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
