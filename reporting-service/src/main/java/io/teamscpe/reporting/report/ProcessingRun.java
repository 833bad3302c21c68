package io.teamscpe.reporting.report;

import java.time.Instant;
import java.util.Map;

/**
 * What one processing run published: how many awards, corrections and revocations; how many credits were unchanged
 * and how many enrolled no-shows got no event — in total and per credit type ({@code byCreditType}, in the session's
 * order of types; a type removed from the session shows while the run revokes its credit).
 */
public record ProcessingRun(String sessionId, int run, int awarded, int revised, int revoked, int unchanged,
                            int noShows, String processedBy, Instant processedAt, Map<String, Counts> byCreditType) {

    /** A run's counts for one credit type. */
    public record Counts(int awarded, int revised, int revoked, int unchanged, int noShows) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        /** These counts with one more change {@code change}. */
        public Counts plus(AwardChange change) {
            return switch (change) {
                case AWARDED -> new Counts(awarded + 1, revised, revoked, unchanged, noShows);
                case REVISED -> new Counts(awarded, revised + 1, revoked, unchanged, noShows);
                case REVOKED -> new Counts(awarded, revised, revoked + 1, unchanged, noShows);
                case UNCHANGED -> new Counts(awarded, revised, revoked, unchanged + 1, noShows);
                case NO_SHOW -> new Counts(awarded, revised, revoked, unchanged, noShows + 1);
            };
        }
    }
}
