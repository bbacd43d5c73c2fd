/**
 * Aggregations: a fluent, immutable builder for pipelines ({@link io.github.pendoclient.aggregation.Aggregation},
 * {@link io.github.pendoclient.aggregation.Source}, {@link io.github.pendoclient.aggregation.TimeSeries},
 * {@link io.github.pendoclient.aggregation.Expr}, the operators) and
 * {@link io.github.pendoclient.aggregation.AggregationClient}, which streams the rows of a result in constant
 * memory. Paging and time windows for sync jobs are in {@code io.github.pendoclient.aggregation.paging}; typed rows
 * in {@code io.github.pendoclient.aggregation.rows}.
 */
package io.github.pendoclient.aggregation;
