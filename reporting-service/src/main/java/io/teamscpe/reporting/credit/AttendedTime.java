package io.teamscpe.reporting.credit;

import io.teamscpe.contracts.attendance.Interval;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Time present in a window: the union of a person's intervals (two devices never count twice) clipped to the
 * window (joining early earns nothing). Intervals Teams left open (null join or leave) count nothing.
 */
public final class AttendedTime {
    private AttendedTime() {
    }

    public static Duration within(List<Interval> intervals, Instant windowStart, Instant windowEnd) {
        List<Instant[]> clipped = new ArrayList<>();
        for (Interval i : intervals) {
            if (i.joined() == null || i.left() == null) {
                continue;
            }
            Instant from = i.joined().isBefore(windowStart) ? windowStart : i.joined();
            Instant to = i.left().isAfter(windowEnd) ? windowEnd : i.left();
            if (to.isAfter(from)) {
                clipped.add(new Instant[] {from, to});
            }
        }
        clipped.sort(Comparator.comparing(a -> a[0]));
        Duration total = Duration.ZERO;
        Instant currentStart = null;
        Instant currentEnd = null;
        for (Instant[] span : clipped) {
            if (currentEnd != null && !span[0].isAfter(currentEnd)) {
                if (span[1].isAfter(currentEnd)) {
                    currentEnd = span[1];
                }
                continue;
            }
            if (currentEnd != null) {
                total = total.plus(Duration.between(currentStart, currentEnd));
            }
            currentStart = span[0];
            currentEnd = span[1];
        }
        if (currentEnd != null) {
            total = total.plus(Duration.between(currentStart, currentEnd));
        }
        return total;
    }
}
