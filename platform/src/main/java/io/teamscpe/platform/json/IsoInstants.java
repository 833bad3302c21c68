package io.teamscpe.platform.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 instants written and read without {@link DateTimeFormatter}, whose parsing (a map of fields per value)
 * was the largest single cost of ingesting a 10,000-attendee meeting: ~30,000 intervals are read from Graph, staged,
 * read back, hashed and published. {@link #format} writes exactly what {@link Instant#toString()} writes;
 * {@link #parse} reads {@code yyyy-MM-ddTHH:mm:ss[.f…]} followed by {@code Z} or {@code ±HH:MM} (what Graph and
 * our own events use) and returns null for anything else, which callers hand to the JDK's parser.
 */
public final class IsoInstants {
    private static final long SECONDS_PER_DAY = 86_400;
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: four-digit years, the only ones written here. */
    private static final long MIN_SECOND = -62_167_219_200L;
    private static final long MAX_SECOND = 253_402_300_800L;

    private IsoInstants() {
    }

    /** Same text as {@link Instant#toString()}. */
    public static String format(Instant instant) {
        char[] buffer = new char[30];
        int length = format(instant, buffer);
        return length < 0 ? instant.toString() : new String(buffer, 0, length);
    }

    /**
     * Writes {@code instant} into {@code buffer} (at least 30 chars) as {@link Instant#toString()} would; returns
     * the length, or -1 for years outside 0000-9999 (then use {@link Instant#toString()}).
     */
    public static int format(Instant instant, char[] buffer) {
        long epochSecond = instant.getEpochSecond();
        if (epochSecond < MIN_SECOND || epochSecond >= MAX_SECOND) {
            return -1;
        }
        long day = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(day);
        digits(buffer, 0, date.getYear(), 4);
        buffer[4] = '-';
        digits(buffer, 5, date.getMonthValue(), 2);
        buffer[7] = '-';
        digits(buffer, 8, date.getDayOfMonth(), 2);
        buffer[10] = 'T';
        digits(buffer, 11, secondOfDay / 3600, 2);
        buffer[13] = ':';
        digits(buffer, 14, secondOfDay / 60 % 60, 2);
        buffer[16] = ':';
        digits(buffer, 17, secondOfDay % 60, 2);
        int at = 19;
        int nano = instant.getNano();
        if (nano != 0) {
            buffer[at++] = '.';
            if (nano % 1_000_000 == 0) {
                digits(buffer, at, nano / 1_000_000, 3);
                at += 3;
            } else if (nano % 1_000 == 0) {
                digits(buffer, at, nano / 1_000, 6);
                at += 6;
            } else {
                digits(buffer, at, nano, 9);
                at += 9;
            }
        }
        buffer[at++] = 'Z';
        return at;
    }

    /**
     * Reads {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)}; null when {@code text} has another shape (e.g. a leap
     * second or a five-digit year), so the caller can fall back to the JDK. Throws on a well-shaped text that is not
     * a date, e.g. February 30th, as the JDK would.
     */
    public static Instant parse(CharSequence text) {
        int n = text.length();
        if (n < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int dayOfMonth = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        if ((year | month | dayOfMonth | hour | minute | second) < 0) {
            return null;
        }
        int at = 19;
        int nano = 0;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < n && at - start < 9 && isDigit(text.charAt(at))) {
                nano = nano * 10 + (text.charAt(at++) - '0');
            }
            if (at == start || at < n && isDigit(text.charAt(at))) {
                return null;
            }
            for (int i = at - start; i < 9; i++) {
                nano *= 10;
            }
        }
        int offsetSeconds = offset(text, at);
        if (offsetSeconds == Integer.MIN_VALUE || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        long day;
        try {
            day = LocalDate.of(year, month, dayOfMonth).toEpochDay();
        } catch (DateTimeException e) {
            throw new DateTimeException("Text '" + text + "' could not be parsed: " + e.getMessage(), e);
        }
        long epochSecond = day * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nano);
    }

    /** {@code Z} or {@code ±HH:MM} ending the text at {@code at}, in seconds; MIN_VALUE for anything else. */
    private static int offset(CharSequence text, int at) {
        int n = text.length();
        if (at == n - 1 && text.charAt(at) == 'Z') {
            return 0;
        }
        if (at != n - 6 || text.charAt(at + 3) != ':') {
            return Integer.MIN_VALUE;
        }
        char sign = text.charAt(at);
        int hours = number(text, at + 1, 2);
        int minutes = number(text, at + 4, 2);
        if (sign != '+' && sign != '-' || hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3600 + minutes * 60;
        return sign == '+' ? seconds : -seconds;
    }

    /** The unsigned decimal of {@code length} digits at {@code from}, or -1 if one is not a digit. */
    private static int number(CharSequence text, int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static void digits(char[] buffer, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            buffer[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
