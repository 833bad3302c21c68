package io.teamscpe.attendance.microsoft.teamsfile;

import io.teamscpe.attendance.upload.AttendanceFileException;
import io.teamscpe.attendance.upload.UploadedRecord;
import io.teamscpe.attendance.microsoft.teamsfile.FileTimes.Stamp;
import io.teamscpe.contracts.attendance.Interval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One record per participant of section 2, with the joins and leaves of section 3 that are theirs (matched by email
 * or UPN, else by name); a participant without any keeps First join/Last leave as a single interval.
 */
final class Attendees {
    /** A row of section 2 or 3 as read; null for empty cells. */
    record Row(int line, String name, String email, String upn, String role, Stamp join, Stamp leave) {
    }

    private static final Comparator<Interval> BY_JOIN = Comparator.comparing(Interval::joined,
            Comparator.nullsLast(Comparator.naturalOrder()));

    private final FileTimes times;
    private final List<Person> people = new ArrayList<>();
    private final Map<String, List<Person>> byAddress = new HashMap<>();
    private final Map<String, List<Person>> byName = new HashMap<>();

    private Attendees(FileTimes times) {
        this.times = times;
    }

    static List<UploadedRecord> of(List<Row> participants, List<Row> activities, FileTimes times) {
        Attendees a = new Attendees(times);
        for (Row row : participants) {
            a.add(row, a.interval(row));
        }
        for (Row row : activities == null ? List.<Row>of() : activities) {
            Interval interval = a.interval(row);
            Person person = a.owner(row, interval);
            (person != null ? person : a.add(row, null)).intervals.add(interval);
        }
        List<UploadedRecord> records = new ArrayList<>(a.people.size());
        for (Person p : a.people) {
            List<Interval> intervals = p.intervals.isEmpty() && p.span != null ? List.of(p.span) : p.intervals;
            intervals = new ArrayList<>(intervals);
            intervals.sort(BY_JOIN);
            records.add(new UploadedRecord(p.row.upn(), p.row.email(), p.row.name(), Vocabulary.role(p.row.role()),
                    intervals));
        }
        return records;
    }

    private Person add(Row row, Interval span) {
        Person p = new Person(row, span != null && (span.joined() != null || span.left() != null) ? span : null);
        people.add(p);
        for (String address : addresses(row)) {
            byAddress.computeIfAbsent(address, k -> new ArrayList<>()).add(p);
        }
        if (row.name() != null) {
            byName.computeIfAbsent(nameKey(row.name()), k -> new ArrayList<>()).add(p);
        }
        return p;
    }

    /** Whose join/leave this is; among namesakes, the one whose first join to last leave covers it. */
    private Person owner(Row row, Interval interval) {
        List<Person> candidates = new ArrayList<>();
        for (String address : addresses(row)) {
            candidates.addAll(byAddress.getOrDefault(address, List.of()));
        }
        if (candidates.isEmpty() && row.name() != null) {
            for (Person p : byName.getOrDefault(nameKey(row.name()), List.of())) {
                if (addresses(row).isEmpty() || addresses(p.row).isEmpty()) {
                    candidates.add(p);
                }
            }
        }
        for (Person p : candidates) {
            if (p.covers(interval)) {
                return p;
            }
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    private Interval interval(Row row) {
        Instant joined = times.instant(row.join());
        Instant left = times.instant(row.leave());
        if (joined != null && left != null && left.isBefore(joined)) {
            throw new AttendanceFileException(row.line(), "'" + row.leave().label() + "' (" + row.leave().text()
                    + ") is before '" + row.join().label() + "' (" + row.join().text() + ")");
        }
        return new Interval(joined, left);
    }

    private static List<String> addresses(Row row) {
        List<String> out = new ArrayList<>(2);
        for (String a : new String[]{row.email(), row.upn()}) {
            if (a != null && !out.contains(a.toLowerCase(Locale.ROOT))) {
                out.add(a.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static final class Person {
        final Row row;
        final Interval span;
        final List<Interval> intervals = new ArrayList<>();

        Person(Row row, Interval span) {
            this.row = row;
            this.span = span;
        }

        boolean covers(Interval i) {
            return span != null && (span.joined() == null || i.joined() == null || !i.joined().isBefore(span.joined()))
                    && (span.left() == null || i.left() == null || !i.left().isAfter(span.left()));
        }
    }
}
