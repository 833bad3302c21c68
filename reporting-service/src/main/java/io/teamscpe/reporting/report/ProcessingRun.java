package io.teamscpe.reporting.report;

import java.time.Instant;

/** What one processing run published: how many awards, corrections and revocations. */
public record ProcessingRun(String sessionId, int run, int awarded, int revised, int revoked, int unchanged,
                            String processedBy, Instant processedAt) {
}
