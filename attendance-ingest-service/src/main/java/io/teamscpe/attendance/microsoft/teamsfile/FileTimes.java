package io.teamscpe.attendance.microsoft.teamsfile;

import io.teamscpe.attendance.upload.AttendanceFileException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file's times: wall-clock text in the downloader's locale ({@code 10/5/26, 4:02:11 PM}, {@code 05/10/2026,
 * 16:02:11}, {@code 5.10.26, 16:02:11}, {@code 2026-10-05 16:02:11}) read in the session's zone. Whether the month or
 * the day comes first is decided once per file, by which reading puts the meeting's start near the session's.
 */
final class FileTimes {
    enum Order { MONTH_FIRST, DAY_FIRST }

    /** One time cell: its text and where it is, for messages. */
    record Stamp(String text, int line, String label) {
    }

    private static final Pattern STAMP = Pattern.compile("(\\d{1,4})[./-](\\d{1,2})[./-](\\d{1,4})\\.?"
            + "(?:\\s*,\\s*|\\s+|T)(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?(?:[.,]\\d{1,9})?"
            + "(?:\\s*([ap])\\.?\\s?m\\.?)?", Pattern.CASE_INSENSITIVE);
    private static final Duration NEAR = Duration.ofDays(1);
    private static final DateTimeFormatter SESSION = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Order order;
    private final ZoneId zone;

    private FileTimes(Order order, ZoneId zone) {
        this.order = order;
        this.zone = zone;
    }

    /**
     * The reading that puts {@code anchor} (the summary's start time; when null, the earliest time in the file)
     * closest to the session's start, within a day; ties (the day equals the month) go to the reading that keeps
     * all of the file's times closest together.
     */
    static FileTimes choose(Stamp anchor, List<Stamp> all, ZoneId zone, Instant sessionStart) {
        FileTimes best = null;
        long bestDistance = Long.MAX_VALUE;
        boolean anchorParsed = false;
        for (Order order : Order.values()) {
            FileTimes reading = new FileTimes(order, zone);
            Instant start = anchor != null ? reading.tryInstant(anchor.text()) : reading.earliest(all);
            if (start == null) {
                continue;
            }
            anchorParsed = true;
            long distance = Duration.between(start, sessionStart).abs().getSeconds();
            // spans are compared only on a tie, as reading every time twice more costs seconds on a large list
            if (distance <= NEAR.getSeconds() && (distance < bestDistance
                    || distance == bestDistance && reading.span(all) < best.span(all))) {
                best = reading;
                bestDistance = distance;
            }
        }
        if (best != null) {
            return best;
        } else if (anchor != null && !anchorParsed) {
            throw new AttendanceFileException(anchor.line(), notATime(anchor, ""));
        } else if (!anchorParsed) {
            return new FileTimes(Order.MONTH_FIRST, zone); // no readable time at all: each cell will say so
        }
        String what = anchor != null ? "started " + anchor.text() : "has its first join at "
                + new FileTimes(Order.MONTH_FIRST, zone).earliestText(all);
        throw new AttendanceFileException(0, "this attendance list's meeting " + what + ", more than a day from the "
                + "session's scheduled start (" + SESSION.format(sessionStart.atZone(zone)) + " " + zone.getId()
                + "): is it the list of another meeting?");
    }

    /** The instant of a time cell; null for null; fails naming the line when the text is no date and time. */
    Instant instant(Stamp stamp) {
        if (stamp == null) {
            return null;
        }
        Instant at = tryInstant(stamp.text());
        if (at != null) {
            return at;
        }
        Order other = order == Order.MONTH_FIRST ? Order.DAY_FIRST : Order.MONTH_FIRST;
        boolean otherWay = parse(stamp.text(), other) != null;
        throw new AttendanceFileException(stamp.line(), notATime(stamp, otherWay ? " with the "
                + (order == Order.MONTH_FIRST ? "month before the day" : "day before the month")
                + ", as the rest of this file writes dates" : ""));
    }

    /** Wall-clock time of a cell under a reading, or null when it is not one. */
    static LocalDateTime parse(String text, Order order) {
        Matcher m = STAMP.matcher(text.replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2009', ' ').strip());
        if (!m.matches()) {
            return null;
        }
        String first = m.group(1);
        boolean yearFirst = first.length() == 4;
        if (!yearFirst && (first.length() > 2 || m.group(3).length() == 1 || m.group(3).length() == 3)
                || yearFirst && m.group(3).length() > 2) {
            return null;
        }
        int a = Integer.parseInt(first);
        int b = Integer.parseInt(m.group(2));
        int c = Integer.parseInt(m.group(3));
        int year = yearFirst ? a : c < 100 ? 2000 + c : c;
        int month = yearFirst ? b : order == Order.MONTH_FIRST ? a : b;
        int day = yearFirst ? c : order == Order.MONTH_FIRST ? b : a;
        int hour = Integer.parseInt(m.group(4));
        if (m.group(7) != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            hour = hour % 12 + (Character.toLowerCase(m.group(7).charAt(0)) == 'p' ? 12 : 0);
        }
        try {
            return LocalDateTime.of(year, month, day, hour, Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private Instant tryInstant(String text) {
        LocalDateTime local = parse(text, order);
        return local == null ? null : local.atZone(zone).toInstant();
    }

    private Instant earliest(List<Stamp> all) {
        Instant min = null;
        for (Stamp s : all) {
            Instant at = tryInstant(s.text());
            min = at != null && (min == null || at.isBefore(min)) ? at : min;
        }
        return min;
    }

    private String earliestText(List<Stamp> all) {
        Instant min = earliest(all);
        return all.stream().filter(s -> min != null && min.equals(tryInstant(s.text()))).findFirst()
                .map(Stamp::text).orElse("?");
    }

    /** Seconds between the file's first and last time under this reading; unreadable times count as far apart. */
    private long span(List<Stamp> all) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Stamp s : all) {
            Instant at = tryInstant(s.text());
            if (at == null) {
                return Long.MAX_VALUE;
            }
            min = Math.min(min, at.getEpochSecond());
            max = Math.max(max, at.getEpochSecond());
        }
        return all.isEmpty() ? 0 : max - min;
    }

    private static String notATime(Stamp stamp, String how) {
        return "'" + stamp.label() + "' is '" + stamp.text() + "', which is not a date and time" + how;
    }
}
