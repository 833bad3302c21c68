package io.teamscpe.attendance.microsoft.teamsfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.teamscpe.attendance.upload.AttendanceFileException;
import io.teamscpe.attendance.upload.UploadedRecord;
import io.teamscpe.attendance.upload.ParsedAttendanceFile;
import io.teamscpe.contracts.attendance.Interval;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TeamsAttendanceFileTest {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** A list as Teams (en-US) writes it, rows of section 3 in the order things happened. */
    static final String EN_US = """
            1. Summary
            Meeting title\tEthics for CPAs 2026
            Attended participants\t4
            Start time\t10/5/26, 4:00:03 PM
            End time\t10/5/26, 5:30:00 PM
            Meeting duration\t1h 29m 57s
            Average attendance time\t1h 2m 3s

            2. Participants
            Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tParticipant ID (UPN)\tRole
            Dana Whitfield\t10/5/26, 4:00:03 PM\t10/5/26, 5:30:00 PM\t1h 29m 57s\tdana@contoso.com\tdana@contoso.com\tOrganizer
            Ada Lovelace\t10/5/26, 4:01:10 PM\t10/5/26, 5:29:00 PM\t1h 26m 50s\t\tada.lovelace@contoso.com\tAttendee
            Pat Kim (Guest)\t10/5/26, 4:10:00 PM\t10/5/26, 4:55:30 PM\t45m 30s\t\t\tAttendee
            Lee Chan (External)\t10/5/26, 4:30:00 PM\t10/5/26, 4:30:45 PM\t45s\tlee@fabrikam.com\t\tPresenter

            3. In-Meeting Activities
            Name\tJoin Time\tLeave Time\tDuration\tEmail\tRole
            Dana Whitfield\t10/5/26, 4:00:03 PM\t10/5/26, 5:30:00 PM\t1h 29m 57s\tdana@contoso.com\tOrganizer
            Ada Lovelace\t10/5/26, 4:01:10 PM\t10/5/26, 4:20:00 PM\t18m 50s\t\tAttendee
            Pat Kim (Guest)\t10/5/26, 4:10:00 PM\t10/5/26, 4:55:30 PM\t45m 30s\t\tAttendee
            Ada Lovelace\t10/5/26, 4:25:00 PM\t10/5/26, 5:29:00 PM\t1h 4m 0s\t\tAttendee
            Lee Chan (External)\t10/5/26, 4:30:00 PM\t10/5/26, 4:30:45 PM\t45s\tlee@fabrikam.com\tPresenter
            Ada Lovelace\t10/5/26, 4:40:00 PM\t10/5/26, 5:10:00 PM\t30m 0s\t\tAttendee
            """.replace("\n", "\r\n");

    @Test
    void readsAnEnUsListToUtcWithEveryJoinOfEachParticipant() {
        ParsedAttendanceFile file = parse(utf16(EN_US), NEW_YORK, Instant.parse("2026-10-05T20:00:00Z"));

        assertThat(file.meetingTitle()).isEqualTo("Ethics for CPAs 2026");
        assertThat(file.meetingStart()).isEqualTo("2026-10-05T20:00:03Z");
        assertThat(file.meetingEnd()).isEqualTo("2026-10-05T21:30:00Z");
        assertThat(file.records()).extracting(UploadedRecord::displayName).containsExactly("Dana Whitfield",
                "Ada Lovelace", "Pat Kim (Guest)", "Lee Chan (External)");
        assertThat(file.records().get(0)).isEqualTo(new UploadedRecord("dana@contoso.com", "dana@contoso.com",
                "Dana Whitfield", "Organizer", List.of(utc("20:00:03", "21:30:00"))));
        // a rejoin and a second device (phone) overlapping the laptop: every interval kept, sorted by join
        assertThat(file.records().get(1).intervals()).containsExactly(utc("20:01:10", "20:20:00"),
                utc("20:25:00", "21:29:00"), utc("20:40:00", "21:10:00"));
    }

    @Test
    void keepsGuestsAndAnonymousJoinersWithWhateverAddressTheyHave() {
        List<UploadedRecord> records = parse(utf16(EN_US), NEW_YORK, Instant.parse("2026-10-05T20:00:00Z"))
                .records();

        UploadedRecord upnOnly = records.get(1);
        assertThat(upnOnly.email()).isNull();
        assertThat(upnOnly.emailOrUpn()).isEqualTo("ada.lovelace@contoso.com");
        UploadedRecord anonymous = records.get(2);
        assertThat(anonymous.upn()).isNull();
        assertThat(anonymous.emailOrUpn()).isNull();
        assertThat(anonymous.intervals()).containsExactly(utc("20:10:00", "20:55:30"));
        UploadedRecord external = records.get(3);
        assertThat(external.upn()).isNull();
        assertThat(external.emailOrUpn()).isEqualTo("lee@fabrikam.com");
        assertThat(external.role()).isEqualTo("Presenter");
    }

    static Stream<Arguments> locales() {
        return Stream.of(
                Arguments.of(Locale.US, "America/New_York", "10/5/26, 4:00:00 PM"),
                Arguments.of(Locale.UK, "Europe/London", "05/10/2026, 16:00:00"),
                Arguments.of(Locale.GERMANY, "Europe/Berlin", "5.10.26, 16:00:00"),
                Arguments.of(Locale.FRANCE, "Europe/Paris", "05/10/2026 16:00:00"));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("locales")
    void aFixtureListInEachLocaleReadsBackAsWritten(Locale locale, String zoneId, String startAsWritten) {
        ZoneId zone = ZoneId.of(zoneId);
        Instant start = LocalDateTime.of(2026, 10, 5, 16, 0).atZone(zone).toInstant();
        Interval organizer = new Interval(start, start.plusSeconds(5400));
        Interval laptop = new Interval(start.plusSeconds(70), start.plusSeconds(1200));
        Interval phone = new Interval(start.plusSeconds(600), start.plusSeconds(4000));
        Interval rejoin = new Interval(start.plusSeconds(1500), start.plusSeconds(5340));
        Interval guest = new Interval(start.plusSeconds(300), start.plusSeconds(2000));
        TeamsAttendanceFileFixture fixture = TeamsAttendanceFileFixture.of(locale, zone)
                .meeting(start, start.plusSeconds(5400))
                .participant("Dana Whitfield", "dana@contoso.com", "dana@contoso.com", "Organizer", organizer)
                .participant("Ada Lovelace", "ada@contoso.com", "ada@contoso.com", "Attendee", laptop, rejoin, phone)
                .participant("Pat Kim (Guest)", null, null, "Attendee", guest);
        assertThat(fixture.text()).contains(startAsWritten);

        ParsedAttendanceFile file = parse(fixture.bytes(), zone, start.plusSeconds(120));

        assertThat(file.meetingStart()).isEqualTo(start);
        assertThat(file.meetingEnd()).isEqualTo(start.plusSeconds(5400));
        assertThat(file.records()).containsExactly(
                new UploadedRecord("dana@contoso.com", "dana@contoso.com", "Dana Whitfield", "Organizer",
                        List.of(organizer)),
                new UploadedRecord("ada@contoso.com", "ada@contoso.com", "Ada Lovelace", "Attendee",
                        List.of(laptop, phone, rejoin)),
                new UploadedRecord(null, null, "Pat Kim (Guest)", "Attendee", List.of(guest)));
    }

    @Test
    void aGermanListIsFoundByItsLocalizedTitlesHeadersAndRoles() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant start = Instant.parse("2026-10-05T14:00:00Z");
        TeamsAttendanceFileFixture fixture = TeamsAttendanceFileFixture.of(Locale.GERMANY, berlin)
                .title("Ethik für Steuerberater").meeting(start, start.plusSeconds(3600))
                .participant("Jürgen Groß", "j.gross@contoso.de", "j.gross@contoso.de", "Presenter",
                        new Interval(start.plusSeconds(131), start.plusSeconds(3000)));
        assertThat(fixture.text()).contains("2. Teilnehmer", "Erster Beitritt", "5.10.26, 16:02:11", "Referent",
                "47 Min. 49 Sek.");

        ParsedAttendanceFile file = parse(fixture.bytes(), berlin, start);

        assertThat(file.meetingTitle()).isEqualTo("Ethik für Steuerberater");
        assertThat(file.records()).singleElement().satisfies(r -> {
            assertThat(r.displayName()).isEqualTo("Jürgen Groß");
            assertThat(r.role()).isEqualTo("Presenter");
            assertThat(r.intervals()).containsExactly(new Interval(Instant.parse("2026-10-05T14:02:11Z"),
                    Instant.parse("2026-10-05T14:50:00Z")));
        });
    }

    @Test
    void dayAndMonthOrderIsTheOneThatPutsTheMeetingAtTheSessionStart() {
        ZoneId london = ZoneId.of("Europe/London");
        Instant fifthOfOctober = Instant.parse("2026-10-05T15:00:00Z");
        byte[] list = TeamsAttendanceFileFixture.of(Locale.UK, london).meeting(fifthOfOctober,
                        fifthOfOctober.plusSeconds(3600))
                .participant("Ada Lovelace", "ada@contoso.com", "ada@contoso.com", "Attendee",
                        new Interval(fifthOfOctober, fifthOfOctober.plusSeconds(600))).bytes();

        assertThat(parse(list, london, fifthOfOctober).meetingStart()).isEqualTo(fifthOfOctober);
        // the same "05/10/2026" for a session scheduled on 10 May reads month-first
        Instant tenthOfMay = Instant.parse("2026-05-10T15:00:00Z");
        assertThat(parse(list, london, tenthOfMay).records().get(0).intervals().get(0).joined())
                .isEqualTo(tenthOfMay);
        assertThatThrownBy(() -> parse(list, london, Instant.parse("2026-10-07T15:00:00Z")))
                .isInstanceOf(AttendanceFileException.class)
                .hasMessage("this attendance list's meeting started 05/10/2026, 16:00:00, more than a day from the "
                        + "session's scheduled start (2026-10-07 16:00 Europe/London): is it the list of another "
                        + "meeting?");
    }

    @Test
    void aMeetingOverMidnightOnTheFifthOfMayKeepsTheDayFirstReadingOfItsLeaves() {
        ZoneId london = ZoneId.of("Europe/London");
        Instant start = LocalDateTime.of(2026, 5, 5, 23, 30).atZone(london).toInstant();
        Interval overMidnight = new Interval(start, start.plusSeconds(4500));
        byte[] list = TeamsAttendanceFileFixture.of(Locale.UK, london).meeting(start, start.plusSeconds(4500))
                .participant("Ada Lovelace", "ada@contoso.com", "ada@contoso.com", "Attendee", overMidnight).bytes();

        ParsedAttendanceFile file = parse(list, london, start);

        assertThat(file.meetingEnd()).isEqualTo(start.plusSeconds(4500)); // 06/05/2026 is the 6th of May
        assertThat(file.records().get(0).intervals()).containsExactly(overMidnight);
    }

    @Test
    void anOlderListWithoutActivitiesGivesEachParticipantFirstJoinToLastLeave() {
        Instant start = Instant.parse("2026-10-05T20:00:00Z");
        byte[] list = TeamsAttendanceFileFixture.of(Locale.US, NEW_YORK).withoutActivities()
                .meeting(start, start.plusSeconds(3600))
                .participant("Ada Lovelace", "ada@contoso.com", "ada@contoso.com", "Attendee",
                        new Interval(start.plusSeconds(60), start.plusSeconds(600)),
                        new Interval(start.plusSeconds(900), start.plusSeconds(3000))).bytes();

        assertThat(parse(list, NEW_YORK, start).records()).singleElement()
                .extracting(UploadedRecord::intervals).asList()
                .containsExactly(new Interval(start.plusSeconds(60), start.plusSeconds(3000)));
    }

    static ParsedAttendanceFile parse(byte[] bytes, ZoneId zone, Instant sessionStart) {
        return TeamsAttendanceFile.parse(new ByteArrayInputStream(bytes), zone, sessionStart);
    }

    static byte[] utf16(String text) {
        return TeamsAttendanceFileFixture.encode(text, StandardCharsets.UTF_16LE, true);
    }

    private static Interval utc(String joined, String left) {
        return new Interval(Instant.parse("2026-10-05T" + joined + "Z"), Instant.parse("2026-10-05T" + left + "Z"));
    }
}
