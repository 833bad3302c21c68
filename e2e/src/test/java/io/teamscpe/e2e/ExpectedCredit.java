package io.teamscpe.e2e;

import io.teamscpe.emulator.DemoScenario;
import io.teamscpe.emulator.Scenario;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * NASBA GIB credit of the demo meeting's attendees, computed here from the scenario itself, independently of the
 * services: union of each person's intervals clipped to the scheduled window, 50-minute credits in fifths rounded
 * down, nothing below one credit, capped at the session's maximum of 2.
 */
final class ExpectedCredit {
    private ExpectedCredit() {
    }

    /** Lower-cased email → expected credit, for the records that have an email (every demo enrollee). */
    static Map<String, BigDecimal> byParticipant() {
        Scenario.Meeting meeting = DemoScenario.build().tenants().get(0).meetings().stream()
                .filter(m -> m.id().equals(DemoScenario.MEETING_ID)).findFirst().orElseThrow();
        Map<String, List<Instant[]>> intervals = new HashMap<>();
        for (Scenario.AttendanceRecord r : meeting.attendanceReports().get(0).records()) {
            String key = r.emailAddress() != null && !r.emailAddress().isBlank()
                    ? r.emailAddress().trim().toLowerCase() : null;
            if (key == null) {
                continue;
            }
            for (Scenario.Interval i : r.intervals()) {
                intervals.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(new Instant[] {i.joinDateTime(), i.leaveDateTime()});
            }
            intervals.computeIfAbsent(key, k -> new ArrayList<>());
        }
        Map<String, BigDecimal> credit = new HashMap<>();
        intervals.forEach((key, spans) -> credit.put(key, credit(seconds(spans))));
        return credit;
    }

    static long seconds(List<Instant[]> spans) {
        Instant start = DemoScenario.MEETING_START;
        Instant end = DemoScenario.MEETING_END;
        List<long[]> clipped = new ArrayList<>();
        for (Instant[] s : spans) {
            if (s[0] == null || s[1] == null) {
                continue;
            }
            long from = Math.max(s[0].getEpochSecond() * 1000 + s[0].getNano() / 1_000_000, start.toEpochMilli());
            long to = Math.min(s[1].getEpochSecond() * 1000 + s[1].getNano() / 1_000_000, end.toEpochMilli());
            if (to > from) {
                clipped.add(new long[] {from, to});
            }
        }
        clipped.sort(Comparator.comparingLong(a -> a[0]));
        long total = 0;
        long curStart = -1;
        long curEnd = -1;
        for (long[] c : clipped) {
            if (curEnd >= c[0]) {
                curEnd = Math.max(curEnd, c[1]);
            } else {
                total += curEnd - curStart;
                curStart = c[0];
                curEnd = c[1];
            }
        }
        total += curEnd - curStart;
        return total / 1000;
    }

    static BigDecimal credit(long seconds) {
        long fifths = seconds * 5 / 3000;
        if (fifths < 5) {
            return new BigDecimal("0.0");
        }
        return BigDecimal.valueOf(Math.min(fifths, 10)).divide(BigDecimal.valueOf(5)).setScale(1);
    }
}
