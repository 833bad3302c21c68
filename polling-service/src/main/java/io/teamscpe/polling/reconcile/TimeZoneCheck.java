package io.teamscpe.polling.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The export's times carry no zone and the file no meeting id. Read under the session's zone, responses should fall
 * inside the meeting; this check also tries every plausible UTC offset (−12:00 … +14:00 by 15 minutes) and names the
 * one under which the responses fall inside the meeting and inside the matched respondents' own attendance. When no
 * offset fits, the file cannot belong to this session.
 */
public final class TimeZoneCheck {
    private static final int STEP = 15 * 60;
    private static final long PRESENCE_GRACE = 5 * 60;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A response's local wall-clock time (seconds, as if UTC) and the respondent's attendance, if matched. */
    public record Sample(long localSeconds, List<long[]> presence) {
    }

    private record Score(int offsetSeconds, int inMeeting, int present) {
    }

    private TimeZoneCheck() {
    }

    public static TimeCheck check(List<Sample> samples, Instant start, Instant end, ZoneId zone, Duration early,
                                  Duration late) {
        String zoneId = zone.getId();
        ZoneOffset zoneOffset = zone.getRules().getOffset(start);
        if (samples.isEmpty()) {
            return new TimeCheck(TimeVerdict.NO_TIMES, zoneId, zoneOffset.getId(), 0, 0, null, 0, 0, 0,
                    "The file has no response times to check against the meeting.");
        }
        long from = start.getEpochSecond() - early.getSeconds();
        long to = end.getEpochSecond() + late.getSeconds();
        int used = 0;
        int present = 0;
        int withPresence = 0;
        for (Sample s : samples) {
            long instant = LocalDateTime.ofEpochSecond(s.localSeconds(), 0, ZoneOffset.UTC).atZone(zone)
                    .toEpochSecond();
            if (instant >= from && instant <= to) {
                used++;
            }
            if (s.presence() != null && !s.presence().isEmpty()) {
                withPresence++;
                present += inside(instant, s.presence()) ? 1 : 0;
            }
        }
        long[] locals = samples.stream().mapToLong(Sample::localSeconds).sorted().toArray();
        long median = locals[locals.length / 2];
        long midpoint = (start.getEpochSecond() + end.getEpochSecond()) / 2;
        Score best = best(samples, locals, from, to, median, midpoint);
        int n = samples.size();
        String likely = ZoneOffset.ofTotalSeconds(best.offsetSeconds()).getId();
        String under = zoneId + " (UTC" + zoneOffset.getId().replace("Z", "+00:00") + ")";
        if (best.inMeeting() * 2 < n) {
            String span = LOCAL.format(LocalDateTime.ofEpochSecond(locals[0], 0, ZoneOffset.UTC)) + " – "
                    + LOCAL.format(LocalDateTime.ofEpochSecond(locals[locals.length - 1], 0, ZoneOffset.UTC));
            String meeting = LOCAL.format(start.atZone(zone)) + " – " + LOCAL.format(end.atZone(zone)) + " " + zoneId;
            return new TimeCheck(TimeVerdict.NOT_THIS_SESSION, zoneId, zoneOffset.getId(), n, used, likely, best.inMeeting(),
                    present, withPresence, "The responses (" + span + ", local time of the export) cannot belong to "
                    + "this session (" + meeting + ") under any UTC offset: only " + best.inMeeting() + " of " + n
                    + " would fall inside the meeting. Check that the file was uploaded to the right session.");
        }
        if (used >= best.inMeeting()) {
            return new TimeCheck(TimeVerdict.OK, zoneId, zoneOffset.getId(), n, used, zoneOffset.getId(), used, present,
                    withPresence, used + " of " + n + " responses fall inside the meeting under " + under + ".");
        }
        return new TimeCheck(TimeVerdict.SHIFTED, zoneId, zoneOffset.getId(), n, used, likely, best.inMeeting(), present,
                withPresence, (n - used) + " of " + n + " responses fall outside the meeting under " + under
                + "; under UTC" + likely + " " + best.inMeeting() + " fall inside it" + (best.present() > 0
                ? " (and " + best.present() + " inside the respondent's own attendance)" : "")
                + ". The file was probably exported in UTC" + likely + ": replace it with timeZone=" + likely
                + " if so.");
    }

    /**
     * The offset under which most responses fall inside the meeting; among those, the one under which most fall inside
     * the respondents' own attendance, then a whole hour, then the one nearest the meeting. Counting responses inside
     * the meeting is two binary searches over the sorted local times per offset; attendance is only consulted for the
     * few offsets that tie for the most (a 300-response poll: 105 offsets × 300 responses × their intervals before).
     */
    private static Score best(List<Sample> samples, long[] sortedLocals, long from, long to, long median,
                              long midpoint) {
        int offsets = (26 * 3600) / STEP + 1;
        int[] inMeeting = new int[offsets];
        int most = 0;
        for (int i = 0; i < offsets; i++) {
            long offset = -12 * 3600 + (long) i * STEP;
            inMeeting[i] = firstAbove(sortedLocals, to + offset) - firstAtOrAbove(sortedLocals, from + offset);
            most = Math.max(most, inMeeting[i]);
        }
        Score best = null;
        for (int i = 0; i < offsets; i++) {
            if (inMeeting[i] != most) {
                continue;
            }
            int offset = -12 * 3600 + i * STEP;
            Score score = new Score(offset, most, present(samples, offset));
            if (best == null || better(score, best, median, midpoint)) {
                best = score;
            }
        }
        return best;
    }

    private static int present(List<Sample> samples, int offset) {
        int present = 0;
        for (Sample s : samples) {
            if (s.presence() != null && inside(s.localSeconds() - offset, s.presence())) {
                present++;
            }
        }
        return present;
    }

    /** The index of the first value ≥ {@code bound} in the sorted array (its length if none). */
    private static int firstAtOrAbove(long[] sorted, long bound) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < bound) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The index of the first value > {@code bound} in the sorted array (its length if none). */
    private static int firstAbove(long[] sorted, long bound) {
        return firstAtOrAbove(sorted, bound + 1);
    }

    private static boolean better(Score a, Score b, long median, long midpoint) {
        if (a.inMeeting() != b.inMeeting()) {
            return a.inMeeting() > b.inMeeting();
        }
        if (a.present() != b.present()) {
            return a.present() > b.present();
        }
        boolean aHour = a.offsetSeconds() % 3600 == 0;
        boolean bHour = b.offsetSeconds() % 3600 == 0;
        if (aHour != bHour) {
            return aHour;
        }
        return Math.abs(median - a.offsetSeconds() - midpoint) < Math.abs(median - b.offsetSeconds() - midpoint);
    }

    private static boolean inside(long instant, List<long[]> intervals) {
        for (long[] i : intervals) {
            if (instant >= i[0] - PRESENCE_GRACE && instant <= i[1] + PRESENCE_GRACE) {
                return true;
            }
        }
        return false;
    }
}
