package io.teamscpe.polling.microsoft.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamscpe.polling.BadFiles;
import io.teamscpe.polling.FormsExports;
import io.teamscpe.polling.parse.ParseLimits;
import io.teamscpe.polling.parse.ParsedPoll;
import io.teamscpe.polling.parse.ParsedResponse;
import io.teamscpe.polling.parse.PollFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormsExportParserTest {
    static final LocalDateTime T = LocalDateTime.of(2026, 10, 5, 12, 10, 0);
    final FormsExportParser parser = new FormsExportParser(ParseLimits.defaults());
    @TempDir
    Path dir;

    @Test
    void readsSingleAndAnonymousResponsesByHeader() throws IOException {
        byte[] file = FormsExports.poll("Which standard applies?")
                .columns("Name", FormsExports.QUESTION, "Email", "Completion time", "Notes", "ID", "Start time")
                .response("Frederick.Cormier@contoso.com", "Frederick Cormier", "ASC 606", T)
                .response("anonymous", null, "IFRS 15", T.plusMinutes(2))
                .response(null, null, "ASC 606", T.plusMinutes(3))
                .xlsx();
        ParsedPoll poll = parse(file);
        assertThat(poll.question()).isEqualTo("Which standard applies?");
        assertThat(poll.options()).containsExactly("ASC 606", "IFRS 15");
        assertThat(poll.multiSelect()).isFalse();
        assertThat(poll.responses()).hasSize(3);
        ParsedResponse first = poll.responses().get(0);
        assertThat(first.email).isEqualTo("Frederick.Cormier@contoso.com");
        assertThat(first.started()).isEqualTo(T);
        assertThat(first.completed()).isEqualTo(T.plusMinutes(1));
        assertThat(first.responseId).isEqualTo("1");
        assertThat(poll.anonymousCount()).isEqualTo(2);
        assertThat(poll.warnings()).singleElement().asString().contains("'Notes' was ignored");
    }

    @Test
    void readsMultiSelectCellsAndTextDates() throws IOException {
        byte[] file = FormsExports.poll("Pick all that apply").textDates()
                .response("a@x.com", "A", "Option A;Option C;", T)
                .response("b@x.com", "B", "Option B;", T.plusHours(1))
                .xlsx();
        ParsedPoll poll = parse(file);
        assertThat(poll.multiSelect()).isTrue();
        assertThat(poll.options()).containsExactly("Option A", "Option C", "Option B");
        assertThat(poll.responses().get(0).answers).containsExactly("Option A", "Option C");
        assertThat(poll.responses().get(1).completed()).isEqualTo(T.plusHours(1).plusMinutes(1));
    }

    @Test
    void textTimesInEveryCommonShape() {
        assertThat(FormsTimes.parse("10/5/26 4:02:11 PM", false)).isEqualTo(seconds(2026, 10, 5, 16, 2, 11));
        assertThat(FormsTimes.parse("2026-10-05 16:02:11", false)).isEqualTo(seconds(2026, 10, 5, 16, 2, 11));
        assertThat(FormsTimes.parse("5.10.2026 16:02", true)).isEqualTo(seconds(2026, 10, 5, 16, 2, 0));
        assertThat(FormsTimes.parse("10/5/2026 12:05:00 AM", false)).isEqualTo(seconds(2026, 10, 5, 0, 5, 0));
        assertThat(FormsTimes.dayFirstHint("25/10/2026 10:00")).isTrue();
        assertThat(FormsTimes.dayFirstHint("10/25/2026 10:00")).isFalse();
        assertThat(FormsTimes.dayFirstHint("10/5/2026 10:00")).isNull();
    }

    @Test
    void timesOutsideTheYears2000To2100AreRefused() {
        assertThat(FormsTimes.fromSerial(36526, false)).isEqualTo(seconds(2000, 1, 1, 0, 0, 0));
        assertThat(FormsTimes.fromSerial(36526 - 1462, true)).isEqualTo(seconds(2000, 1, 1, 0, 0, 0));
        assertThat(FormsTimes.fromSerial(73416 - 2 / 86_400d, false)).isEqualTo(seconds(2100, 12, 31, 23, 59, 58));
        for (double serial : new double[]{Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e20,
                3e6, 36526 - 1 / 86_400d, 73416, 0, -1}) {
            assertThatThrownBy(() -> FormsTimes.fromSerial(serial, false)).as("serial %s", serial)
                    .isInstanceOf(FormsTimes.OutOfRange.class);
        }
        assertThat(FormsTimes.parse("12/31/2100 11:59:59 PM", false)).isEqualTo(seconds(2100, 12, 31, 23, 59, 59));
        for (String text : new String[]{"12/31/1999 11:59:59 PM", "1/1/2101 12:00:00 AM", "10/5/999999999 4:02 PM",
                "999999999-10-05 16:02:11"}) {
            assertThatThrownBy(() -> FormsTimes.parse(text, false)).as(text).isInstanceOf(FormsTimes.OutOfRange.class);
        }
    }

    @Test
    void eachBadFileHasItsOwnKind() throws IOException {
        byte[] good = FormsExports.poll("Q").response("a@x.com", "A", "Yes", T).xlsx();
        assertKind(new byte[0], "poll-file-empty");
        assertKind(BadFiles.csv(), "poll-file-csv");
        assertKind(BadFiles.legacyXls(), "poll-file-legacy-xls");
        assertKind(BadFiles.pdf(), "poll-file-pdf");
        assertKind(BadFiles.passwordProtected(good), "poll-file-password-protected");
        assertKind(FormsExports.headersOnly("ID", "Start time", "Completion time", "Email", "Name"),
                "poll-file-no-question-column");
        assertKind(FormsExports.headersOnly("Respondent", "Answer"), "poll-file-missing-columns");
        assertKind(BadFiles.xxe(good), "poll-file-xml-entity");
        assertKind(BadFiles.zipBomb(good, 16), "poll-file-zip-bomb");
        assertKind("just some words in a text file".getBytes(StandardCharsets.UTF_8), "poll-file-not-xlsx");
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
        byte[] good = FormsExports.poll("Q").response("a@x.com", "A", "Yes", T).xlsx();
        FormsExportParser small = new FormsExportParser(new ParseLimits(good.length - 1, 200, 200L << 20, 0.01,
                32_767, 1000, 100));
        Path f = write(good);
        assertThatThrownBy(() -> small.parse(f)).isInstanceOf(PollFileException.class)
                .extracting(e -> ((PollFileException) e).kind()).isEqualTo("poll-file-too-large");
    }

    private void assertKind(byte[] bytes, String kind) throws IOException {
        Path f = write(bytes);
        assertThatThrownBy(() -> parser.parse(f)).as(kind).isInstanceOf(PollFileException.class)
                .satisfies(e -> {
                    PollFileException p = (PollFileException) e;
                    assertThat(p.kind()).isEqualTo(kind);
                    assertThat(p.expected()).isNotBlank();
                    assertThat(p.found()).isNotBlank();
                    assertThat(p.getMessage()).isNotBlank();
                });
    }

    private ParsedPoll parse(byte[] bytes) throws IOException {
        return parser.parse(write(bytes));
    }

    private Path write(byte[] bytes) throws IOException {
        Path f = Files.createTempFile(dir, "poll", ".xlsx");
        Files.write(f, bytes);
        return f;
    }

    private static long seconds(int y, int mo, int d, int h, int mi, int s) {
        return LocalDateTime.of(y, mo, d, h, mi, s).toEpochSecond(java.time.ZoneOffset.UTC);
    }
}
