package io.github.pendoclient.testing.internal;

/**
 * Adds counters the way JSON carries them: whole numbers exactly, as a {@code long}, so a sum of whole numbers stays a
 * JSON integer however large; once a fraction (any {@code Double}) takes part, the sum is a {@code double}. Real
 * Pendo sends counters as fractions now and then (API reference §7.10), so the fake's roll-up and aggregators must
 * take both.
 */
public final class Counters {

    private Counters() {}

    /**
     * The sum of two counters.
     *
     * @param a one counter
     * @param b the other
     * @return a {@link Long} when both are whole-number types and the sum fits, else a {@link Double}
     */
    static Number add(Number a, Number b) {
        if (whole(a) && whole(b)) {
            try {
                return Math.addExact(a.longValue(), b.longValue());
            } catch (ArithmeticException beyondLong) {
                // Falls through: a sum beyond a long's range is only representable as a double.
            }
        }
        return a.doubleValue() + b.doubleValue();
    }

    private static boolean whole(Number number) {
        return number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte;
    }

    /** A running sum: the whole part kept exactly apart from the fractional part. Not thread-safe. */
    public static final class Sum {
        private long whole;
        private double fraction;
        private boolean fractional;
        private long count;

        /**
         * Adds a counter.
         *
         * @param number the counter
         */
        public void add(Number number) {
            count++;
            if (whole(number)) {
                try {
                    whole = Math.addExact(whole, number.longValue());
                    return;
                } catch (ArithmeticException beyondLong) {
                    // Falls through: the excess is kept in the double part.
                }
            }
            fraction += number.doubleValue();
            fractional = true;
        }

        /**
         * How many counters were added.
         *
         * @return the count
         */
        public long count() {
            return count;
        }

        /**
         * The sum.
         *
         * @return a {@link Long} when only whole numbers were added, else a {@link Double}
         */
        public Number value() {
            return fractional ? (Number) (whole + fraction) : (Number) whole;
        }
    }
}
