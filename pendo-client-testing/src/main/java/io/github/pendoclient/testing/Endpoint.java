package io.github.pendoclient.testing;

import java.util.regex.Pattern;

/** The groups of Pendo endpoints a {@link FakePendo} serves, for faults, counts and assertions. */
public enum Endpoint {
    /** {@code POST /api/v1/aggregation}. */
    AGGREGATION("POST", "api/v1/aggregation"),
    /** {@code GET /api/v1/feature}. */
    FEATURES("GET", "api/v1/feature"),
    /** {@code GET /api/v1/page}. */
    PAGES("GET", "api/v1/page"),
    /** {@code GET /api/v1/guide}. */
    GUIDES("GET", "api/v1/guide"),
    /** Guide state, segment and reset calls under {@code /api/v1/guide/...}. */
    GUIDE_UPDATES(null, "api/v1/guide/.+"),
    /** {@code GET /api/v1/tracktype}. */
    TRACK_TYPES("GET", "api/v1/tracktype"),
    /** {@code GET /api/v1/visitor/{id}/history}. */
    VISITOR_HISTORY("GET", "api/v1/visitor/[^/]+/history"),
    /** {@code GET /api/v1/visitor/{id}}. */
    VISITOR("GET", "api/v1/visitor/[^/]+"),
    /** {@code GET /api/v1/account/{id}}. */
    ACCOUNT("GET", "api/v1/account/[^/]+"),
    /** {@code GET /api/v1/metadata/schema/{kind}}. */
    METADATA_SCHEMA("GET", "api/v1/metadata/schema/[^/]+"),
    /** {@code GET} and {@code PUT /api/v1/metadata/{kind}/{group}/value/{id}/{field}}. */
    METADATA_VALUE(null, "api/v1/metadata/[^/]+/[^/]+/value/[^/]+/[^/]+"),
    /** {@code POST /api/v1/metadata/{kind}/{group}/value}. */
    METADATA_BULK("POST", "api/v1/metadata/[^/]+/[^/]+/value"),
    /** Everything under {@code /api/v1/segment}. */
    SEGMENTS(null, "api/v1/segment(/.*)?"),
    /** {@code GET /api/v1/report} and {@code /api/v1/report/{id}/results.json}. */
    REPORTS("GET", "api/v1/report(/.*)?"),
    /** Everything under {@code /api/v1/bulkdelete}. */
    BULK_DELETE(null, "api/v1/bulkdelete(/.*)?"),
    /** {@code GET /api/v1/token/verify}. */
    TOKEN_VERIFY("GET", "api/v1/token/verify"),
    /** {@code POST /data/track}, with the shared secret. */
    TRACK("POST", "data/track"),
    /** Anything else. */
    OTHER(null, ".*");

    private final String method;
    private final Pattern path;

    Endpoint(String method, String path) {
        this.method = method;
        this.path = Pattern.compile(path);
    }

    /**
     * The endpoint a request goes to.
     *
     * @param method the HTTP method
     * @param path the path, with or without its leading slash
     * @return the endpoint, {@link #OTHER} when none matches
     */
    public static Endpoint of(String method, String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        for (Endpoint endpoint : values()) {
            if ((endpoint.method == null || endpoint.method.equals(method))
                    && endpoint.path.matcher(relative).matches()) {
                return endpoint;
            }
        }
        return OTHER;
    }

    /**
     * Whether the track key (the shared secret) rather than the integration key authenticates this endpoint.
     *
     * @return true for {@link #TRACK}
     */
    public boolean usesSharedSecret() {
        return this == TRACK;
    }
}
