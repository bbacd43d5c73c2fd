package io.github.pendoclient.resource;

import io.github.pendoclient.api.VisitorApi;
import io.github.pendoclient.internal.http.PendoHttp;
import io.github.pendoclient.model.Visitor;
import io.github.pendoclient.model.VisitorHistoryItem;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Visitors by id, and their history. Listing visitors in bulk is an aggregation, not REST. */
public final class VisitorResource extends Resource {

    /**
     * The default history lookback: 179 days. Pendo does not document how long it keeps visitor history; about 180
     * days is what connectors observe, and the SDK starts one day later to stay inside. Pass another lookback to
     * {@link #history(String, Instant, Instant, Duration)} if your subscription keeps more.
     */
    public static final Duration HISTORY_LOOKBACK = Duration.ofDays(179);

    private static final Duration DAY = Duration.ofDays(1);

    private final VisitorApi api;

    /** Visitors on a stack, built by {@link Resources} for {@code PendoClient}. */
    VisitorResource(PendoHttp http) {
        super(http);
        this.api = http.create(VisitorApi.class);
    }

    /**
     * One visitor with its metadata groups.
     *
     * @param visitorId the visitor id; slashes, spaces, {@code #}, {@code %}, quotes and non-ASCII are encoded
     * @return the visitor
     * @throws io.github.pendoclient.error.NotFoundException if Pendo does not know the visitor
     */
    public Visitor get(String visitorId) {
        return http.execute(api.get(requirePathId(visitorId, "visitor id")));
    }

    /**
     * {@link #get(String)} without blocking.
     *
     * @param visitorId the visitor id
     * @return a future of the visitor
     */
    public CompletableFuture<Visitor> getAsync(String visitorId) {
        return async(() -> http.executeAsync(api.get(requirePathId(visitorId, "visitor id"))));
    }

    /**
     * A visitor's history from {@code from} to {@code to}, read lazily one day per request (as Pendo serves it)
     * while the stream is consumed. {@code from} is clamped to {@link #HISTORY_LOOKBACK} before now, because Pendo
     * keeps no older history. Each item carries the visitor id.
     *
     * @param visitorId the visitor id
     * @param from the first instant, inclusive
     * @param to the end, exclusive
     * @return the items, oldest day first
     */
    public Stream<VisitorHistoryItem> history(String visitorId, Instant from, Instant to) {
        return history(visitorId, from, to, HISTORY_LOOKBACK);
    }

    /**
     * {@link #history(String, Instant, Instant)} with another lookback: {@code from} is clamped to {@code lookback}
     * before now. Pendo does not document how long it keeps history; the default of 179 days is the SDK's guess.
     *
     * @param visitorId the visitor id
     * @param from the first instant, inclusive
     * @param to the end, exclusive
     * @param lookback how far back from now to ask at most; positive
     * @return the items, oldest day first
     * @throws IllegalArgumentException if the lookback is not positive or {@code to} is before {@code from}
     */
    public Stream<VisitorHistoryItem> history(String visitorId, Instant from, Instant to, Duration lookback) {
        requirePathId(visitorId, "visitor id");
        if (lookback == null || lookback.isNegative() || lookback.isZero()) {
            throw new IllegalArgumentException("history: the lookback must be positive, was " + lookback);
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("history: 'to' (" + to + ") is before 'from' (" + from + ")");
        }
        Instant earliest = http.options().timeSource().now().minus(lookback);
        Instant start = from.isBefore(earliest) ? earliest : from;
        Iterator<VisitorHistoryItem> items = new Iterator<>() {
            private Instant nextDay = start;
            private Iterator<VisitorHistoryItem> day = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!day.hasNext() && nextDay.isBefore(to)) {
                    List<VisitorHistoryItem> page = http.execute(api.history(visitorId, nextDay.toEpochMilli()));
                    Instant dayEnd = nextDay.plus(DAY).isAfter(to) ? to : nextDay.plus(DAY);
                    Instant dayStart = nextDay;
                    nextDay = nextDay.plus(DAY);
                    day = page == null
                            ? Collections.emptyIterator()
                            : page.stream()
                                    .filter(item -> item.ts() == null
                                            || !item.ts().isBefore(dayStart)
                                                    && item.ts().isBefore(dayEnd))
                                    .map(item -> withVisitor(item, visitorId))
                                    .iterator();
                }
                return day.hasNext();
            }

            @Override
            public VisitorHistoryItem next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return day.next();
            }
        };
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(items, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private static VisitorHistoryItem withVisitor(VisitorHistoryItem item, String visitorId) {
        return new VisitorHistoryItem(
                visitorId,
                item.type(),
                item.ts(),
                item.lastTs(),
                item.duration(),
                item.pageId(),
                item.featureId(),
                item.guideId(),
                item.guideStepId(),
                item.appId(),
                item.uri(),
                item.untaggedUrl(),
                item.parsedUserAgent(),
                item.trackTypeId(),
                item.unknownFields());
    }
}
