package io.github.pendoclient.sync;

import io.github.pendoclient.aggregation.AppIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a sync run is asked to do: which apps, from when, in what windows, with what page size. Immutable; build it
 * with {@link #builder()}, or change a copy with {@link #toBuilder()}.
 */
public final class SyncOptions {

    private final List<Long> appIds;
    private final Instant start;
    private final boolean hourly;
    private final int windowSize;
    private final Duration lag;
    private final boolean recentFirst;
    private final boolean includeAnonymous;
    private final OptionalInt pageSize;
    private final List<String> historyVisitors;
    private final Clock clock;
    private final MetadataColumns metadataColumns;

    private SyncOptions(Builder builder, Instant start) {
        this.appIds = List.copyOf(builder.appIds);
        this.start = start;
        this.hourly = builder.hourly;
        this.windowSize = builder.windowSize;
        this.lag = builder.lag;
        this.recentFirst = builder.recentFirst;
        this.includeAnonymous = builder.includeAnonymous;
        this.pageSize = builder.pageSize;
        this.historyVisitors = List.copyOf(builder.historyVisitors);
        this.clock = builder.clock;
        this.metadataColumns = builder.metadataColumns;
    }

    /**
     * A builder with the defaults: every app, events from 30 days ago, daily windows of one day, no lag, oldest
     * first, no anonymous visitors, each table's own page size, no visitor history, the system clock, typed metadata
     * columns.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these settings, to build a copy that differs in a few:
     * {@code options.toBuilder().pageSize(50_000).build()}. This instance is not changed.
     *
     * @return a builder with every setting of this instance, the start included
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The app ids to sync, empty for every app.
     *
     * @return the app ids
     */
    public List<Long> appIds() {
        return appIds;
    }

    /**
     * The app ids as an aggregation selector.
     *
     * @return every app, or the listed ones
     */
    public AppIds apps() {
        return appIds.isEmpty() ? AppIds.all() : AppIds.of(appIds);
    }

    /**
     * The first instant of events to sync.
     *
     * @return the start
     */
    public Instant start() {
        return start;
    }

    /**
     * Whether event tables are synced by hour rather than by day.
     *
     * @return true for hourly windows
     */
    public boolean hourly() {
        return hourly;
    }

    /**
     * Days (or hours, when {@link #hourly()}) per request.
     *
     * @return the window size
     */
    public int windowSize() {
        return windowSize;
    }

    /**
     * How much of the newest data to leave for a later run.
     *
     * @return the lag
     */
    public Duration lag() {
        return lag;
    }

    /**
     * Whether the newest windows sync first.
     *
     * @return true for newest first
     */
    public boolean recentFirst() {
        return recentFirst;
    }

    /**
     * Whether anonymous visitors are synced.
     *
     * @return true to include them
     */
    public boolean includeAnonymous() {
        return includeAnonymous;
    }

    /**
     * Rows per request for keyset tables, overriding each table's own page size.
     *
     * @return the override, or empty to use each table's
     */
    public OptionalInt pageSize() {
        return pageSize;
    }

    /**
     * The visitors whose history the {@code visitor_history} table syncs.
     *
     * @return visitor ids
     */
    public List<String> historyVisitors() {
        return historyVisitors;
    }

    /**
     * The clock that decides what "now" is for windows and checkpoints.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * How {@code visitors} and {@code accounts} hold the metadata schema's fields.
     *
     * @return {@link MetadataColumns#TYPED} (the default) or {@link MetadataColumns#JSON}
     */
    public MetadataColumns metadataColumns() {
        return metadataColumns;
    }

    /** Builds {@link SyncOptions}. */
    public static final class Builder {

        private List<Long> appIds = List.of();
        private Instant start;
        private boolean hourly;
        private int windowSize = 1;
        private Duration lag = Duration.ZERO;
        private boolean recentFirst;
        private boolean includeAnonymous;
        private OptionalInt pageSize = OptionalInt.empty();
        private List<String> historyVisitors = List.of();
        private Clock clock = Clock.systemUTC();
        private MetadataColumns metadataColumns = MetadataColumns.TYPED;

        private Builder() {}

        private Builder(SyncOptions options) {
            this.appIds = options.appIds;
            this.start = options.start;
            this.hourly = options.hourly;
            this.windowSize = options.windowSize;
            this.lag = options.lag;
            this.recentFirst = options.recentFirst;
            this.includeAnonymous = options.includeAnonymous;
            this.pageSize = options.pageSize;
            this.historyVisitors = options.historyVisitors;
            this.clock = options.clock;
            this.metadataColumns = options.metadataColumns;
        }

        /**
         * The apps to sync.
         *
         * @param appIds app ids, empty for every app
         * @return this builder
         */
        public Builder appIds(List<Long> appIds) {
            this.appIds = List.copyOf(appIds);
            return this;
        }

        /**
         * The first instant of events to sync (default: 30 days before the clock's today).
         *
         * @param start the start
         * @return this builder
         */
        public Builder start(Instant start) {
            this.start = Objects.requireNonNull(start, "start");
            return this;
        }

        /**
         * Hourly rather than daily windows.
         *
         * @param hourly true for hours
         * @return this builder
         */
        public Builder hourly(boolean hourly) {
            this.hourly = hourly;
            return this;
        }

        /**
         * Days (or hours) per request.
         *
         * @param windowSize at least 1
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder windowSize(int windowSize) {
            if (windowSize <= 0) {
                throw new IllegalArgumentException("windowSize must be positive, got " + windowSize);
            }
            this.windowSize = windowSize;
            return this;
        }

        /**
         * Leave the newest data for a later run.
         *
         * @param lag zero or more
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder lag(Duration lag) {
            if (lag.isNegative()) {
                throw new IllegalArgumentException("lag must not be negative, got " + lag);
            }
            this.lag = lag;
            return this;
        }

        /**
         * Sync the newest windows first.
         *
         * @param recentFirst true for newest first
         * @return this builder
         */
        public Builder recentFirst(boolean recentFirst) {
            this.recentFirst = recentFirst;
            return this;
        }

        /**
         * Include anonymous visitors.
         *
         * @param includeAnonymous true to include them
         * @return this builder
         */
        public Builder includeAnonymous(boolean includeAnonymous) {
            this.includeAnonymous = includeAnonymous;
            return this;
        }

        /**
         * Rows per request for every keyset table, instead of each table's own.
         *
         * @param pageSize at least 1
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder pageSize(int pageSize) {
            if (pageSize <= 0) {
                throw new IllegalArgumentException("pageSize must be positive, got " + pageSize);
            }
            this.pageSize = OptionalInt.of(pageSize);
            return this;
        }

        /**
         * The visitors whose history to sync.
         *
         * @param visitorIds visitor ids
         * @return this builder
         */
        public Builder historyVisitors(List<String> visitorIds) {
            this.historyVisitors = List.copyOf(visitorIds);
            return this;
        }

        /**
         * The clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How {@code visitors} and {@code accounts} hold the metadata schema's fields (default:
         * {@link MetadataColumns#TYPED}, one typed column per field beside the {@code metadata} JSON).
         *
         * @param metadataColumns typed columns, or the JSON column only
         * @return this builder
         */
        public Builder metadataColumns(MetadataColumns metadataColumns) {
            this.metadataColumns = Objects.requireNonNull(metadataColumns, "metadataColumns");
            return this;
        }

        /**
         * The settings.
         *
         * @return settings from this builder
         */
        public SyncOptions build() {
            return new SyncOptions(
                    this,
                    start != null
                            ? start
                            : clock.instant()
                                    .truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                                    .minus(Duration.ofDays(30)));
        }
    }
}
