package io.teamscpe.reporting.rest;

import io.smallrye.common.annotation.Blocking;
import io.teamscpe.platform.security.FirmContext;
import io.teamscpe.reporting.rest.CompletionApi.CompletionReport;
import io.teamscpe.reporting.rest.CompletionApi.CompletionRow;
import io.teamscpe.reporting.rest.RawDataApi.PollAnswer;
import io.teamscpe.reporting.rest.RawDataApi.RawDataReport;
import io.teamscpe.reporting.rest.RawDataApi.RawRow;
import io.teamscpe.reporting.service.CompletionService;
import io.teamscpe.reporting.service.RawDataService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The reports as downloads: Raw Data as JSON or CSV, Completion as CSV. */
@Path("/api/sessions/{id}")
@RolesAllowed("cpe-admin")
@Blocking
@Tag(name = "Reports", description = "Raw Data and Completion reports")
public class ReportResource {
    private static final String CSV = "text/csv";
    /** CSV only when asked for: JSON stays the answer to any other Accept. */
    private static final String CSV_ON_REQUEST = "text/csv;qs=0.5";

    private final RawDataService rawData;
    private final CompletionService completion;
    private final FirmContext firm;

    public ReportResource(RawDataService rawData, CompletionService completion, FirmContext firm) {
        this.rawData = rawData;
        this.completion = completion;
        this.firm = firm;
    }

    @GET
    @Path("raw-data")
    @Produces("application/json")
    public RawDataReport rawData(@PathParam("id") String sessionId) {
        return rawData.report(firm.firmId(), sessionId);
    }

    @GET
    @Path("raw-data")
    @Produces(CSV_ON_REQUEST)
    public Response rawDataCsv(@PathParam("id") String sessionId) {
        RawDataReport r = rawData.report(firm.firmId(), sessionId);
        List<Object> header = new ArrayList<>(List.of("participant_id", "display_name", "email", "match_status",
                "first_join", "last_leave", "intervals", "total_minutes"));
        r.polls().forEach(p -> {
            header.add(p.question() + (p.included() ? "" : " (excluded)"));
            header.add(p.question() + " – answered at");
        });
        StringBuilder out = new StringBuilder(Csv.line(header));
        for (RawRow row : r.rows()) {
            List<Object> cells = new ArrayList<>(List.of(row.participantId(), nz(row.displayName()), nz(row.email()),
                    row.matchStatus(), nz(row.firstJoin()), nz(row.lastLeave()),
                    String.join(" ", row.intervals().stream().map(i -> i.joined() + "/" + i.left()).toList()),
                    row.totalMinutes()));
            for (PollAnswer a : row.answers()) {
                cells.add(a.answer() == null ? "no response" : a.answer());
                cells.add(nz(a.answeredAt()));
            }
            out.append(Csv.line(cells));
        }
        out.append(Csv.line(List.of("# attendance snapshot " + r.attendanceSnapshotId() + ". " + r.note())));
        return download(out.toString(), "raw-data-" + sessionId + ".csv");
    }

    @GET
    @Path("completion")
    @Produces(CSV_ON_REQUEST)
    public Response completionCsv(@PathParam("id") String sessionId) {
        CompletionReport r = completion.report(firm.firmId(), sessionId);
        StringBuilder out = new StringBuilder(Csv.line(List.of("participant_id", "display_name", "email",
                "match_status", "minutes_present", "polls_answered", "polls_presented", "suggested_credit", "reason",
                "override_credit", "override_reason", "override_by", "final_credit", "ruleset", "ruleset_version")));
        for (CompletionRow row : r.rows()) {
            out.append(Csv.line(List.of(row.participantId(), nz(row.displayName()), nz(row.email()),
                    row.matchStatus(), row.minutesPresent(), row.pollsAnswered(), row.pollsPresented(),
                    row.suggestedCredit(), row.reason(), row.override() == null ? "" : row.override().credit(),
                    row.override() == null ? "" : row.override().reason(),
                    row.override() == null ? "" : row.override().by(), row.finalCredit(), r.ruleset(),
                    r.rulesetVersion())));
        }
        return download(out.toString(), "completion-" + sessionId + ".csv");
    }

    private static Object nz(Object value) {
        return value == null ? "" : value;
    }

    private static Response download(String body, String fileName) {
        return Response.ok(body, CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
