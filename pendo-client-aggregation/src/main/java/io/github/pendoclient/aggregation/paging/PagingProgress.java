package io.github.pendoclient.aggregation.paging;

/**
 * How far a pager has got.
 *
 * @param requests aggregation requests made so far (pages or windows)
 * @param rows rows returned to the caller so far
 * @param windowsDone windows finished, for a {@link WindowedPager}; 0 for a {@link KeysetPager}
 * @param windowsTotal windows planned, for a {@link WindowedPager}; 0 for a {@link KeysetPager}
 */
public record PagingProgress(long requests, long rows, int windowsDone, int windowsTotal) {}
