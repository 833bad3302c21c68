package io.teamscpe.reporting.credit;

import io.teamscpe.contracts.attendance.Interval;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One participant's facts for one session.
 *
 * @param sessionCap the session's maximum credits (null: none)
 * @param polls      the polls presented (excluded polls are left out by the caller)
 */
public record Facts(List<Interval> intervals, Instant windowStart, Instant windowEnd, BigDecimal sessionCap,
                    List<PollFact> polls) {
    /** A presented poll and when this participant answered it (null: no response). */
    public record PollFact(String pollId, Instant answeredAt) {
        public boolean answered() {
            return answeredAt != null;
        }
    }
}
