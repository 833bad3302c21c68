package io.teamscpe.attendance.microsoft.teamsfile;

import static io.teamscpe.attendance.microsoft.teamsfile.TeamsAttendanceFileTest.EN_US;
import static io.teamscpe.attendance.microsoft.teamsfile.TeamsAttendanceFileTest.NEW_YORK;
import static io.teamscpe.attendance.microsoft.teamsfile.TeamsAttendanceFileTest.utf16;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamscpe.attendance.upload.AttendanceFileException;
import io.teamscpe.attendance.upload.UploadLimits;
import io.teamscpe.contracts.attendance.Interval;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each unusable file is refused with a message that names the line and says what to fix. */
class AttendanceFileProblemsTest {
    static final Instant SESSION = Instant.parse("2026-10-05T20:00:00Z");
    static final String PAT = "Pat Kim (Guest)\t10/5/26, 4:10:00 PM\t10/5/26, 4:55:30 PM\t45m 30s\t\t\tAttendee";
    static final String ADA_REJOIN = "Ada Lovelace\t10/5/26, 4:25:00 PM\t10/5/26, 5:29:00 PM\t1h 4m 0s\t\tAttendee";
    static final String PARTICIPANTS_HEADER =
            "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole";

    static Stream<Arguments> badLists() {
        String unquoted = TeamsAttendanceFileFixture.of(Locale.US, NEW_YORK).separator(',')
                .meeting(SESSION, SESSION.plusSeconds(3600))
                .participant("Kim, Pat", null, null, "Attendee", new Interval(SESSION, SESSION.plusSeconds(60)))
                .text().replace("\"Kim, Pat\"", "Kim, Pat");
        return Stream.of(
                bad("no bytes at all", new byte[0], 0, "the file is empty"),
                bad("only a BOM and blank lines", utf16("\r\n\t\t\r\n"), 0, "the file is empty"),
                bad("some other text file", utf16("Dear all,\r\nsee you Monday\r\n"), 0,
                        "this is not a Teams attendance list: no '2. Participants' section (it should start with "
                                + "'1. Summary'; line 1 is 'Dear all,')"),
                bad("the summary alone", utf16(EN_US.substring(0, EN_US.indexOf("2. Participants"))), 0,
                        "this is not a Teams attendance list: no '2. Participants' section"),
                bad("an Excel workbook", new byte[]{'P', 'K', 3, 4, 20, 0, 6, 0}, 0,
                        "this is an Excel workbook, not the attendance list Teams downloads; upload the .csv file "
                                + "from Teams unchanged, or save the workbook from Excel as 'Unicode Text' or "
                                + "'CSV UTF-8'"),
                bad("participants without a header row", utf16(EN_US.substring(0, EN_US.indexOf("Name\tFirst"))),
                        lineOf(EN_US, "2. Participants"), "the '2. Participants' section has no header row (Name, "
                                + "First join, Last leave, ...)"),
                bad("a header without Name", edit(PARTICIPANTS_HEADER, "Email\tRole\tDepartment"),
                        lineOf(EN_US, PARTICIPANTS_HEADER), "the '2. Participants' header row has no 'Name' column "
                                + "(its columns are 'Email', 'Role', 'Department')"),
                bad("a join time that is no date", edit(ADA_REJOIN, ADA_REJOIN.replace("10/5/26, 4:25:00 PM",
                        "13/45/26, 4:02 PM")), lineOf(EN_US, ADA_REJOIN),
                        "'Join Time' is '13/45/26, 4:02 PM', which is not a date and time"),
                bad("a day-first date in a month-first file", edit(PAT, PAT.replace("10/5/26, 4:10:00 PM",
                        "13/10/26, 4:10:00 PM")), lineOf(EN_US, PAT), "'First Join' is '13/10/26, 4:10:00 PM', "
                        + "which is not a date and time with the month before the day, as the rest of this file "
                        + "writes dates"),
                bad("a summary start that is no date", edit("Start time\t10/5/26, 4:00:03 PM", "Start time\tsoon"),
                        lineOf(EN_US, "Start time"), "'Start time' is 'soon', which is not a date and time"),
                bad("a leave before the join", edit(PAT, PAT.replace("4:55:30 PM", "3:55:30 PM")),
                        lineOf(EN_US, PAT), "'Last Leave' (10/5/26, 3:55:30 PM) is before 'First Join' "
                                + "(10/5/26, 4:10:00 PM)"),
                bad("a duration that is no duration", edit(PAT, PAT.replace("45m 30s", "n/a")),
                        lineOf(EN_US, PAT), "'In-Meeting Duration' is 'n/a', which is not a duration such as "
                                + "1h 27m 51s"),
                bad("a row re-saved with commas in a tab file", edit(ADA_REJOIN, ADA_REJOIN.replace('\t', ',')),
                        lineOf(EN_US, ADA_REJOIN), "expected 6 tab-separated columns, found 1 (was the file "
                                + "re-saved by Excel as comma-separated?)"),
                bad("an unquoted comma in a comma-separated file", unquoted.getBytes(StandardCharsets.UTF_8),
                        lineOf(unquoted, "Kim, Pat"), "expected 7 comma-separated columns, found 8 (a value "
                                + "containing a comma must be in double quotes; upload the tab-separated file Teams "
                                + "downloaded instead)"),
                bad("another meeting's list", edit("10/5/26, 4:00:03 PM\r\nEnd", "10/9/26, 4:00:03 PM\r\nEnd"), 0,
                        "this attendance list's meeting started 10/9/26, 4:00:03 PM, more than a day from the "
                                + "session's scheduled start (2026-10-05 16:00 America/New_York): is it the list "
                                + "of another meeting?"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLists")
    void refusesWithTheLineAndWhatToFix(String problem, byte[] bytes, int line, String message) {
        assertThatThrownBy(() -> TeamsAttendanceFile.parse(new ByteArrayInputStream(bytes), NEW_YORK, SESSION))
                .isInstanceOfSatisfying(AttendanceFileException.class, e -> {
                    assertThat(e.problem()).isEqualTo(message);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.getMessage()).isEqualTo(line > 0 ? "line " + line + ": " + message : message);
                });
    }

    @Test
    void invalidUtf8FarIntoTheFileNamesItsLine() {
        String padded = EN_US.replace(PAT, (PAT + "\r\n").repeat(300) + PAT.replace("Pat Kim", "Pat K\u00EFm"));
        byte[] bytes = padded.getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "K\u00EFm".getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(bytes, "K\u00EFm".getBytes(StandardCharsets.UTF_8));
        byte[] broken = concat(Arrays.copyOf(bytes, at), latin1, Arrays.copyOfRange(bytes, at + 4, bytes.length));

        assertThatThrownBy(() -> TeamsAttendanceFile.parse(new ByteArrayInputStream(broken), NEW_YORK, SESSION))
                .isInstanceOfSatisfying(AttendanceFileException.class, e -> assertThat(e.line())
                        .isEqualTo(lineOf(padded, "Pat K\u00EFm")))
                .hasMessageContaining("the text is not valid UTF-8; upload the file Teams downloaded unchanged");
    }

    @Test
    void anEndlessUploadIsRefusedAtTheSizeLimitWithoutReadingOn() {
        CountingStream endless = new CountingStream(EN_US.substring(0, EN_US.indexOf("3. In-Meeting")), PAT);
        UploadLimits limits = new UploadLimits(1 << 20, 1_000_000);

        assertThatThrownBy(() -> TeamsAttendanceFile.parse(endless, NEW_YORK, SESSION, limits))
                .isInstanceOfSatisfying(AttendanceFileException.class, e -> assertThat(e.line()).isZero())
                .hasMessage("the file is larger than 1 MB, far larger than a meeting's attendance list: is this the "
                        + "right file?");
        assertThat(endless.served).isLessThan((1 << 20) + 64 * 1024);
    }

    @Test
    void aListWithTooManyRowsIsRefused() {
        UploadLimits limits = new UploadLimits(1 << 20, 20);
        byte[] bytes = utf16(EN_US.replace(PAT, (PAT + "\r\n").repeat(10) + PAT));

        assertThatThrownBy(() -> TeamsAttendanceFile.parse(new ByteArrayInputStream(bytes), NEW_YORK, SESSION,
                limits)).isInstanceOf(AttendanceFileException.class).hasMessage("the file has more than 20 rows, far "
                + "more than a meeting's attendance list: is this the right file?");
        assertThat(TeamsAttendanceFile.parse(new ByteArrayInputStream(utf16(EN_US)), NEW_YORK, SESSION,
                new UploadLimits(utf16(EN_US).length, 24)).records()).hasSize(4);
    }

    private static Arguments bad(String problem, byte[] bytes, int line, String message) {
        return Arguments.of(problem, bytes, line, message);
    }

    private static byte[] edit(String from, String to) {
        assertThat(EN_US).contains(from);
        return utf16(EN_US.replace(from, to));
    }

    static int lineOf(String text, String start) {
        List<String> lines = Arrays.asList(text.split("\r\n|\n", -1));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(start);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] concat(byte[]... parts) {
        return Arrays.stream(parts).reduce(new byte[0], (a, b) -> {
            byte[] out = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        });
    }

    /** A list whose participants never end, counting the bytes handed out. */
    private static final class CountingStream extends InputStream {
        private final byte[] head;
        private final byte[] row;
        long served;

        CountingStream(String head, String row) {
            this.head = head.getBytes(StandardCharsets.UTF_8);
            this.row = (row + "\r\n").getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() {
            long at = served++;
            return (at < head.length ? head[(int) at] : row[(int) ((at - head.length) % row.length)]) & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                b[off + i] = (byte) read();
            }
            return len;
        }
    }
}
