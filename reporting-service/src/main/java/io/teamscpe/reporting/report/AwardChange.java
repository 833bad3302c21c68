package io.teamscpe.reporting.report;

import java.math.BigDecimal;

/** What a processing run does about one professional's credit, given what earlier runs published. */
public enum AwardChange {
    AWARDED, REVISED, REVOKED, UNCHANGED,
    /** An enrolled no-show with no credit and nothing published before: no event, downstream learns nothing. */
    NO_SHOW;

    /** Whose credit of which credit type: what processing publishes and corrects. */
    public record Key(String professionalId, String creditType) {
    }

    /** What earlier runs published for one professional in one credit type. */
    public record Published(BigDecimal credits, boolean revoked) {
        /** The credit the professional holds now: none once revoked. */
        public BigDecimal held() {
            return revoked ? BigDecimal.ZERO : credits;
        }
    }

    /** The change for an enrolled professional whose final credit is {@code finalCredit}. */
    public static AwardChange of(Published before, BigDecimal finalCredit, Presence presence) {
        if (before == null) {
            return presence == Presence.NO_SHOW && finalCredit.signum() == 0 ? NO_SHOW : AWARDED;
        }
        return before.revoked() || before.credits().compareTo(finalCredit) != 0 ? REVISED : UNCHANGED;
    }
}
