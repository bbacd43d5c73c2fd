package io.github.pendoclient.aggregation;

/**
 * Ready-made queries for the tables sync jobs copy, in the shapes the established connectors send. Each returns a
 * plain {@link Aggregation}: stream it, page it, or extend it with {@link Aggregation#toBuilder()}.
 *
 * <p>Keysets that identify rows uniquely, for {@code KeysetPaging}: {@code visitorId} for visitors,
 * {@code accountId} for accounts, {@code id} for the catalog sources. Event queries come with a default time series
 * of the previous day ({@code first: now(), count: -1}, Pendo's own sample); a {@code TimeWindows} pager replaces it
 * per window. Event queries apply the subscription's exclude lists ({@link Blacklist#APPLY}), as Pendo's UI does.
 */
public final class Queries {

    private static final TimeSeries PREVIOUS_DAY =
            TimeSeries.days().first(Expr.now()).count(-1);

    private Queries() {}

    /**
     * Every identified visitor, anonymous ones left out: {@code {"visitors": {"identified": true}}} (what Stitch's
     * connector reads by default).
     *
     * @return the query; rows read as {@link io.github.pendoclient.model.Visitor}
     */
    public static Aggregation identifiedVisitors() {
        return Aggregation.builder().source(Source.visitors().identified(true)).build();
    }

    /**
     * Every visitor, anonymous ones included: {@code {"visitors": null}}.
     *
     * @return the query; rows read as {@link io.github.pendoclient.model.Visitor}
     */
    public static Aggregation allVisitors() {
        return Aggregation.builder().source(Source.visitors()).build();
    }

    /**
     * Every account: {@code {"accounts": null}}.
     *
     * @return the query; rows read as {@link io.github.pendoclient.model.Account}
     */
    public static Aggregation accounts() {
        return Aggregation.builder().source(Source.accounts()).build();
    }

    /**
     * The feature catalog of some apps.
     *
     * @param appIds the apps: {@link AppIds#all()} sends {@code expandAppIds("*")}, {@link AppIds#defaultApp()}
     *     {@code null}
     * @return the query; rows read as {@link io.github.pendoclient.model.Feature}
     */
    public static Aggregation features(AppIds appIds) {
        return catalog(Source.features(), appIds);
    }

    /**
     * The page catalog of some apps.
     *
     * @param appIds the apps
     * @return the query; rows read as {@link io.github.pendoclient.model.Page}
     */
    public static Aggregation pages(AppIds appIds) {
        return catalog(Source.pages(), appIds);
    }

    /**
     * The guide catalog of some apps.
     *
     * @param appIds the apps
     * @return the query; rows read as {@link io.github.pendoclient.model.Guide}
     */
    public static Aggregation guides(AppIds appIds) {
        return catalog(Source.guides(), appIds);
    }

    /**
     * The track type catalog of some apps.
     *
     * @param appIds the apps
     * @return the query; rows read as {@link io.github.pendoclient.model.TrackType}
     */
    public static Aggregation trackTypes(AppIds appIds) {
        return catalog(Source.trackTypes(), appIds);
    }

    private static Aggregation catalog(Source source, AppIds appIds) {
        return Aggregation.builder().source(source.appIds(appIds)).build();
    }

    /**
     * Every event, rolled up: {@code {"events": {"appId": ..., "blacklist": "apply"}}}.
     *
     * @param appIds the apps
     * @return the query; rows read as {@link io.github.pendoclient.aggregation.rows.EventRow}
     */
    public static Aggregation events(AppIds appIds) {
        return events(Source.events(), appIds);
    }

    /**
     * Feature clicks, rolled up.
     *
     * @param appIds the apps
     * @return the query; rows read as {@link io.github.pendoclient.aggregation.rows.FeatureEventRow}
     */
    public static Aggregation featureEvents(AppIds appIds) {
        return events(Source.featureEvents(), appIds);
    }

    /**
     * Page views, rolled up.
     *
     * @param appIds the apps
     * @return the query; rows read as {@link io.github.pendoclient.aggregation.rows.PageEventRow}
     */
    public static Aggregation pageEvents(AppIds appIds) {
        return events(Source.pageEvents(), appIds);
    }

    /**
     * Track events, rolled up.
     *
     * @param appIds the apps
     * @return the query; rows read as {@link io.github.pendoclient.aggregation.rows.TrackEventRow}
     */
    public static Aggregation trackEvents(AppIds appIds) {
        return events(Source.trackEvents(), appIds);
    }

    /**
     * Guide events, one row each.
     *
     * @param appIds the apps
     * @return the query; rows read as {@link io.github.pendoclient.aggregation.rows.GuideEventRow}
     */
    public static Aggregation guideEvents(AppIds appIds) {
        return events(Source.guideEvents(), appIds);
    }

    /**
     * Poll events, one row each.
     *
     * @param appIds the apps
     * @return the query; rows read as {@link io.github.pendoclient.aggregation.rows.PollEventRow}
     */
    public static Aggregation pollEvents(AppIds appIds) {
        return events(Source.pollEvents(), appIds);
    }

    private static Aggregation events(Source source, AppIds appIds) {
        return Aggregation.builder()
                .source(source.appIds(appIds).blacklist(Blacklist.APPLY), PREVIOUS_DAY)
                .build();
    }
}
