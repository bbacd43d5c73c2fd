/**
 * pendo-client aggregation: the aggregation query builder, {@link io.github.pendoclient.aggregation.AggregationClient}
 * that streams results row by row, keyset paging and time windows, and typed event rows.
 *
 * <p>Rows bound to your own record type ({@code client.stream(query, MyRow.class)}) are read reflectively by core:
 * keep such records public in a package your module exports, or open that package to {@code io.github.pendoclient}.
 */
module io.github.pendoclient.aggregation {
    requires transitive io.github.pendoclient;
    requires org.slf4j;

    exports io.github.pendoclient.aggregation;
    exports io.github.pendoclient.aggregation.paging;
    exports io.github.pendoclient.aggregation.rows;
}
