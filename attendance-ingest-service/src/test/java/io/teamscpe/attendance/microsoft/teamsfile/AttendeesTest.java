package io.teamscpe.attendance.microsoft.teamsfile;

import static io.teamscpe.attendance.microsoft.teamsfile.TeamsAttendanceFileTest.NEW_YORK;
import static io.teamscpe.attendance.microsoft.teamsfile.TeamsAttendanceFileTest.parse;
import static io.teamscpe.attendance.microsoft.teamsfile.TeamsAttendanceFileTest.utf16;
import static org.assertj.core.api.Assertions.assertThat;

import io.teamscpe.attendance.upload.UploadedRecord;
import io.teamscpe.contracts.attendance.Interval;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whose join/leave each row of "3. In-Meeting Activities" is. */
class AttendeesTest {
    static final String NAMESAKES = """
            1. Summary
            Meeting title\tEthics for CPAs 2026
            Start time\t10/5/26, 4:00:00 PM
            End time\t10/5/26, 5:00:00 PM

            2. Participants
            Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole
            Guest\t10/5/26, 4:00:00 PM\t10/5/26, 4:20:00 PM\t15m 0s\t\t\tAttendee
            Guest\t10/5/26, 4:30:00 PM\t10/5/26, 5:00:00 PM\t30m 0s\t\t\tAttendee
            Ada Lovelace\t10/5/26, 4:00:00 PM\t10/5/26, 5:00:00 PM\t50m 0s\tADA@contoso.com\tada@contoso.com\tAttendee

            3. In-Meeting Activities
            Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole
            Guest\t10/5/26, 4:00:00 PM\t10/5/26, 4:05:00 PM\t5m 0s\t\tAttendee
            A. Lovelace\t10/5/26, 4:00:00 PM\t10/5/26, 4:30:00 PM\t30m 0s\tada@contoso.com\tAttendee
            Guest\t10/5/26, 4:10:00 PM\t10/5/26, 4:20:00 PM\t10m 0s\t\tAttendee
            Guest\t10/5/26, 4:30:00 PM\t10/5/26, 5:00:00 PM\t30m 0s\t\tAttendee
            Ada Lovelace\t10/5/26, 4:40:00 PM\t10/5/26, 5:00:00 PM\t20m 0s\t\tAttendee
            Sam Late\t10/5/26, 4:55:00 PM\t10/5/26, 5:00:00 PM\t5m 0s\tsam@contoso.com\tPresenter
            """;

    @Test
    void joinsGoToTheParticipantWithTheSameAddressElseTheNamesakeWhoseTimeCoversThem() {
        List<UploadedRecord> records = parse(utf16(NAMESAKES), NEW_YORK, Instant.parse("2026-10-05T20:00:00Z"))
                .records();

        assertThat(records).extracting(UploadedRecord::displayName)
                .containsExactly("Guest", "Guest", "Ada Lovelace", "Sam Late");
        assertThat(records.get(0).intervals()).containsExactly(at("20:00", "20:05"), at("20:10", "20:20"));
        assertThat(records.get(1).intervals()).containsExactly(at("20:30", "21:00"));
        // matched by address despite another display name, and by name when the row has no address
        assertThat(records.get(2).intervals()).containsExactly(at("20:00", "20:30"), at("20:40", "21:00"));
    }

    @Test
    void aJoinOfSomeoneMissingFromTheParticipantsIsKeptAsTheirOwnRecord() {
        List<UploadedRecord> records = parse(utf16(NAMESAKES), NEW_YORK, Instant.parse("2026-10-05T20:00:00Z"))
                .records();

        assertThat(records.get(3)).isEqualTo(new UploadedRecord(null, "sam@contoso.com", "Sam Late", "Presenter",
                List.of(at("20:55", "21:00"))));
    }

    private static Interval at(String joined, String left) {
        return new Interval(Instant.parse("2026-10-05T" + joined + ":00Z"), Instant.parse("2026-10-05T" + left
                + ":00Z"));
    }
}
