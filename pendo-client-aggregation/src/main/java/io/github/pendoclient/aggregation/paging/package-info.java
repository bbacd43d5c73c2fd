/**
 * Paging and time windows for sync jobs. {@link io.github.pendoclient.aggregation.paging.KeysetPaging} pages a query
 * on a unique keyset (an id, or a timestamp plus an id) without looping, skipping or repeating rows;
 * {@link io.github.pendoclient.aggregation.paging.TimeWindows} splits event queries into day or hour windows of at
 * most 30 days, with a settling lag. Both pagers expose a checkpoint to store and resume from, and their progress.
 */
package io.github.pendoclient.aggregation.paging;
