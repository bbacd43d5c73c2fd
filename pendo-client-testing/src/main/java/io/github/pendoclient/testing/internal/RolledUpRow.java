package io.github.pendoclient.testing.internal;

import io.github.pendoclient.testing.HourlyEvents;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A rolled-up event row as {@link EventRollup} yields it: a map whose content is rendered the general way (through
 * {@link HourlyEvents#toRow()} and {@link AggregationSources#merge}) the first time anything reads or changes it,
 * and which, while nothing has, writes its JSON straight from the compact row it started from and the merged
 * counters: the answer for a plain event window never builds the map at all. The direct JSON is the rendered map's
 * JSON, byte for byte: it follows {@link HourlyEvents#toRow()}'s fields and {@link AggregationSources#merge}'s
 * sums, so a change to either needs the same change in {@link #writeJson} ({@code EventWindowsTest} fails until
 * then). Not thread-safe, like the rows it stands for.
 */
final class RolledUpRow extends AbstractMap<String, Object> {

    private static final byte[] VISITOR_ID = ascii("{\"visitorId\":");
    private static final byte[] ACCOUNT_ID = ascii(",\"accountId\":");
    private static final byte[] APP_ID = ascii(",\"appId\":");
    private static final byte[] HOUR = ascii(",\"hour\":");
    private static final byte[][] OBJECT_ID = new byte[HourlyEvents.Kind.values().length][];
    private static final byte[] NUM_EVENTS = ascii(",\"numEvents\":");
    private static final byte[] NUM_MINUTES = ascii(",\"numMinutes\":");
    private static final byte[] FIRST_TIME = ascii(",\"firstTime\":");
    private static final byte[] LAST_TIME = ascii(",\"lastTime\":");
    private static final byte[] REMOTE_IP = ascii(",\"remoteIp\":");
    private static final byte[] USER_AGENT = ascii(",\"server\":\"app.example.com\",\"userAgent\":");
    private static final byte[] COUNTRY = ascii(",\"country\":");
    /** Region, parameters (as an object or as JSON text, for web and for server sources), and properties. */
    private static final byte[][] PARAMETERS = {
        ascii(",\"region\":\"\",\"parameters\":{\"source\":\"web\"},\"properties\":{}"),
        ascii(",\"region\":\"\",\"parameters\":\"{\\\"source\\\":\\\"web\\\"}\",\"properties\":{}"),
        ascii(",\"region\":\"\",\"parameters\":{\"source\":\"server\"},\"properties\":{}"),
        ascii(",\"region\":\"\",\"parameters\":\"{\\\"source\\\":\\\"server\\\"}\",\"properties\":{}"),
    };

    private static final byte[] DAY = ascii(",\"day\":");
    private static final byte[] END = ascii("}");

    static {
        for (HourlyEvents.Kind kind : HourlyEvents.Kind.values()) {
            OBJECT_ID[kind.ordinal()] = ascii(",\"" + kind.idField() + "\":");
        }
    }

    private final HourlyEvents first;
    private final GroupCounters counters;
    private final Long day;
    private final boolean withObjectId;
    private Supplier<Map<String, Object>> render;
    private Map<String, Object> rendered;

    /**
     * A row.
     *
     * @param first the first compact row of the group: every field but the counters comes from it
     * @param counters the group's {@code numEvents}, {@code numMinutes} (sums), {@code firstTime} (least) and
     *     {@code lastTime} (greatest)
     * @param day the day's start for a row by day (which has {@code day} last and no {@code hour}), or null for a row
     *     by hour
     * @param withObjectId whether the row has its page, feature or track type id (the {@code events} source's rows
     *     do not)
     * @param render renders the row the general way
     */
    RolledUpRow(
            HourlyEvents first,
            GroupCounters counters,
            Long day,
            boolean withObjectId,
            Supplier<Map<String, Object>> render) {
        this.first = first;
        this.counters = counters;
        this.day = day;
        this.withObjectId = withObjectId;
        this.render = render;
    }

    /** Whether the row can still write itself (nothing has read or changed it as a map). */
    boolean writesItself() {
        return rendered == null;
    }

    /** Writes the row's JSON: what the rendered map's JSON would be. */
    void writeJson(RowJsonWriter json) {
        json.appendBytes(VISITOR_ID);
        json.appendText(first.visitorId());
        json.appendBytes(ACCOUNT_ID);
        json.appendText(first.accountId());
        json.appendBytes(APP_ID);
        json.appendLong(first.appId());
        if (day == null) {
            json.appendBytes(HOUR);
            json.appendLong(first.hour());
        }
        if (withObjectId) {
            json.appendBytes(OBJECT_ID[first.kind().ordinal()]);
            json.appendText(first.objectId());
        }
        json.appendBytes(NUM_EVENTS);
        counters.writeNumEvents(json);
        json.appendBytes(NUM_MINUTES);
        counters.writeNumMinutes(json);
        json.appendBytes(FIRST_TIME);
        json.appendLong(counters.firstTime());
        json.appendBytes(LAST_TIME);
        json.appendLong(counters.lastTime());
        json.appendBytes(REMOTE_IP);
        json.appendText(first.remoteIp());
        json.appendBytes(USER_AGENT);
        json.appendText(first.userAgent());
        json.appendBytes(COUNTRY);
        json.appendText(first.country());
        // As toRow(): parameters are JSON text when the first row's first minute is a multiple of 3, else an object.
        int parameters = first.kind() == HourlyEvents.Kind.TRACK ? 2 : 0;
        json.appendBytes(PARAMETERS[(first.firstTime() / 60_000L) % 3 == 0 ? parameters + 1 : parameters]);
        if (day != null) {
            json.appendBytes(DAY);
            json.appendLong(day);
        }
        json.appendBytes(END);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private Map<String, Object> rendered() {
        if (rendered == null) {
            rendered = render.get();
            render = null;
        }
        return rendered;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return rendered().entrySet();
    }

    @Override
    public int size() {
        return rendered().size();
    }

    @Override
    public boolean containsKey(Object key) {
        return rendered().containsKey(key);
    }

    @Override
    public Object get(Object key) {
        return rendered().get(key);
    }

    @Override
    public Object put(String key, Object value) {
        return rendered().put(key, value);
    }

    @Override
    public Object remove(Object key) {
        return rendered().remove(key);
    }

    @Override
    public void clear() {
        rendered().clear();
    }
}
