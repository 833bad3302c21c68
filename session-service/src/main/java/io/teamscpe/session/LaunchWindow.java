package io.teamscpe.session;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When enrolled professionals may launch a session: on the day of the event in the session's time zone, from
 * {@code before} the start (never before that day's local midnight) until the end. Days are taken from the zone's
 * rules, so a 23- or 25-hour DST day is handled.
 */
public record LaunchWindow(ZonedDateTime opens, ZonedDateTime closes) {

    public static LaunchWindow of(Instant start, Instant end, String timeZone, Duration before) {
        ZoneId zone = ZoneId.of(timeZone);
        ZonedDateTime startOfDay = start.atZone(zone).toLocalDate().atStartOfDay(zone);
        ZonedDateTime earliest = start.minus(before).atZone(zone);
        return new LaunchWindow(earliest.isBefore(startOfDay) ? startOfDay : earliest, end.atZone(zone));
    }

    public boolean notYetOpen(Instant now) {
        return now.isBefore(opens.toInstant());
    }

    public boolean closed(Instant now) {
        return !now.isBefore(closes.toInstant());
    }
}
