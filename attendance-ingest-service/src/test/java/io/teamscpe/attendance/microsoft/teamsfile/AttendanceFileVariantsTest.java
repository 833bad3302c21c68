package io.teamscpe.attendance.microsoft.teamsfile;

import static io.teamscpe.attendance.microsoft.teamsfile.TeamsAttendanceFileTest.EN_US;
import static io.teamscpe.attendance.microsoft.teamsfile.TeamsAttendanceFileTest.NEW_YORK;
import static io.teamscpe.attendance.microsoft.teamsfile.TeamsAttendanceFileTest.parse;
import static io.teamscpe.attendance.microsoft.teamsfile.TeamsAttendanceFileTest.utf16;
import static org.assertj.core.api.Assertions.assertThat;

import io.teamscpe.attendance.upload.ParsedAttendanceFile;
import io.teamscpe.contracts.attendance.Interval;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The same list saved the ways admins end up uploading it reads the same. */
class AttendanceFileVariantsTest {
    static final Instant SESSION = Instant.parse("2026-10-05T20:00:00Z");
    static final ParsedAttendanceFile EXPECTED = parse(utf16(EN_US), NEW_YORK, SESSION);
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static Stream<Arguments> savedVariants() {
        return Stream.of(
                variant("UTF-16BE with a BOM", () -> encode(EN_US, StandardCharsets.UTF_16BE, true)),
                variant("UTF-16LE without a BOM", () -> encode(EN_US, StandardCharsets.UTF_16LE, false)),
                variant("UTF-8 with a BOM", () -> encode(EN_US, StandardCharsets.UTF_8, true)),
                variant("UTF-8 without a BOM, LF endings", () -> encode(EN_US.replace("\r\n", "\n"),
                        StandardCharsets.UTF_8, false)),
                variant("old Mac CR endings", () -> utf16(EN_US.replace("\r\n", "\r"))),
                variant("every field quoted", () -> utf16(EN_US.replaceAll("([^\t\r\n]+)", "\"$1\""))),
                variant("an unknown extra column", () -> utf16(participantRows(EN_US,
                        f -> new String[]{f[0], f[0].equals("Name") ? "Department" : "Audit", f[1], f[2], f[3], f[4],
                                f[5], f[6]}))),
                variant("columns of section 2 reordered", () -> utf16(participantRows(EN_US,
                        f -> new String[]{f[6], f[4], f[0], f[1], f[2], f[3], f[5]}))),
                variant("titles and headers in an unknown language (documented order)", () -> utf16(EN_US
                        .replace("1. Summary", "1. 概要").replace("2. Participants", "2. 参加者")
                        .replace("3. In-Meeting Activities", "3. 会議中のアクティビティ")
                        .replace("Meeting title", "会議のタイトル").replace("Start time", "開始時刻")
                        .replace("End time", "終了時刻")
                        .replace("Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole",
                                "名前\t最初の参加\t最後の退出\t会議の長さ\tメール\t参加者 ID\t役割")
                        .replace("Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole",
                                "名前\t参加時刻\t退出時刻\t期間\tメール\t役割"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("savedVariants")
    void readsTheSameAsTheListTeamsWrote(String variant, Supplier<byte[]> bytes) {
        assertThat(parse(bytes.get(), NEW_YORK, SESSION)).isEqualTo(EXPECTED);
    }

    static Stream<Arguments> excelCsv() {
        Instant start = Instant.parse("2026-10-05T14:00:00Z");
        Interval first = new Interval(start.plusSeconds(60), start.plusSeconds(1200));
        Interval second = new Interval(start.plusSeconds(1800), start.plusSeconds(3500));
        Supplier<TeamsAttendanceFileFixture> list = () -> TeamsAttendanceFileFixture.of(Locale.GERMANY, BERLIN)
                .title("Prüfung, Teil 2").meeting(start, start.plusSeconds(3600))
                .participant("Groß, Jürgen", "j.gross@contoso.de", "j.gross@contoso.de", "Attendee", first, second);
        return Stream.of(
                Arguments.of("comma, UTF-8 with a BOM (Excel 'CSV UTF-8')",
                        encode(list.get().separator(',').text(), StandardCharsets.UTF_8, true)),
                Arguments.of("comma, Windows code page (Excel 'CSV (Comma delimited)')",
                        encode(list.get().separator(',').text(), Charset.forName("windows-1252"), false)),
                Arguments.of("semicolon, Windows code page (German Excel)",
                        encode(list.get().separator(';').text(), Charset.forName("windows-1252"), false)),
                Arguments.of("tab, UTF-16LE (as Teams wrote it)", list.get().bytes()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("excelCsv")
    void acceptsTheListReSavedByExcelAsCsv(String variant, byte[] bytes) {
        Instant start = Instant.parse("2026-10-05T14:00:00Z");
        ParsedAttendanceFile file = parse(bytes, BERLIN, start);

        assertThat(file.meetingTitle()).isEqualTo("Prüfung, Teil 2");
        assertThat(file.records()).singleElement().satisfies(r -> {
            assertThat(r.displayName()).isEqualTo("Groß, Jürgen");
            assertThat(r.intervals()).containsExactly(new Interval(start.plusSeconds(60), start.plusSeconds(1200)),
                    new Interval(start.plusSeconds(1800), start.plusSeconds(3500)));
        });
    }

    private static Arguments variant(String name, Supplier<byte[]> bytes) {
        return Arguments.of(name, bytes);
    }

    private static byte[] encode(String text, Charset charset, boolean bom) {
        return TeamsAttendanceFileFixture.encode(text, charset, bom);
    }

    /** Rewrites the header and rows of section 2, as someone tidying the sheet in Excel might. */
    private static String participantRows(String text, UnaryOperator<String[]> change) {
        StringBuilder out = new StringBuilder();
        boolean participants = false;
        for (String line : text.split("\r\n", -1)) {
            participants = line.startsWith("2.") || participants && !line.isEmpty();
            String[] f = line.split("\t", -1);
            out.append(participants && f.length == 7 ? String.join("\t", change.apply(f)) : line).append("\r\n");
        }
        return out.substring(0, out.length() - 2);
    }
}
