package io.github.pendoclient.aggregation.paging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The time ranges a {@link WindowedPager} has finished, merged into disjoint intervals. Store {@link #toJson()} and
 * pass it to {@link TimeWindows#withResumeFrom(WindowCheckpoint)}: the next plan leaves out what is covered,
 * whether the windows ran oldest-first or newest-first. A window counts as covered only once all its rows were returned.
 */
public final class WindowCheckpoint {

    private static final WindowCheckpoint EMPTY = new WindowCheckpoint(List.of());

    private final List<Interval> covered;

    private WindowCheckpoint(List<Interval> covered) {
        this.covered = covered;
    }

    /** A half-open covered range, {@code [from, to)}.
     *
     * @param from the start, inclusive
     * @param to the end, exclusive
     */
    public record Interval(Instant from, Instant to) {

        /**
         * Checks the range.
         *
         * @param from the start, inclusive
         * @param to the end, exclusive
         */
        public Interval {
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("An interval must not be empty: " + from + " to " + to);
            }
        }
    }

    /**
     * Nothing covered.
     *
     * @return the empty checkpoint
     */
    public static WindowCheckpoint empty() {
        return EMPTY;
    }

    /**
     * This checkpoint with one more range covered.
     *
     * @param from the start, inclusive
     * @param to the end, exclusive
     * @return a new checkpoint
     */
    public WindowCheckpoint plus(Instant from, Instant to) {
        List<Interval> all = new ArrayList<>(covered);
        all.add(new Interval(from, to));
        all.sort((a, b) -> a.from().compareTo(b.from()));
        List<Interval> merged = new ArrayList<>();
        for (Interval interval : all) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !interval.from().isAfter(last.to())) {
                Instant to2 = interval.to().isAfter(last.to()) ? interval.to() : last.to();
                merged.set(merged.size() - 1, new Interval(last.from(), to2));
            } else {
                merged.add(interval);
            }
        }
        return new WindowCheckpoint(Collections.unmodifiableList(merged));
    }

    /**
     * The covered ranges.
     *
     * @return disjoint, sorted, non-adjacent intervals
     */
    public List<Interval> covered() {
        return covered;
    }

    /**
     * The end of the newest covered range, the usual "synced up to" mark.
     *
     * @return the end, or empty when nothing is covered
     */
    public Optional<Instant> coveredUntil() {
        return covered.isEmpty()
                ? Optional.empty()
                : Optional.of(covered.get(covered.size() - 1).to());
    }

    /**
     * The checkpoint as JSON: {@code [[fromMillis, toMillis], ...]}.
     *
     * @return the JSON text
     */
    public String toJson() {
        List<Object> json = new ArrayList<>();
        for (Interval interval : covered) {
            json.add(List.of(interval.from().toEpochMilli(), interval.to().toEpochMilli()));
        }
        return Checkpoints.write(json);
    }

    /**
     * Reads a checkpoint written by {@link #toJson()}.
     *
     * @param json the JSON text
     * @return the checkpoint
     * @throws IllegalArgumentException if the text is not such a list
     */
    public static WindowCheckpoint parse(String json) {
        Object value = Checkpoints.read(json, "window checkpoint");
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("A window checkpoint is a JSON list of [from, to] pairs, not " + json);
        }
        WindowCheckpoint checkpoint = EMPTY;
        for (Object element : list) {
            if (!(element instanceof List<?> pair)
                    || pair.size() != 2
                    || !(pair.get(0) instanceof Long from)
                    || !(pair.get(1) instanceof Long to)) {
                throw new IllegalArgumentException("A window checkpoint is a JSON list of [fromMillis, toMillis]"
                        + " pairs; found " + (element instanceof Map ? "an object" : element) + " in " + json);
            }
            checkpoint = checkpoint.plus(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to));
        }
        return checkpoint;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WindowCheckpoint checkpoint && checkpoint.covered.equals(covered);
    }

    @Override
    public int hashCode() {
        return covered.hashCode();
    }

    @Override
    public String toString() {
        return "WindowCheckpoint" + covered;
    }
}
