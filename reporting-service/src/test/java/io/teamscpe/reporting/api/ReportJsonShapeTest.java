package io.teamscpe.reporting.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.teamscpe.contracts.attendance.Interval;
import io.teamscpe.reporting.report.Presence;
import io.teamscpe.reporting.report.CompletionReport;
import io.teamscpe.reporting.report.MappingMethod;
import io.teamscpe.reporting.report.MappedAttendee;
import io.teamscpe.reporting.report.AttendanceMatch;
import io.teamscpe.reporting.report.MatchStatus;
import io.teamscpe.reporting.report.RawDataReport;
import io.teamscpe.reporting.report.SessionSnapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reports' JSON is the api records' shape: the Completion report is served as its domain record's JSON. */
class ReportJsonShapeTest {
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final Instant T = Instant.parse("2026-03-02T15:00:00Z");

    @Test
    void theCompletionReportsJsonIsTheDocumentedOne() throws Exception {
        CompletionReport report = new CompletionReport("s-1", "Ethics", T, T.plusSeconds(3600), "Europe/Paris",
                "NASBA", 2, List.of(new CompletionReport.CreditTypeSummary("CPA", "nasba", "NASBA", 2,
                        new BigDecimal("2.0"), false, false), new CompletionReport.CreditTypeSummary("CFP", "cfp",
                        null, 1, new BigDecimal("1.5"), true, true)),
                new CompletionReport.Freshness("snap", "graph", T, true, 2, 1, 3, "note"),
                List.of(new CompletionReport.Row("p-1", "CPA", "Ann", "ann@x.test", MatchStatus.ENROLLED,
                        Presence.PRESENT, T, T, 1, 50, 3000,
                        2, 3, new BigDecimal("1.0"), "why", new CompletionReport.Override(new BigDecimal("0.5"),
                        "late", "admin", T), new BigDecimal("0.5"), AttendanceMatch.MAPPED,
                        List.of(new MappedAttendee("guest-1", "Ann (home)", null, MappingMethod.MAPPED,
                                "admin", T)))));
        String served = JSON.writeValueAsString(report);
        CompletionApi.CompletionReport documented = JSON.readValue(served, CompletionApi.CompletionReport.class);
        assertThat(JSON.writeValueAsString(documented)).isEqualTo(served);
        assertThat(JSON.readTree(served).at("/rows/0/matchStatus").asText()).isEqualTo("ENROLLED");
        assertThat(JSON.writeValueAsString(CompletionApi.CompletionRow.of(report.rows().get(0))))
                .isEqualTo(JSON.writeValueAsString(report.rows().get(0)));
    }

    @Test
    void theRawDataReportMapsFieldForField() {
        RawDataReport report = new RawDataReport("s-1", "Ethics", "UTC", "snap",
                List.of(new SessionSnapshot.Poll("poll-1", "Q?", true, "f.xlsx", "abc")),
                List.of(new RawDataReport.Row("p-1", "Ann", null, MatchStatus.ANONYMOUS,
                        Presence.PRESENT, T, T,
                        List.of(new Interval(T, T.plusSeconds(60))), 1, 60,
                        List.of(new RawDataReport.PollAnswer("poll-1", "yes", T)), null, List.of())), "note");
        assertThat(tree(RawDataApi.RawDataReport.of(report))).isEqualTo(tree(report));
    }

    private static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }
}
