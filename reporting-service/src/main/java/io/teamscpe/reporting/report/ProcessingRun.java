package io.teamscpe.reporting.report;

import java.time.Instant;

/**
 * What one processing run published: how many awards, corrections and revocations; how many credits were unchanged
 * and how many enrolled no-shows got no event.
 */
public record ProcessingRun(String sessionId, int run, int awarded, int revised, int revoked, int unchanged,
                            int noShows, String processedBy, Instant processedAt) {
}
