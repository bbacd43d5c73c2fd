package io.github.pendoclient.http;

import java.time.Duration;

/**
 * Counters of one client's HTTP stack since it was built, for progress reports and summaries.
 *
 * @param attempts requests put on the wire, retries included
 * @param retries attempts that were retries
 * @param rateLimitedResponses HTTP 429 answers received
 * @param throttledRequests requests that waited for the client-side rate limit
 * @param throttledTime the total time spent waiting for the client-side rate limit
 */
public record HttpStats(
        long attempts, long retries, long rateLimitedResponses, long throttledRequests, Duration throttledTime) {}
