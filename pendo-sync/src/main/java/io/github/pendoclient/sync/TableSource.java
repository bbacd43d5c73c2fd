package io.github.pendoclient.sync;

import io.github.pendoclient.PendoClient;
import io.github.pendoclient.aggregation.Aggregation;
import io.github.pendoclient.aggregation.AppIds;
import io.github.pendoclient.aggregation.paging.Keyset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where a {@link Table}'s rows come from and how the table is paged: a REST call fetched whole, an aggregation
 * paged by keyset, an aggregation paged by time window, or the per-visitor history endpoint. The source fixes the
 * table's {@link CursorKind}.
 */
public sealed interface TableSource {

    /**
     * The kind of checkpoint a table with this source keeps.
     *
     * @return the cursor kind
     */
    default CursorKind cursorKind() {
        return CursorKind.of(this);
    }

    /** Fetches every row of a full-refresh table. */
    @FunctionalInterface
    interface RestCall {
        /**
         * Fetches the rows.
         *
         * @param client the client to call
         * @param settings the run's settings (app ids, for example)
         * @return the rows, as the API returned them
         */
        List<Map<String, Object>> rows(PendoClient client, SyncOptions settings);
    }

    /**
     * A table fetched whole on every run and replaced in the sink: the catalog (features, pages, guides...).
     *
     * @param call fetches the rows
     */
    record FullRefresh(RestCall call) implements TableSource {

        /**
         * Checks the parts.
         *
         * @param call fetches the rows
         */
        public FullRefresh {
            Objects.requireNonNull(call, "call");
        }
    }

    /**
     * An aggregation paged by keyset (visitors, accounts): rows sorted by {@code keyset}, fetched {@code pageSize}
     * at a time, resumed after the last key written.
     *
     * @param query the aggregation, given the run's settings
     * @param keyset the sort key, ending in a unique field
     * @param pageSize rows per request unless {@link SyncOptions#pageSize()} overrides it
     */
    record KeysetPaged(Function<SyncOptions, Aggregation> query, Keyset keyset, int pageSize) implements TableSource {

        /**
         * Checks the parts.
         *
         * @param query the aggregation
         * @param keyset the sort key
         * @param pageSize rows per request
         * @throws IllegalArgumentException if the page size is not positive
         */
        public KeysetPaged {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(keyset, "keyset");
            if (pageSize <= 0) {
                throw new IllegalArgumentException("pageSize must be positive, got " + pageSize);
            }
        }
    }

    /**
     * An event aggregation fetched one time window at a time (days or hours, from {@link SyncOptions}).
     *
     * @param query the aggregation for the run's apps; the engine adds each window's time range
     */
    record TimeWindowed(Function<AppIds, Aggregation> query) implements TableSource {

        /**
         * Checks the parts.
         *
         * @param query the aggregation for the run's apps
         */
        public TimeWindowed {
            Objects.requireNonNull(query, "query");
        }
    }

    /**
     * The visitor history endpoint, for the visitors in {@link SyncOptions#historyVisitors()}, a day at a time up
     * to yesterday and at most 180 days back.
     */
    record VisitorHistory() implements TableSource {}
}
