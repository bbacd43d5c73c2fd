package io.github.pendoclient.aggregation;

import io.github.pendoclient.internal.json.JsonValues;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The data source of a pipeline, {@code {"<name>": <params or null>}}. Immutable: each parameter method returns a
 * new source. With no parameters the source is sent as {@code null}, which Pendo reads as "everything".
 *
 * <pre>{@code
 * Source.pageEvents().appIds(AppIds.all()).blacklist(Blacklist.APPLY)
 * // {"pageEvents": {"appId": "expandAppIds(\"*\")", "blacklist": "apply"}}
 * }</pre>
 *
 * <p>Event sources ({@link #requiresTimeSeries()}) need a {@link TimeSeries}; the builder refuses them without one.
 * Parameters a source does not document are still sent if you set them: Pendo decides.
 */
public final class Source {

    private static final Set<String> TIME_SERIES_SOURCES = Set.of(
            "events",
            "featureEvents",
            "pageEvents",
            "trackEvents",
            "guideEvents",
            "pollEvents",
            "guidesSeen",
            "guidesSeenEver",
            "pollsSeen",
            "singleEvents",
            "emailEvents",
            "recordingMetadata",
            "agenticEvents");

    private final String name;
    private final Map<String, Object> params;

    private Source(String name, Map<String, Object> params) {
        this.name = name;
        this.params = params;
    }

    /**
     * Any source by name, for sources this SDK does not name.
     *
     * @param name the source name
     * @return the source with no parameters
     */
    public static Source named(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A source name must not be blank");
        }
        return new Source(name, Map.of());
    }

    /**
     * {@code visitors}: one row per visitor with {@code visitorId} and {@code metadata}.
     *
     * @return the source
     */
    public static Source visitors() {
        return named("visitors");
    }

    /**
     * {@code accounts}: one row per account with {@code accountId} and {@code metadata}.
     *
     * @return the source
     */
    public static Source accounts() {
        return named("accounts");
    }

    /**
     * {@code features}: the feature catalog.
     *
     * @return the source
     */
    public static Source features() {
        return named("features");
    }

    /**
     * {@code pages}: the page catalog.
     *
     * @return the source
     */
    public static Source pages() {
        return named("pages");
    }

    /**
     * {@code guides}: the guide catalog.
     *
     * @return the source
     */
    public static Source guides() {
        return named("guides");
    }

    /**
     * {@code trackTypes}: the track type catalog.
     *
     * @return the source
     */
    public static Source trackTypes() {
        return named("trackTypes");
    }

    /**
     * {@code groups}: product areas.
     *
     * @return the source
     */
    public static Source groups() {
        return named("groups");
    }

    /**
     * {@code doNotProcessAccounts}.
     *
     * @return the source
     */
    public static Source doNotProcessAccounts() {
        return named("doNotProcessAccounts");
    }

    /**
     * {@code events}: every event rolled up per visitor, account, day or hour.
     *
     * @return the source
     */
    public static Source events() {
        return named("events");
    }

    /**
     * {@code featureEvents}: feature clicks rolled up per day or hour.
     *
     * @return the source
     */
    public static Source featureEvents() {
        return named("featureEvents");
    }

    /**
     * {@code pageEvents}: page views rolled up per day or hour.
     *
     * @return the source
     */
    public static Source pageEvents() {
        return named("pageEvents");
    }

    /**
     * {@code trackEvents}: track events rolled up per day or hour.
     *
     * @return the source
     */
    public static Source trackEvents() {
        return named("trackEvents");
    }

    /**
     * {@code guideEvents}: one row per guide event.
     *
     * @return the source
     */
    public static Source guideEvents() {
        return named("guideEvents");
    }

    /**
     * {@code pollEvents}: one row per poll event.
     *
     * @return the source
     */
    public static Source pollEvents() {
        return named("pollEvents");
    }

    /**
     * {@code guidesSeen}: per visitor and guide, within the time series.
     *
     * @return the source
     */
    public static Source guidesSeen() {
        return named("guidesSeen");
    }

    /**
     * {@code guidesSeenEver}: per visitor and guide; still takes a time series.
     *
     * @return the source
     */
    public static Source guidesSeenEver() {
        return named("guidesSeenEver");
    }

    /**
     * {@code pollsSeen}: poll responses within the time series.
     *
     * @return the source
     */
    public static Source pollsSeen() {
        return named("pollsSeen");
    }

    /**
     * {@code pollsSeenEver}: poll responses ever. Pendo's own sample sends it without a time series while other
     * sources say one is required, so the builder accepts it either way.
     *
     * @return the source
     */
    public static Source pollsSeenEver() {
        return named("pollsSeenEver");
    }

    /**
     * {@code singleEvents}: individual, not rolled-up, events.
     *
     * @return the source
     */
    public static Source singleEvents() {
        return named("singleEvents");
    }

    /**
     * {@code emailEvents}.
     *
     * @return the source
     */
    public static Source emailEvents() {
        return named("emailEvents");
    }

    /**
     * {@code recordingMetadata}: session replay metadata.
     *
     * @return the source
     */
    public static Source recordingMetadata() {
        return named("recordingMetadata");
    }

    /**
     * {@code agenticEvents}: agent analytics events.
     *
     * @return the source
     */
    public static Source agenticEvents() {
        return named("agenticEvents");
    }

    /**
     * Sets {@code appId}; {@link AppIds#defaultApp()} removes it, so Pendo uses the default app.
     *
     * @param appIds all apps, one or several, or the default app
     * @return a new source
     */
    public Source appIds(AppIds appIds) {
        if (Objects.requireNonNull(appIds, "appIds").isDefaultApp()) {
            Map<String, Object> next = new LinkedHashMap<>(params);
            next.remove("appId");
            return new Source(name, Collections.unmodifiableMap(next));
        }
        return param("appId", appIds.toJsonValue());
    }

    /**
     * Sets {@code blacklist}.
     *
     * @param blacklist whether the exclude lists apply
     * @return a new source
     */
    public Source blacklist(Blacklist blacklist) {
        return param("blacklist", Objects.requireNonNull(blacklist, "blacklist").wireValue());
    }

    /**
     * Sets {@code eventClass}, for example {@code web}, {@code ios}, {@code android}.
     *
     * @param eventClasses one or more classes
     * @return a new source
     */
    public Source eventClass(String... eventClasses) {
        if (eventClasses.length == 0) {
            throw new IllegalArgumentException("Name at least one event class");
        }
        return param("eventClass", List.of(eventClasses));
    }

    /**
     * Sets {@code featureId}.
     *
     * @param featureId the feature id
     * @return a new source
     */
    public Source featureId(String featureId) {
        return param("featureId", Objects.requireNonNull(featureId, "featureId"));
    }

    /**
     * Sets {@code pageId}.
     *
     * @param pageId the page id
     * @return a new source
     */
    public Source pageId(String pageId) {
        return param("pageId", Objects.requireNonNull(pageId, "pageId"));
    }

    /**
     * Sets {@code guideId}.
     *
     * @param guideId the guide id
     * @return a new source
     */
    public Source guideId(String guideId) {
        return param("guideId", Objects.requireNonNull(guideId, "guideId"));
    }

    /**
     * Sets {@code trackTypeId}.
     *
     * @param trackTypeId the track type id
     * @return a new source
     */
    public Source trackTypeId(String trackTypeId) {
        return param("trackTypeId", Objects.requireNonNull(trackTypeId, "trackTypeId"));
    }

    /**
     * Sets {@code pollId}.
     *
     * @param pollId the poll id
     * @return a new source
     */
    public Source pollId(String pollId) {
        return param("pollId", Objects.requireNonNull(pollId, "pollId"));
    }

    /**
     * Sets {@code identified} on {@code visitors}: true leaves out anonymous visitors.
     *
     * @param identified whether only identified visitors are wanted
     * @return a new source
     */
    public Source identified(boolean identified) {
        return param("identified", identified);
    }

    /**
     * Sets {@code reverseTime} on {@code singleEvents}: newest first.
     *
     * @param reverseTime whether to return newest events first
     * @return a new source
     */
    public Source reverseTime(boolean reverseTime) {
        return param("reverseTime", reverseTime);
    }

    /**
     * Sets any parameter.
     *
     * @param name the parameter name
     * @param value its JSON value (see {@link Stage#of(String, Object)} for what is accepted)
     * @return a new source
     */
    public Source param(String name, Object value) {
        Objects.requireNonNull(name, "name");
        Map<String, Object> next = new LinkedHashMap<>(params);
        next.put(name, JsonTree.copy(value));
        return new Source(this.name, Collections.unmodifiableMap(next));
    }

    /**
     * The source name.
     *
     * @return for example {@code "pageEvents"}
     */
    public String name() {
        return name;
    }

    /**
     * The parameters set so far.
     *
     * @return an unmodifiable map in the order set; empty means the source is sent as {@code null}
     */
    public Map<String, Object> params() {
        return params;
    }

    /**
     * Whether Pendo needs a {@code timeSeries} with this source (every event source).
     *
     * @return true for event sources
     */
    public boolean requiresTimeSeries() {
        return TIME_SERIES_SOURCES.contains(name);
    }

    Object paramsJsonValue() {
        return params.isEmpty() ? null : params;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Source source && source.name.equals(name) && source.params.equals(params);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, params);
    }

    @Override
    public String toString() {
        return JsonValues.toJson(JsonTree.object(name, paramsJsonValue()));
    }
}
