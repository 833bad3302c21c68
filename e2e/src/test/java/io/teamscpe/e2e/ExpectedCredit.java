package io.teamscpe.e2e;

import io.teamscpe.devstack.demo.DemoData;
import io.teamscpe.devstack.demo.DemoPolls;
import io.teamscpe.devstack.demo.FormsExport;
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
 * NASBA GIB credit of the demo meeting's attendees, computed here from the scenario and the demo's polls,
 * independently of the services: union of each person's intervals clipped to the scheduled window, measured to the
 * second and taken to the nearest minute (30 s up), 50-minute credits in fifths rounded down, capped at the session's maximum of 2, no more than answered polls ÷ 3 supports
 * (in fifths), nothing below one credit.
 */
final class ExpectedCredit {
    private static final int POLLS_PER_CREDIT = 3;

    private ExpectedCredit() {
    }

    /** Lower-cased email → expected CPA (NASBA GIB) credit, for the records that have an email. */
    static Map<String, BigDecimal> byParticipant() {
        Map<String, List<Instant[]>> intervals = new HashMap<>();
        for (Scenario.AttendanceRecord r : DemoData.records()) {
            if (r.emailAddress() == null || r.emailAddress().isBlank()) {
                continue;
            }
            List<Instant[]> spans = intervals.computeIfAbsent(r.emailAddress().trim().toLowerCase(),
                    k -> new ArrayList<>());
            for (Scenario.Interval i : r.intervals()) {
                spans.add(new Instant[] {i.joinDateTime(), i.leaveDateTime()});
            }
        }
        Map<String, Integer> answered = new HashMap<>();
        for (FormsExport poll : DemoPolls.build()) {
            poll.responses().stream().filter(r -> r.email() != null && !r.isAnonymous())
                    .map(r -> r.email().trim().toLowerCase()).distinct()
                    .forEach(email -> answered.merge(email, 1, Integer::sum));
        }
        Map<String, BigDecimal> credit = new HashMap<>();
        intervals.forEach((key, spans) -> credit.put(key, credit(seconds(spans), answered.getOrDefault(key, 0))));
        return credit;
    }

    /**
     * Lower-cased email → expected CFP Board credit for the records that have an email: 50-minute credits rounded
     * down to halves, nothing below one credit, capped at the 2.0 derived from the scheduled 100 minutes; no polls.
     */
    static Map<String, BigDecimal> cfpByParticipant() {
        Map<String, List<Instant[]>> intervals = new HashMap<>();
        for (Scenario.AttendanceRecord r : DemoData.records()) {
            if (r.emailAddress() != null && !r.emailAddress().isBlank()) {
                intervals.computeIfAbsent(r.emailAddress().trim().toLowerCase(), k -> new ArrayList<>())
                        .addAll(spans(r));
            }
        }
        Map<String, BigDecimal> credit = new HashMap<>();
        intervals.forEach((key, spans) -> credit.put(key, cfp(seconds(spans))));
        return credit;
    }

    /** Seconds present of the attendance record Teams showed as {@code displayName} (a guest without an email). */
    static long secondsOf(String displayName) {
        return DemoData.records().stream()
                .filter(r -> r.identity() != null && displayName.equals(r.identity().displayName()))
                .map(r -> seconds(spans(r))).findFirst().orElseThrow();
    }

    static BigDecimal cfp(long seconds) {
        long minutes = (seconds + 30) / 60;
        long halves = Math.min(minutes * 2 / 50, 4);
        return halves < 2 ? new BigDecimal("0.0") : BigDecimal.valueOf(halves).divide(BigDecimal.valueOf(2)).setScale(1);
    }

    private static List<Instant[]> spans(Scenario.AttendanceRecord r) {
        List<Instant[]> spans = new ArrayList<>();
        for (Scenario.Interval i : r.intervals()) {
            spans.add(new Instant[] {i.joinDateTime(), i.leaveDateTime()});
        }
        return spans;
    }

    static long seconds(List<Instant[]> spans) {
        return seconds(spans, DemoScenario.MEETING_START, DemoScenario.MEETING_END);
    }

    /** Seconds of the union of {@code spans} within the scheduled window {@code start}–{@code end}. */
    static long seconds(List<Instant[]> spans, Instant start, Instant end) {
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

    static BigDecimal credit(long seconds, int pollsAnswered) {
        long minutes = (seconds + 30) / 60;
        long fifths = Math.min(Math.min(minutes * 5 / 50, 10), pollsAnswered * 5L / POLLS_PER_CREDIT);
        if (fifths < 5) {
            return new BigDecimal("0.0");
        }
        return BigDecimal.valueOf(fifths).divide(BigDecimal.valueOf(5)).setScale(1);
    }
}
