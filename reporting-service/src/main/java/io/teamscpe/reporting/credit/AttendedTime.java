package io.teamscpe.reporting.credit;

import io.teamscpe.contracts.attendance.Interval;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Time present in a window: the union of a person's intervals (two devices never count twice) clipped to the
 * window (joining early earns nothing). Intervals Teams left open (null join or leave) count nothing.
 */
public final class AttendedTime {
    private AttendedTime() {
    }

    public static Duration within(List<Interval> intervals, Instant windowStart, Instant windowEnd) {
        int n = intervals.size();
        Instant[] from = new Instant[n];
        Instant[] to = new Instant[n];
        int spans = 0;
        for (int k = 0; k < n; k++) {
            Interval i = intervals.get(k);
            if (i.joined() == null || i.left() == null) {
                continue;
            }
            Instant start = i.joined().isBefore(windowStart) ? windowStart : i.joined();
            Instant end = i.left().isAfter(windowEnd) ? windowEnd : i.left();
            if (!end.isAfter(start)) {
                continue;
            }
            // insertion sort by start: a person has a handful of intervals, usually already in order
            int at = spans++;
            while (at > 0 && from[at - 1].isAfter(start)) {
                from[at] = from[at - 1];
                to[at] = to[at - 1];
                at--;
            }
            from[at] = start;
            to[at] = end;
        }
        long seconds = 0;
        long nanos = 0;
        int k = 0;
        while (k < spans) {
            Instant currentStart = from[k];
            Instant currentEnd = to[k];
            for (k++; k < spans && !from[k].isAfter(currentEnd); k++) {
                if (to[k].isAfter(currentEnd)) {
                    currentEnd = to[k];
                }
            }
            seconds += currentEnd.getEpochSecond() - currentStart.getEpochSecond();
            nanos += currentEnd.getNano() - currentStart.getNano();
        }
        return Duration.ofSeconds(seconds, nanos);
    }
}
