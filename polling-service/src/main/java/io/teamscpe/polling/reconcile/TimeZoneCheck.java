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
        Score best = null;
        for (int offset = -12 * 3600; offset <= 14 * 3600; offset += STEP) {
            Score score = score(samples, offset, from, to);
            if (best == null || better(score, best, median, midpoint)) {
                best = score;
            }
        }
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

    private static Score score(List<Sample> samples, int offset, long from, long to) {
        int in = 0;
        int present = 0;
        for (Sample s : samples) {
            long instant = s.localSeconds() - offset;
            if (instant >= from && instant <= to) {
                in++;
            }
            if (s.presence() != null && inside(instant, s.presence())) {
                present++;
            }
        }
        return new Score(offset, in, present);
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
