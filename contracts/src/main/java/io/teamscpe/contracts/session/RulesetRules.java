package io.teamscpe.contracts.session;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The credit rules of one ruleset version: one JSON document, exactly as session-service validated it, so the
 * credit engine reads what the administrator saw accepted (docs/credit-rules.md). Credit is always
 * rounded <b>down</b>: to the increment, then (when {@code allowedSteps} is set) to the largest allowed step.
 *
 * @param tiers        share of polls answered → fraction of the attendance credit; used when
 *                     {@code engagement.mode} is {@code TIERS}, empty otherwise
 * @param allowedSteps fixed credits the programme awards (e.g. 0, 1, 1.5, 2); empty = any multiple of the increment
 * @param withoutPolls what happens when the session has no (non-excluded) polls
 */
public record RulesetRules(Credit credit, Attendance attendance, Engagement engagement, List<Tier> tiers,
                           List<BigDecimal> allowedSteps, WithoutPolls withoutPolls) {

    /**
     * The credit full attendance of {@code scheduledMinutes} earns under these rules: the maximum a session derives
     * when the administrator gives none (100 min under NASBA → 2.0; 75 min → 1.4 in fifths, 1.5 in halves, 1 in
     * whole credits). Minutes ÷ minutes per credit rounded down to the increment, then the ruleset's cap, the minimum
     * (below it: 0) and the allowed steps, as the credit engine applies them.
     */
    public BigDecimal maxCreditFor(long scheduledMinutes) {
        BigDecimal credit = BigDecimal.valueOf(Math.max(0, scheduledMinutes))
                .divide(BigDecimal.valueOf(credit().minutesPerCredit()), 4, RoundingMode.DOWN)
                .divide(credit().increment(), 0, RoundingMode.DOWN).multiply(credit().increment());
        if (credit().cap() != null && credit.compareTo(credit().cap()) > 0) {
            credit = credit().cap();
        }
        if (credit.compareTo(credit().minimumCredit()) < 0) {
            credit = BigDecimal.ZERO;
        }
        if (allowedSteps != null && !allowedSteps.isEmpty()) {
            BigDecimal best = BigDecimal.ZERO;
            for (BigDecimal step : allowedSteps) {
                if (step.compareTo(credit) <= 0 && step.compareTo(best) > 0) {
                    best = step;
                }
            }
            credit = best;
        }
        return credit.setScale(1, RoundingMode.DOWN);
    }

    /**
     * @param minutesPerCredit minutes in one credit hour: 50 (NASBA, IRS, CFP) or 60 (most CLE)
     * @param minimumCredit    below this nothing is awarded (NASBA: 1 full credit)
     * @param increment        granularity after the first credit: 1, 0.5, 0.2 or 0.1
     * @param cap              the most one session can award under this ruleset; null = the session's max credits
     */
    public record Credit(int minutesPerCredit, BigDecimal minimumCredit, BigDecimal increment, BigDecimal cap) {
    }

    /**
     * @param counting     how a person's intervals combine: UNION (two devices do not count twice)
     * @param clipTo       the window minutes count in: the session's SCHEDULED window (joining early earns
     *                     nothing) or the MEETING's actual window (from the attendance report)
     * @param graceMinutes minutes the window's end is extended by (a programme that overruns a little)
     * @param minuteRounding how the seconds present become whole minutes for credit; null (absent) = NEAREST
     */
    public record Attendance(Counting counting, Clip clipTo, int graceMinutes, MinuteRounding minuteRounding) {
        /** Rules written before minuteRounding existed: the nearest minute. */
        public Attendance(Counting counting, Clip clipTo, int graceMinutes) {
            this(counting, clipTo, graceMinutes, null);
        }

        /** The rounding that applies: NEAREST when the ruleset names none. */
        public MinuteRounding rounding() {
            return minuteRounding == null ? MinuteRounding.NEAREST : minuteRounding;
        }
    }

    /**
     * @param mode             how polls prove engagement
     * @param pollsPerCredit   POLLS_PER_CREDIT: answered polls needed per credit; fewer answers drop the credit to
     *                         answered ÷ pollsPerCredit rounded down to the increment
     * @param minimumShare     POLL_SHARE: share of presented (non-excluded) polls to answer for any credit, 0–1
     * @param onlyWhilePresent count only responses given while the person was in the meeting
     * @param perWindow        optional: at least N responses in each window of minutes the person was present
     */
    public record Engagement(EngagementMode mode, Integer pollsPerCredit, BigDecimal minimumShare,
                             boolean onlyWhilePresent, PerWindow perWindow) {
    }

    /** At least {@code responses} answers inside each {@code windowMinutes} the person was present. */
    public record PerWindow(int responses, int windowMinutes) {
    }

    /** Answering at least {@code minimumShare} (0–1) of the polls earns {@code creditFraction} (0–1) of the credit. */
    public record Tier(BigDecimal minimumShare, BigDecimal creditFraction) {
    }

    public enum Counting { UNION }

    public enum Clip { SCHEDULED, MEETING }

    /**
     * Seconds present → minutes for credit: NEAREST (30 s and more count as a minute; the default) or DOWN
     * (only whole minutes count).
     */
    public enum MinuteRounding { NEAREST, DOWN }

    public enum EngagementMode { NONE, POLLS_PER_CREDIT, POLL_SHARE, TIERS }

    /** WITHHOLD: no credit until polls are uploaded; ATTENDANCE_ONLY: credit from attendance alone. */
    public enum WithoutPolls { WITHHOLD, ATTENDANCE_ONLY }
}
