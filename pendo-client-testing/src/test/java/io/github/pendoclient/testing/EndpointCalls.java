package io.github.pendoclient.testing;

import java.util.List;

/** One representative call to each endpoint the fake serves, over the dataset {@link #DATASET}. */
final class EndpointCalls {

    static final Dataset DATASET = Dataset.builder()
            .visitor("jane+x@example.com", java.util.Map.of("agent", java.util.Map.of("name", "Jane")))
            .visitor("v-2", java.util.Map.of())
            .account("acme", java.util.Map.of())
            .page("page-1", -323232, "Home")
            .feature("feature-1", -323232, "Export")
            .trackType("tt-1", -323232, "Done")
            .guide("guide-1", -323232, "Tour", "public", 2)
            .segment("seg-1", "Admins")
            .report("rep-1", "Report", List.of(java.util.Map.of("visitorId", "v-2")))
            .metadataField("visitor", "custom", "tier", "string")
            .pageEvents("v-2", "acme", -323232, java.time.Instant.parse("2026-11-01T10:00:00Z"), "page-1", 3)
            .build();

    /** A call: its endpoint group, method, target and body, and the status a plain call gets. */
    record Call(Endpoint endpoint, String method, String target, String body, int status, boolean emptyBody) {
        @Override
        public String toString() {
            return method + " " + target;
        }
    }

    static final String AGGREGATION = "{\"response\":{\"mimeType\":\"application/json\"},\"request\":{\"pipeline\":"
            + "[{\"source\":{\"visitors\":null}},{\"sort\":[\"visitorId\"]}]}}";

    static final List<Call> CALLS = List.of(
            new Call(Endpoint.AGGREGATION, "POST", "/api/v1/aggregation", AGGREGATION, 200, false),
            new Call(Endpoint.FEATURES, "GET", "/api/v1/feature", null, 200, false),
            new Call(Endpoint.PAGES, "GET", "/api/v1/page?appId=-323232", null, 200, false),
            new Call(Endpoint.GUIDES, "GET", "/api/v1/guide", null, 200, false),
            new Call(Endpoint.GUIDE_UPDATES, "PUT", "/api/v1/guide/guide-1/state", "{\"state\":\"public\"}", 200, true),
            new Call(Endpoint.TRACK_TYPES, "GET", "/api/v1/tracktype", null, 200, false),
            new Call(
                    Endpoint.VISITOR_HISTORY,
                    "GET",
                    "/api/v1/visitor/v-2/history?starttime=1793527200000",
                    null,
                    200,
                    false),
            new Call(Endpoint.VISITOR, "GET", "/api/v1/visitor/jane+x@example.com", null, 200, false),
            new Call(Endpoint.ACCOUNT, "GET", "/api/v1/account/acme", null, 200, false),
            new Call(Endpoint.METADATA_SCHEMA, "GET", "/api/v1/metadata/schema/visitor", null, 200, false),
            new Call(
                    Endpoint.METADATA_VALUE,
                    "PUT",
                    "/api/v1/metadata/visitor/custom/value/v-2/tier",
                    "\"gold\"",
                    200,
                    true),
            new Call(
                    Endpoint.METADATA_BULK,
                    "POST",
                    "/api/v1/metadata/visitor/custom/value",
                    "[{\"visitorId\":\"v-2\",\"values\":{\"tier\":\"gold\"}}]",
                    200,
                    false),
            new Call(Endpoint.SEGMENTS, "GET", "/api/v1/segment", null, 200, false),
            new Call(Endpoint.REPORTS, "GET", "/api/v1/report/rep-1/results.json", null, 200, false),
            new Call(Endpoint.BULK_DELETE, "GET", "/api/v1/bulkdelete", null, 200, false),
            new Call(Endpoint.TOKEN_VERIFY, "GET", "/api/v1/token/verify", null, 200, false),
            new Call(
                    Endpoint.TRACK,
                    "POST",
                    "/data/track",
                    "{\"type\":\"track\",\"event\":\"Done\",\"visitorId\":"
                            + "\"v-2\",\"timestamp\":1793527200000,\"context\":{}}",
                    200,
                    true),
            new Call(Endpoint.OTHER, "GET", "/api/v1/nothing-here", null, 404, false));

    private EndpointCalls() {}

    /** The key header a call needs. */
    static String keyFor(Call call) {
        return call.endpoint().usesSharedSecret() ? FakePendo.DEFAULT_SHARED_SECRET : FakePendo.DEFAULT_INTEGRATION_KEY;
    }
}
