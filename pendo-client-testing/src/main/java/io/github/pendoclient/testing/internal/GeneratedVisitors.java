package io.github.pendoclient.testing.internal;

import io.github.pendoclient.testing.Dataset;
import io.github.pendoclient.testing.VisitorRow;
import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.SplittableRandom;

/**
 * Visitors computed from their index when asked for, so a million of them cost no memory; each is the same on
 * every call.
 */
public final class GeneratedVisitors extends AbstractList<VisitorRow> implements RandomAccess {

    /** The plan tiers of generated visitors and accounts. */
    public static final List<String> TIERS = List.of("free", "team", "business", "enterprise");

    private static final String[] ROLES = {"admin", "member", "viewer", "billing"};
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;
    private static final long WEB_APP = Dataset.DEFAULT_APP_ID;

    private final long seed;
    private final int size;
    private final List<String> accounts;
    private final long endDay;
    private final int days;
    private final TypedMetadata typed;

    public GeneratedVisitors(long seed, int size, List<String> accounts, long endDay, int days) {
        this(seed, size, accounts, endDay, days, new TypedMetadata());
    }

    /** Visitors whose metadata also carries the typed fields (and lacks the removed ones). */
    public GeneratedVisitors(long seed, int size, List<String> accounts, long endDay, int days, TypedMetadata typed) {
        this.typed = typed;
        this.seed = seed;
        this.size = size;
        this.accounts = accounts;
        this.endDay = endDay;
        this.days = days;
    }

    public static boolean anonymous(int index) {
        return index % 10 == 9;
    }

    private SplittableRandom random(int index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    }

    public String idOf(int index) {
        if (anonymous(index)) {
            return "_PENDO_T_" + Long.toHexString(random(index).nextLong() & Long.MAX_VALUE);
        }
        // "v-%06d" without String.format, which cost the fake more CPU (and JIT time) than serving the visitor.
        return "v-" + "0".repeat(Math.max(0, 6 - Integer.toString(index).length())) + index
                + (index % 997 == 5 ? "\"q" : index % 997 == 6 ? "\\b" : "");
    }

    public String accountOf(int index) {
        return accounts.get(index % accounts.size());
    }

    @Override
    public VisitorRow get(int index) {
        Objects.checkIndex(index, size);
        SplittableRandom random = random(index);
        boolean anonymous = anonymous(index);
        String id = idOf(index);
        random.nextLong();
        String account = accountOf(index);
        long lastUpdated = endDay - (1 + random.nextInt(Math.max(1, days) * 24)) * HOUR;
        long firstVisit = lastUpdated - random.nextInt(200) * DAY;
        Map<String, Map<String, Object>> metadata = new LinkedHashMap<>();
        if (!anonymous) {
            metadata.put(
                    "agent",
                    Shapes.ordered(
                            "email",
                            "user" + index + "@example.com",
                            "name",
                            "User " + index,
                            "role",
                            ROLES[random.nextInt(ROLES.length)],
                            "accountid",
                            account));
        }
        metadata.put(
                "auto",
                Shapes.ordered(
                        "accountid",
                        anonymous ? "" : account,
                        "firstvisit",
                        firstVisit,
                        "lastvisit",
                        lastUpdated,
                        "lastupdated",
                        lastUpdated,
                        "lastbrowsername",
                        random.nextBoolean() ? "Chrome" : "Firefox",
                        "lastoperatingsystem",
                        random.nextBoolean() ? "Mac OS X" : "Windows",
                        "idhash",
                        (long) id.hashCode()));
        // Pendo writes the per-app group without the sign of the app id: auto__323232 for -323232.
        metadata.put(
                "auto__" + Math.abs(WEB_APP), Shapes.ordered("lastvisit", lastUpdated, "lastupdated", lastUpdated));
        if (!anonymous) {
            metadata.put(
                    "custom",
                    Shapes.ordered(
                            "plan_tier",
                            TIERS.get(random.nextInt(TIERS.size())),
                            "seats",
                            varied(index, 1 + random.nextInt(500)),
                            "beta_opt_in",
                            random.nextBoolean()));
            metadata.put(
                    "salesforce",
                    Shapes.ordered("contact_id", "003" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36)));
        }
        typed.fill(metadata, "visitor", seed, index, endDay, !anonymous);
        return new VisitorRow(id, metadata);
    }

    @Override
    public int size() {
        return size;
    }

    /**
     * A whole number as custom metadata arrives in real subscriptions: usually a number, one time in eleven a
     * numeric string, one time in thirteen a fraction.
     */
    public static Object varied(int index, long value) {
        if (index % 11 == 3) {
            return Long.toString(value);
        }
        if (index % 13 == 5) {
            return value + 0.5;
        }
        return value;
    }
}
