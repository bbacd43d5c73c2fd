package io.github.pendoclient.benchmarks;

import java.util.List;

/** Summaries of repeated measurements: the median a figure reports, and the spread beside it. */
final class Samples {

    private Samples() {}

    /**
     * The median (the upper one of an even count).
     *
     * @param values the measurements, at least one
     * @return the median
     */
    static double median(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    /**
     * The least measurement.
     *
     * @param values the measurements
     * @return the least, or 0 for none
     */
    static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    /**
     * The greatest measurement.
     *
     * @param values the measurements
     * @return the greatest, or 0 for none
     */
    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
