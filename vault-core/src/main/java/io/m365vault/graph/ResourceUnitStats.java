package io.m365vault.graph;

/**
 * The tenant's SharePoint pacing so far: units sent by our estimate, RateLimit reports received,
 * requests that waited for units, and the milliseconds of those waits summed over threads.
 */
public record ResourceUnitStats(long unitsSent, long rateLimitReports, long pacedRequests, long pacedMillis) {
}
