package io.github.pendoclient.testing.internal;

import io.github.pendoclient.testing.HourlyEvents;

/**
 * The counters of a rolled-up event group, kept in primitives: {@code numEvents} and {@code numMinutes} summed as
 * {@link Counters#add} sums them (whole numbers exactly as a {@code long}, a {@code double} once a fraction or an
 * overflow takes part), {@code firstTime} the least and {@code lastTime} the greatest. {@link RolledUpRow} writes its
 * JSON from them without boxing a number per hourly row. Not thread-safe.
 */
final class GroupCounters {

    private final Sum numEvents = new Sum();
    private final Sum numMinutes = new Sum();
    private long firstTime;
    private long lastTime;

    private GroupCounters() {}

    /**
     * The counters of one compact row, to start a group's with.
     *
     * @param row the row
     * @return the counters
     */
    static GroupCounters of(HourlyEvents row) {
        GroupCounters counters = new GroupCounters();
        counters.numEvents.set(row.numEvents());
        counters.numMinutes.set(row.numMinutes());
        counters.firstTime = row.firstTime();
        counters.lastTime = row.lastTime();
        return counters;
    }

    /**
     * Adds a compact row's counters, as {@link AggregationSources#merge} adds the row's map.
     *
     * @param row the row
     */
    void add(HourlyEvents row) {
        numEvents.add(row.numEvents());
        numMinutes.add(row.numMinutes());
        firstTime = Math.min(firstTime, row.firstTime());
        lastTime = Math.max(lastTime, row.lastTime());
    }

    /**
     * Adds another group's counters, as {@link AggregationSources#merge} adds that group's merged map.
     *
     * @param other the other group's counters
     */
    void add(GroupCounters other) {
        numEvents.add(other.numEvents);
        numMinutes.add(other.numMinutes);
        firstTime = Math.min(firstTime, other.firstTime);
        lastTime = Math.max(lastTime, other.lastTime);
    }

    /** Writes the {@code numEvents} sum as JSON. */
    void writeNumEvents(RowJsonWriter json) {
        numEvents.writeTo(json);
    }

    /** Writes the {@code numMinutes} sum as JSON. */
    void writeNumMinutes(RowJsonWriter json) {
        numMinutes.writeTo(json);
    }

    /** The least {@code firstTime}. */
    long firstTime() {
        return firstTime;
    }

    /** The greatest {@code lastTime}. */
    long lastTime() {
        return lastTime;
    }

    /** One summed counter: a {@code long} while every part was whole, else a {@code double}. */
    private static final class Sum {
        private long whole;
        private double fraction;
        private boolean fractional;

        /** Sets the counter to an hourly value. */
        void set(double value) {
            fractional = !isWhole(value);
            whole = fractional ? 0 : (long) value;
            fraction = fractional ? value : 0;
        }

        /** Adds an hourly value. */
        void add(double value) {
            boolean valueFractional = !isWhole(value);
            add(valueFractional, valueFractional ? 0 : (long) value, value);
        }

        /** Adds another sum. */
        void add(Sum other) {
            add(other.fractional, other.whole, other.fraction);
        }

        /** As {@link Counters#add}: whole numbers exactly, a double once a fraction takes part or a long overflows. */
        private void add(boolean otherFractional, long otherWhole, double otherFraction) {
            if (!fractional && !otherFractional) {
                try {
                    whole = Math.addExact(whole, otherWhole);
                    return;
                } catch (ArithmeticException beyondLong) {
                    // Falls through to a double, as Counters.add does.
                }
            }
            fraction = (fractional ? fraction : (double) whole) + (otherFractional ? otherFraction : otherWhole);
            fractional = true;
        }

        /** Whether {@code HourlyEvents.toRow()} gives the value as a whole number (a {@code Long}). */
        private static boolean isWhole(double value) {
            return value == Math.rint(value) && Math.abs(value) < 0x1p53;
        }

        /** Writes the counter as Moshi writes the {@link Long} or {@link Double} the map would hold. */
        void writeTo(RowJsonWriter json) {
            if (fractional) {
                json.appendRaw(Double.toString(fraction));
            } else {
                json.appendLong(whole);
            }
        }
    }
}
