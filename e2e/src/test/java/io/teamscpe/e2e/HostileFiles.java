package io.teamscpe.e2e;

import io.teamscpe.devstack.demo.DemoData;
import io.teamscpe.devstack.demo.DemoPolls;
import io.teamscpe.devstack.demo.FormsExport;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Files for the two upload operations: a proper one (a Microsoft Forms export of the demo meeting's first poll; a
 * Teams attendance list of the demo meeting), and hostile ones — well-formed files whose content is not: NUL and
 * 10,000 characters in cells, dates out of any range, times that run backwards, no rows, broken encodings.
 */
final class HostileFiles {
    /** A file and what is wrong with it. */
    record File(String variant, String fileName, String contentType, byte[] content) {
        HostileBodies.Part part(String field) {
            return new HostileBodies.Part(field, fileName, contentType, content);
        }
    }

    private static final String ATTENDANCE = """
            1. Summary
            Meeting title\t{title}
            Attended participants\t{count}
            Start time\t10/5/26, 12:00:00 PM
            End time\t10/5/26, 1:40:00 PM
            Meeting duration\t1h 40m 0s
            Average attendance time\t{duration}

            2. Participants
            Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole
            {name}\t{join}\t{leave}\t{duration}\t{email}\t{email}\tAttendee

            3. In-Meeting Activities
            Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole
            {name}\t{join}\t{leave}\t{duration}\t{email}\tAttendee
            """;
    private static final Map<String, String> PROPER_ATTENDEE = Map.of("{title}", "Ethics for CPAs 2026",
            "{count}", "1", "{name}", "Attendee One", "{email}", "attendee.one@contoso.com",
            "{join}", "10/5/26, 12:00:00 PM", "{leave}", "10/5/26, 1:40:00 PM", "{duration}", "1h 40m 0s");

    private HostileFiles() {
    }

    /** A proper file for the upload at {@code path}. */
    static File proper(String path) {
        if (path.contains("/polls")) {
            FormsExport poll = DemoPolls.build().get(0);
            return new File("proper Forms export", poll.fileName(), FormsExport.CONTENT_TYPE, poll.xlsx());
        }
        return new File("proper attendance list", "attendance.csv", "text/csv", attendance(Map.of()));
    }

    /** Hostile files for the upload at {@code path}. */
    static List<File> hostile(String path) {
        return path.contains("/polls") ? polls() : attendance();
    }

    private static List<File> polls() {
        List<String> emails = DemoData.emails();
        LocalDateTime at = LocalDateTime.of(2026, 10, 5, 12, 10);
        String x = HostileValues.LONG;
        List<File> files = new ArrayList<>();
        files.add(forms("NUL in cells", "Question\u0000?", List.of(new FormsExport.Response("a\u0000b@contoso.com",
                "Nul\u0000Name", at, at.plusSeconds(20), "\u0000"))));
        files.add(forms("control characters in cells", "Q\u0001\u001f", List.of(new FormsExport.Response(
                emails.get(5), "Ctrl\u0001", at, at.plusSeconds(20), "A\u0007;B\u001b;"))));
        files.add(forms("10,000-character cells", x, List.of(new FormsExport.Response(x + "@contoso.com", x, at,
                at.plusSeconds(20), x))));
        files.add(forms("no responses", "Anyone?", List.of()));
        files.add(forms("year 9999", "Far future?", List.of(new FormsExport.Response(emails.get(5), "Future",
                at.withYear(9999), at.withYear(9999).plusSeconds(20), "Yes"))));
        files.add(forms("year 1900", "Far past?", List.of(new FormsExport.Response(emails.get(5), "Past",
                at.withYear(1900).withMonth(1).withDayOfMonth(1), at.withYear(1900).withMonth(1).withDayOfMonth(1),
                "Yes"))));
        files.add(forms("completed before started", "Backwards?", List.of(new FormsExport.Response(emails.get(5),
                "Backwards", at, at.minusDays(400), "Yes"))));
        files.add(forms("emoji and RTL text", "\uD83D\uDE00\u202E?", List.of(new FormsExport.Response(
                emails.get(6), "\u202Eeman\uD83D\uDE00", at, at.plusSeconds(20), "\uD83D\uDE00"))));
        return files;
    }

    private static File forms(String variant, String question, List<FormsExport.Response> responses) {
        String name = "hostile - " + variant + ".xlsx";
        return new File("Forms export with " + variant, name, FormsExport.CONTENT_TYPE,
                new FormsExport(name, question, responses).xlsx());
    }

    private static List<File> attendance() {
        List<File> files = new ArrayList<>();
        files.add(list("NUL in the name", Map.of("{name}", "Nul\u0000Name")));
        files.add(list("NUL in the email", Map.of("{email}", "a\u0000b@contoso.com")));
        files.add(list("10,000-character name and email", Map.of("{name}", HostileValues.LONG,
                "{email}", HostileValues.LONG + "@contoso.com")));
        files.add(list("impossible times", Map.of("{join}", "13/45/26, 99:99:99 PM")));
        files.add(list("year 9999", Map.of("{join}", "12/31/9999, 11:59:59 PM", "{leave}", "1/1/10000, 1:00:00 AM")));
        files.add(list("leave before join", Map.of("{join}", "10/5/26, 1:40:00 PM",
                "{leave}", "10/5/26, 12:00:00 PM")));
        files.add(list("absurd duration", Map.of("{duration}", "99999999999999999999h 99m 99s")));
        files.add(list("absurd participant count", Map.of("{count}", "99999999999999999999")));
        files.add(new File("attendance list without participants", "attendance.csv", "text/csv",
                utf16("1. Summary\r\nMeeting title\tEmpty\r\n\r\n2. Participants\r\n")));
        byte[] proper = attendance(Map.of());
        files.add(new File("attendance list with an odd number of UTF-16 bytes", "attendance.csv", "text/csv",
                Arrays.copyOf(proper, proper.length - 1)));
        files.add(new File("attendance list in broken UTF-8", "attendance.csv", "text/csv",
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '1', '.', (byte) 0xC3, (byte) 0x28, '\t',
                    (byte) 0xFF, (byte) 0xFE, (byte) 0xFD}));
        files.add(new File("attendance list with 10,000 columns", "attendance.csv", "text/csv",
                utf16("1. Summary\r\n" + "\tx".repeat(10_000) + "\r\n")));
        return files;
    }

    private static File list(String variant, Map<String, String> changes) {
        return new File("attendance list with " + variant, "attendance.csv", "text/csv", attendance(changes));
    }

    private static byte[] attendance(Map<String, String> changes) {
        String text = ATTENDANCE;
        for (var e : PROPER_ATTENDEE.entrySet()) {
            text = text.replace(e.getKey(), changes.getOrDefault(e.getKey(), e.getValue()));
        }
        return utf16(text.replace("\n", "\r\n"));
    }

    /** UTF-16LE with a byte order mark, as Teams writes the list. */
    private static byte[] utf16(String text) {
        return ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE);
    }
}
