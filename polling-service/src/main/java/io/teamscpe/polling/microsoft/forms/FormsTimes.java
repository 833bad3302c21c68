package io.teamscpe.polling.microsoft.forms;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The export's times, which carry no zone: Excel date cells (serial days) and text in the exporter's locale
 * ({@code 10/5/26 4:02:11 PM}, {@code 5.10.2026 16:02}, {@code 2026-10-05 16:02:11}). Results are seconds of the
 * wall-clock time counted as if it were UTC; the caller applies the zone.
 * <p>
 * A time must fall in the years {@value #FIRST_YEAR} to {@value #LAST_YEAR}: Forms (2016) exports nothing earlier,
 * and a cell outside that range ({@code NaN}, {@code 1e20}, a serial of year 10113, a text year 999999999) was
 * edited after export; read as it is, it would be stored as 1970 or overflow. Which session a file belongs to is
 * the time check's business, not the parser's.
 */
final class FormsTimes {
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    private static final long EARLIEST = LocalDateTime.of(FIRST_YEAR, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long LATEST = LocalDateTime.of(LAST_YEAR + 1, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC) - 1;
    private static final long EXCEL_EPOCH_DAY = 25569; // 1970-01-01 as an Excel (1900 system) serial
    private static final int DAYS_1904 = 1462;

    private FormsTimes() {
    }

    /** A time that is not a plausible response time (not a number, infinite, or outside the years allowed). */
    static final class OutOfRange extends DateTimeException {
        OutOfRange(String message) {
            super(message);
        }
    }

    /** Seconds of an Excel date serial; {@link OutOfRange} when it is not a time of the allowed years. */
    static long fromSerial(double serial, boolean date1904) {
        double seconds = (serial + (date1904 ? DAYS_1904 : 0) - EXCEL_EPOCH_DAY) * 86_400d;
        // NaN fails both comparisons, infinities one: checked before rounding, which would saturate
        if (!(seconds >= EARLIEST && seconds <= LATEST)) {
            throw new OutOfRange("serial " + serial);
        }
        return Math.round(seconds);
    }

    /**
     * Day-first ({@code TRUE}), month-first ({@code FALSE}) or cannot tell (null) for a text date; ISO dates
     * (year first) tell nothing.
     */
    static Boolean dayFirstHint(String text) {
        int[] n = numbers(text);
        if (n == null || n[7] >= 4) {
            return null;
        }
        if (n[0] > 12 && n[1] <= 12) {
            return Boolean.TRUE;
        }
        if (n[1] > 12 && n[0] <= 12) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** Parses a text date-time; throws DateTimeException when it is not one. */
    static long parse(String text, boolean dayFirst) {
        int[] n = numbers(text);
        if (n == null) {
            throw new DateTimeException("not a date-time: " + text);
        }
        int year;
        int month;
        int day;
        if (n[7] >= 4) {
            year = n[0];
            month = n[1];
            day = n[2];
        } else {
            day = dayFirst ? n[0] : n[1];
            month = dayFirst ? n[1] : n[0];
            year = n[2] < 100 ? 2000 + n[2] : n[2];
        }
        int hour = n[3];
        String upper = text.toUpperCase(java.util.Locale.ROOT);
        boolean pm = upper.contains("PM") || upper.contains("P.M.");
        boolean am = upper.contains("AM") || upper.contains("A.M.");
        if ((pm || am) && (hour < 1 || hour > 12)) {
            throw new DateTimeException("hour " + hour + " with AM/PM: " + text);
        }
        if (pm && hour < 12) {
            hour += 12;
        } else if (am && hour == 12) {
            hour = 0;
        }
        long seconds = LocalDateTime.of(year, month, day, hour, n[4], n[5]).toEpochSecond(ZoneOffset.UTC);
        if (seconds < EARLIEST || seconds > LATEST) {
            throw new OutOfRange("year " + year);
        }
        return seconds;
    }

    /**
     * Up to six numbers (date parts, hour, minute, second; second defaults to 0) and, at [7], the digit count of
     * the first; null when fewer than five numbers are present.
     */
    private static int[] numbers(String text) {
        int[] n = new int[8];
        int count = 0;
        int i = 0;
        int len = text.length();
        while (i < len && count < 6) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                int start = i;
                int value = 0;
                while (i < len && text.charAt(i) >= '0' && text.charAt(i) <= '9' && i - start < 9) {
                    value = value * 10 + (text.charAt(i) - '0');
                    i++;
                }
                if (count == 0) {
                    n[7] = i - start;
                }
                n[count++] = value;
            } else {
                i++;
            }
        }
        return count < 5 ? null : n;
    }
}
