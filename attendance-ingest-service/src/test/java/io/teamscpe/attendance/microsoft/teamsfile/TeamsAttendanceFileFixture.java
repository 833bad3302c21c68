package io.teamscpe.attendance.microsoft.teamsfile;

import io.teamscpe.contracts.attendance.Interval;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes Teams "Download attendance list" files as Teams does (UTF-16LE with a BOM, tabs, CRLF, three numbered
 * sections) in en-US, en-GB, de-DE or fr-FR wording and date format, times in a given zone. For REST tests:
 * {@code TeamsAttendanceFileFixture.of(Locale.US, zone).meeting(start, end).participant(...).bytes()}.
 */
public final class TeamsAttendanceFileFixture {
    /** One participant; {@code role} in English (Organizer, Presenter, Attendee), written in the file's language. */
    public record Attendee(String name, String email, String upn, String role, List<Interval> intervals) {
    }

    private record Wording(String dates, List<String> titles, List<String> summary, List<String> participants,
                           List<String> activities, Map<String, String> roles, String[] units) {
    }

    private static final Map<Locale, Wording> WORDINGS = Map.of(
            Locale.US, english("M/d/yy, h:mm:ss a"),
            Locale.UK, english("dd/MM/yyyy, HH:mm:ss"),
            Locale.GERMANY, new Wording("d.M.yy, HH:mm:ss",
                    List.of("1. Zusammenfassung", "2. Teilnehmer", "3. Aktivitäten in der Besprechung"),
                    List.of("Besprechungstitel", "Teilnehmer insgesamt", "Startzeit", "Endzeit", "Besprechungsdauer",
                            "Durchschnittliche Teilnahmedauer"),
                    List.of("Name", "Erster Beitritt", "Letzter Austritt", "Dauer in der Besprechung", "E-Mail",
                            "Teilnehmer-ID (UPN)", "Rolle"),
                    List.of("Name", "Beitrittszeit", "Austrittszeit", "Dauer", "E-Mail", "Rolle"),
                    Map.of("Organizer", "Organisator", "Presenter", "Referent", "Attendee", "Teilnehmer"),
                    new String[]{" Std.", " Min.", " Sek."}),
            Locale.FRANCE, new Wording("dd/MM/yyyy HH:mm:ss",
                    List.of("1. Résumé", "2. Participants", "3. Activités en réunion"),
                    List.of("Titre de la réunion", "Participants", "Heure de début", "Heure de fin",
                            "Durée de la réunion", "Durée moyenne de participation"),
                    List.of("Nom", "Première participation", "Dernier départ", "Durée en réunion", "E-mail",
                            "ID du participant (UPN)", "Rôle"),
                    List.of("Nom", "Heure d’arrivée", "Heure de départ", "Durée", "E-mail", "Rôle"),
                    Map.of("Organizer", "Organisateur", "Presenter", "Présentateur", "Attendee", "Participant"),
                    new String[]{" h", " min", " s"}));

    private final Wording wording;
    private final DateTimeFormatter dates;
    private final List<Attendee> attendees = new ArrayList<>();
    private String title = "Ethics for CPAs 2026";
    private Instant start;
    private Instant end;
    private boolean activities = true;
    private char separator = '\t';

    private TeamsAttendanceFileFixture(Locale locale, ZoneId zone) {
        wording = WORDINGS.get(locale);
        if (wording == null) {
            throw new IllegalArgumentException("no wording for " + locale + "; have " + WORDINGS.keySet());
        }
        dates = DateTimeFormatter.ofPattern(wording.dates, locale).withZone(zone);
    }

    /** A file as downloaded by someone whose Teams runs in {@code locale} and whose clock shows {@code zone}. */
    public static TeamsAttendanceFileFixture of(Locale locale, ZoneId zone) {
        return new TeamsAttendanceFileFixture(locale, zone);
    }

    public TeamsAttendanceFileFixture title(String title) {
        this.title = title;
        return this;
    }

    public TeamsAttendanceFileFixture meeting(Instant start, Instant end) {
        this.start = start;
        this.end = end;
        return this;
    }

    /** A participant; null email or UPN for guests and anonymous joiners; one interval per join/leave. */
    public TeamsAttendanceFileFixture participant(String name, String email, String upn, String role,
                                                  Interval... intervals) {
        attendees.add(new Attendee(name, email, upn, role, List.of(intervals)));
        return this;
    }

    /** Leaves out "3. In-Meeting Activities", as older files do. */
    public TeamsAttendanceFileFixture withoutActivities() {
        activities = false;
        return this;
    }

    /** Separates fields with ',' or ';' and quotes as Excel does when re-saving the list as CSV. */
    public TeamsAttendanceFileFixture separator(char separator) {
        this.separator = separator;
        return this;
    }

    /** The file's text, CRLF line endings, without a BOM. */
    public String text() {
        if (start == null) {
            throw new IllegalStateException("call meeting(start, end) first");
        }
        List<List<String>> rows = new ArrayList<>();
        Duration total = attendees.stream().map(a -> attended(a.intervals)).reduce(Duration.ZERO, Duration::plus);
        rows.add(List.of(wording.titles.get(0)));
        List<String> values = List.of(title, String.valueOf(attendees.size()), dates.format(start), dates.format(end),
                duration(Duration.between(start, end)), duration(attendees.isEmpty() ? Duration.ZERO
                        : total.dividedBy(attendees.size())));
        for (int i = 0; i < values.size(); i++) {
            rows.add(List.of(wording.summary.get(i), values.get(i)));
        }
        rows.add(List.of());
        rows.add(List.of(wording.titles.get(1)));
        rows.add(wording.participants);
        for (Attendee a : attendees) {
            Instant first = a.intervals.stream().map(Interval::joined).min(Comparator.naturalOrder()).orElseThrow();
            Instant last = a.intervals.stream().map(Interval::left).max(Comparator.naturalOrder()).orElseThrow();
            rows.add(List.of(a.name, dates.format(first), dates.format(last), duration(attended(a.intervals)),
                    blank(a.email), blank(a.upn), wording.roles.getOrDefault(a.role, a.role)));
        }
        if (activities) {
            rows.add(List.of());
            rows.add(List.of(wording.titles.get(2)));
            rows.add(wording.activities);
            List<Interval> joins = new ArrayList<>();
            Map<Interval, Attendee> whose = new java.util.IdentityHashMap<>();
            for (Attendee a : attendees) {
                a.intervals.forEach(i -> whose.put(i, a));
                joins.addAll(a.intervals);
            }
            joins.sort(Comparator.comparing(Interval::joined)); // Teams lists joins and leaves as they happened
            for (Interval i : joins) {
                Attendee a = whose.get(i);
                rows.add(List.of(a.name, dates.format(i.joined()), dates.format(i.left()),
                        duration(Duration.between(i.joined(), i.left())), blank(a.email),
                        wording.roles.getOrDefault(a.role, a.role)));
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            out.append(String.join(String.valueOf(separator), row.stream().map(this::quoted).toList())).append("\r\n");
        }
        return out.toString();
    }

    /** UTF-16LE with a BOM, as Teams writes it. */
    public byte[] bytes() {
        return encode(text(), StandardCharsets.UTF_16LE, true);
    }

    /** Text in any encoding, with or without its byte order mark. */
    public static byte[] encode(String text, Charset charset, boolean bom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] body = text.getBytes(charset);
        if (bom) {
            byte[] mark = "\uFEFF".getBytes(charset);
            out.write(mark, 0, mark.length);
        }
        out.write(body, 0, body.length);
        return out.toByteArray();
    }

    private String quoted(String field) {
        boolean needs = separator != '\t' && (field.indexOf(separator) >= 0 || field.indexOf('"') >= 0);
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    private String duration(Duration d) {
        String[] u = wording.units;
        long h = d.toHours();
        int m = d.toMinutesPart();
        int s = d.toSecondsPart();
        String text = (h > 0 ? h + u[0] + " " : "") + (h > 0 || m > 0 ? m + u[1] + " " : "") + s + u[2];
        return text.strip();
    }

    private static Duration attended(List<Interval> intervals) {
        return intervals.stream().map(i -> Duration.between(i.joined(), i.left())).reduce(Duration.ZERO, Duration::plus);
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }

    private static Wording english(String dates) {
        return new Wording(dates, List.of("1. Summary", "2. Participants", "3. In-Meeting Activities"),
                List.of("Meeting title", "Attended participants", "Start time", "End time", "Meeting duration",
                        "Average attendance time"),
                List.of("Name", "First Join", "Last Leave", "In-Meeting Duration", "Email", "Participant ID (UPN)",
                        "Role"),
                List.of("Name", "Join Time", "Leave Time", "Duration", "Email", "Role"),
                Map.of(), new String[]{"h", "m", "s"});
    }
}
