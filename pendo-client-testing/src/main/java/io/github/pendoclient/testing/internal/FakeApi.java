package io.github.pendoclient.testing.internal;

import io.github.pendoclient.internal.json.JsonValues;
import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.Endpoint;
import io.github.pendoclient.track.TrackEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The fake's router: sends each endpoint to its handler (people, catalog, admin, track) and answers aggregations
 * through the {@link AggregationEngine} over {@link AggregationSources}. Thread-safe.
 */
public final class FakeApi {

    private final Dataset dataset;
    private final LongSupplier clock;
    private final AggregationEngine engine;
    private final PeopleHandler people;
    private final CatalogHandler catalog;
    private final AdminHandler admin;
    private final TrackHandler track;

    /**
     * Creates the fake's behaviour.
     *
     * @param dataset the data
     * @param clock epoch milliseconds of "now"
     */
    public FakeApi(Dataset dataset, LongSupplier clock) {
        this(dataset, clock, new TrackHandler());
    }

    private FakeApi(Dataset dataset, LongSupplier clock, TrackHandler track) {
        this.track = track;
        this.dataset = dataset;
        this.clock = clock;
        this.people = new PeopleHandler(dataset);
        this.catalog = new CatalogHandler(dataset);
        this.admin = new AdminHandler(dataset, people, clock);
        this.engine = new AggregationEngine(
                new AggregationSources(dataset, AggregationSources.Live.of(people, catalog)), clock);
    }

    /**
     * The fake's behaviour over another dataset, with the same clock and the same received track events; what
     * requests changed in this one (metadata, segments, deletions) is not carried over.
     *
     * @param dataset the new data
     * @return the new behaviour
     */
    public FakeApi over(Dataset dataset) {
        return new FakeApi(dataset, clock, track);
    }

    /**
     * Answers a request that passed authentication.
     *
     * @param endpoint the endpoint group
     * @param method the HTTP method
     * @param path the path without its leading slash
     * @param query the query parameters, not yet percent-decoded (ids are split on literal commas first)
     * @param body the body text
     * @return the answer
     */
    public Answer handle(Endpoint endpoint, String method, String path, Map<String, String> query, String body) {
        String[] parts = path.split("/");
        try {
            return switch (endpoint) {
                case AGGREGATION -> aggregation(body);
                case FEATURES ->
                    CatalogHandler.list(PendoRows.view(dataset.features(), PendoRows::json), query, "feature");
                case PAGES -> CatalogHandler.list(PendoRows.view(dataset.pages(), PendoRows::json), query, "page");
                case TRACK_TYPES ->
                    CatalogHandler.list(PendoRows.view(dataset.trackTypes(), PendoRows::json), query, "track type");
                case GUIDES -> CatalogHandler.list(PendoRows.view(catalog.guides(), PendoRows::json), query, "guide");
                case GUIDE_UPDATES -> catalog.guideUpdate(method, decode(parts[3]), parts, body);
                case VISITOR ->
                    PeopleHandler.entity(
                            Shapes.restBody(people.visitor(decode(parts[3])), "visitorId"), "visitor", parts[3]);
                case VISITOR_HISTORY -> people.history(decode(parts[3]), query.get("starttime"));
                case ACCOUNT ->
                    PeopleHandler.entity(
                            Shapes.restBody(people.account(decode(parts[3])), "accountId"), "account", parts[3]);
                case METADATA_SCHEMA -> Answer.json(200, JsonValues.toJson(people.metadataSchema(parts[4])));
                case METADATA_VALUE ->
                    people.metadataValue(method, parts[3], decode(parts[4]), decode(parts[6]), decode(parts[7]), body);
                case METADATA_BULK ->
                    people.metadataBulk(parts[3], decode(parts[4]), "true".equals(query.get("create")), body);
                case SEGMENTS -> admin.segment(method, parts, body);
                case REPORTS -> admin.report(parts);
                case BULK_DELETE -> admin.bulkDelete(method, parts, body);
                case TOKEN_VERIFY -> Answer.json(200, "{}");
                case TRACK -> track.accept(body);
                default -> Answer.error(404, "No such endpoint: " + method + " /" + path);
            };
        } catch (AggregationException e) {
            return Answer.error(e.status(), e.field(), e.getMessage());
        } catch (IllegalArgumentException | ClassCastException | ArrayIndexOutOfBoundsException e) {
            return Answer.error(400, "Bad request: " + e.getMessage());
        }
    }

    /**
     * Percent-decodes a path segment per RFC 3986: {@code %2B} and {@code +} both mean a plus (only forms and query
     * strings read {@code +} as a space).
     */
    static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Decodes a query string value, where {@code +} is a space. */
    static String decodeQuery(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    // ---- aggregation

    private Answer aggregation(String body) {
        Object request;
        try {
            request = JsonValues.parse(body);
        } catch (IllegalArgumentException e) {
            return Answer.error(
                    400,
                    "The body is not valid JSON (" + e.getMessage() + "); an aggregation is"
                            + " {\"response\": {\"mimeType\": \"application/json\"}, \"request\": {\"pipeline\": [...]}}");
        }
        Stream<Map<String, Object>> rows = engine.run(request);
        long startTime = clock.getAsLong();
        return new Answer(200, "application/json", null, new ResultsBody(startTime, rows));
    }

    /**
     * The track events received, as their JSON bodies.
     *
     * @return the events in arrival order
     */
    public List<Map<String, Object>> trackEvents() {
        return track.events();
    }

    /**
     * The track events received, as {@link TrackEvent} values.
     *
     * @return the events in arrival order
     */
    public List<TrackEvent> receivedTrackEvents() {
        return track.asEvents();
    }

    /** Forgets the track events received. */
    public void clearTrackEvents() {
        track.clear();
    }

    /**
     * How many rows aggregations have pulled from sources so far: their cost in work, not time.
     *
     * @return the count
     */
    public long aggregationRowsExamined() {
        return engine.rowsExamined();
    }
}
