/**
 * Typed rows for the standard aggregation sources. Visitors, accounts and the catalog sources use the models of
 * {@code io.github.pendoclient.model} ({@code Visitor}, {@code Account}, {@code Feature}, {@code Page},
 * {@code Guide}, {@code TrackType}). Every row keeps the members it does not declare in {@code unknownFields()}.
 */
package io.github.pendoclient.aggregation.rows;
