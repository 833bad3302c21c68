package io.teamscpe.polling.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.teamscpe.polling.reconcile.TimeZoneCheck.Sample;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Which UTC offset a Forms export was written in, judged from its response times against the meeting. */
class TimeZoneCheckTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** 12:00–13:40 in New York. */
    private static final Instant START = Instant.parse("2026-10-05T16:00:00Z");
    private static final Instant END = Instant.parse("2026-10-05T17:40:00Z");
    private static final Duration EARLY = Duration.ofMinutes(10);
    private static final Duration LATE = Duration.ofMinutes(30);

    @Test
    void responsesReadInTheSessionsZoneFallInsideTheMeeting() {
        TimeCheck check = check(samplesAt(LocalDateTime.of(2026, 10, 5, 12, 20), 30, null));
        assertThat(check.verdict()).isEqualTo(TimeVerdict.OK);
        assertThat(check.inMeeting()).isEqualTo(30);
        assertThat(check.likelyOffset()).isEqualTo("-04:00");
    }

    @Test
    void anExportWrittenInUtcIsNamedAsSuch() {
        TimeCheck check = check(samplesAt(LocalDateTime.of(2026, 10, 5, 16, 20), 30, null));
        assertThat(check.verdict()).isEqualTo(TimeVerdict.SHIFTED);
        assertThat(check.inMeeting()).isZero();
        assertThat(check.likelyOffset()).isEqualTo("Z");
        assertThat(check.inMeetingAtLikelyOffset()).isEqualTo(30);
    }

    @Test
    void responsesThatFitNoOffsetCannotBelongToTheSession() {
        List<Sample> samples = new ArrayList<>(samplesAt(LocalDateTime.of(2026, 10, 1, 9, 0), 10, null));
        TimeCheck check = check(samples);
        assertThat(check.verdict()).isEqualTo(TimeVerdict.NOT_THIS_SESSION);
        assertThat(check.inMeetingAtLikelyOffset()).isZero();
    }

    @Test
    void amongOffsetsThatFitTheMeetingTheRespondentsOwnAttendanceDecidesBeforeAWholeHour() {
        // 16:30 local (not New York's 12:30); each respondent was present only 16:45–16:50 UTC: UTC−00:15 fits both
        // the meeting and their attendance, UTC+00:00 only the meeting
        List<long[]> presence = List.of(new long[] {Instant.parse("2026-10-05T16:45:00Z").getEpochSecond(),
                Instant.parse("2026-10-05T16:50:00Z").getEpochSecond()});
        TimeCheck check = check(samplesAt(LocalDateTime.of(2026, 10, 5, 16, 30), 5, presence));
        assertThat(check.verdict()).isEqualTo(TimeVerdict.SHIFTED);
        assertThat(check.likelyOffset()).isEqualTo("-00:15");
        assertThat(check.message()).contains("(and 5 inside the respondent's own attendance)");
    }

    @Test
    void theChosenOffsetIsTheBestByEveryRuleInOrder() {
        Random random = new Random(20261204);
        for (int round = 0; round < 300; round++) {
            List<Sample> samples = new ArrayList<>();
            long base = LocalDateTime.of(2026, 10, 5, 8 + random.nextInt(14), random.nextInt(60))
                    .toEpochSecond(ZoneOffset.UTC);
            int n = 1 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                List<long[]> presence = null;
                if (random.nextBoolean()) {
                    long joined = START.getEpochSecond() + random.nextInt(7200) - 1800;
                    presence = List.of(new long[] {joined, joined + 60L * (1 + random.nextInt(90))});
                }
                samples.add(new Sample(base + random.nextInt(3 * 3600) - 5400, presence));
            }
            TimeCheck check = check(samples);
            assertThat(check.likelyOffset()).as("round %d", round).isEqualTo(reference(samples));
        }
    }

    private static TimeCheck check(List<Sample> samples) {
        return TimeZoneCheck.check(samples, START, END, NEW_YORK, EARLY, LATE);
    }

    private static List<Sample> samplesAt(LocalDateTime first, int count, List<long[]> presence) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(new Sample(first.plusSeconds(30L * i).toEpochSecond(ZoneOffset.UTC), presence));
        }
        return samples;
    }

    /**
     * The rules, tried on every offset from −12:00 to +14:00 by 15 minutes, the first best one kept; the session's own
     * offset (New York's −04:00 that day) when it fits as many responses into the meeting as the best one.
     */
    private static String reference(List<Sample> samples) {
        long from = START.getEpochSecond() - EARLY.getSeconds();
        long to = END.getEpochSecond() + LATE.getSeconds();
        long[] locals = samples.stream().mapToLong(Sample::localSeconds).sorted().toArray();
        long median = locals[locals.length / 2];
        long midpoint = (START.getEpochSecond() + END.getEpochSecond()) / 2;
        int bestOffset = 0;
        long[] best = null;
        for (int offset = -12 * 3600; offset <= 14 * 3600; offset += 15 * 60) {
            int in = 0;
            int present = 0;
            for (Sample s : samples) {
                long instant = s.localSeconds() - offset;
                in += instant >= from && instant <= to ? 1 : 0;
                if (s.presence() != null && s.presence().stream()
                        .anyMatch(p -> instant >= p[0] - 300 && instant <= p[1] + 300)) {
                    present++;
                }
            }
            long[] key = {in, present, offset % 3600 == 0 ? 1 : 0, -Math.abs(median - offset - midpoint)};
            if (best == null || compare(key, best) > 0) {
                best = key;
                bestOffset = offset;
            }
        }
        long underSessionZone = samples.stream().map(smp -> smp.localSeconds() + 4 * 3600)
                .filter(instant -> instant >= from && instant <= to).count();
        return underSessionZone >= best[0] ? "-04:00" : ZoneOffset.ofTotalSeconds(bestOffset).getId();
    }

    private static int compare(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return Long.compare(a[i], b[i]);
            }
        }
        return 0;
    }
}
