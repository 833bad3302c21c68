package io.teamscpe.polling.microsoft.forms;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamscpe.polling.FormsExports;
import io.teamscpe.polling.parse.ParseLimits;
import io.teamscpe.polling.parse.PollFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cells are stored as they are: one too long for its column, or holding a control character, refuses the file. */
class CellChecksTest {
    static final LocalDateTime T = LocalDateTime.of(2026, 10, 5, 12, 5);
    final FormsExportParser parser = new FormsExportParser(ParseLimits.defaults());
    @TempDir
    Path dir;

    @Test
    void anEmailLongerThanAnyAddressRefusesTheFileNamingTheRow() throws Exception {
        byte[] file = FormsExports.poll("Which standard applies?")
                .response("a@x.com", "A", "Yes", T)
                .response("b".repeat(10_000) + "@x.com", "B", "No", T.plusMinutes(1))
                .xlsx();
        Path f = Files.write(Files.createTempFile(dir, "poll", ".xlsx"), file);
        assertThatThrownBy(() -> parser.parse(f)).isInstanceOf(PollFileException.class)
                .hasMessageContaining("row 3").hasMessageContaining("'Email'");
    }
}
