package io.teamscpe.reporting.rest;

import io.smallrye.common.annotation.Blocking;
import io.teamscpe.platform.security.FirmContext;
import io.teamscpe.reporting.export.Csv;
import io.teamscpe.reporting.export.ReportTables;
import io.teamscpe.reporting.export.Table;
import io.teamscpe.reporting.export.Xlsx;
import io.teamscpe.reporting.api.RawDataApi.RawDataReport;
import io.teamscpe.reporting.service.CompletionService;
import io.teamscpe.reporting.service.RawDataService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The reports as downloads: Raw Data as JSON, CSV or XLSX; Completion as CSV or XLSX (JSON: CompletionResource). */
@Path("/api/sessions/{id}")
@RolesAllowed("cpe-admin")
@Blocking
@Tag(name = "Reports", description = "Raw Data and Completion reports")
public class ReportResource {
    /** Downloads only when asked for: JSON stays the answer to any other Accept. */
    private static final String CSV_ON_REQUEST = "text/csv;qs=0.5";
    private static final String XLSX_ON_REQUEST = Xlsx.MEDIA_TYPE + ";qs=0.5";

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
    @Operation(summary = "The Raw Data report: every attendee's time and poll answers (JSON; CSV or XLSX by Accept)")
    public RawDataReport rawData(@PathParam("id") String sessionId) {
        return RawDataReport.of(rawData.report(firm.firmId(), sessionId));
    }

    @GET
    @Path("raw-data")
    @Produces(CSV_ON_REQUEST)
    @Operation(summary = "The Raw Data report: every attendee's time and poll answers (JSON; CSV or XLSX by Accept)")
    public Response rawDataCsv(@PathParam("id") String sessionId) {
        return csv(ReportTables.rawData(rawData.report(firm.firmId(), sessionId)), "raw-data-" + sessionId + ".csv");
    }

    @GET
    @Path("raw-data")
    @Produces(XLSX_ON_REQUEST)
    @Operation(summary = "The Raw Data report: every attendee's time and poll answers (JSON; CSV or XLSX by Accept)")
    public Response rawDataXlsx(@PathParam("id") String sessionId) {
        return xlsx(ReportTables.rawData(rawData.report(firm.firmId(), sessionId)), sessionId + "-raw-data.xlsx");
    }

    @GET
    @Path("completion")
    @Produces(CSV_ON_REQUEST)
    @Operation(summary = "The Completion report: suggested and final credit per professional (JSON; CSV or XLSX "
            + "by Accept)")
    public Response completionCsv(@PathParam("id") String sessionId,
                                  @Parameter(description = CompletionResource.CREDIT_TYPE_FILTER, example = "CFP")
                                  @QueryParam("creditType") String creditType) {
        return csv(ReportTables.completion(completion.report(firm.firmId(), sessionId,
                        CompletionResource.blankToNull(creditType))),
                "completion-" + sessionId + ".csv");
    }

    @GET
    @Path("completion")
    @Produces(XLSX_ON_REQUEST)
    @Operation(summary = "The Completion report: suggested and final credit per professional (JSON; CSV or XLSX "
            + "by Accept)")
    public Response completionXlsx(@PathParam("id") String sessionId,
                                   @Parameter(description = CompletionResource.CREDIT_TYPE_FILTER, example = "CFP")
                                   @QueryParam("creditType") String creditType) {
        return xlsx(ReportTables.completion(completion.report(firm.firmId(), sessionId,
                        CompletionResource.blankToNull(creditType))),
                sessionId + "-completion.xlsx");
    }

    private static Response csv(Table table, String fileName) {
        return Response.ok(Csv.of(table), "text/csv; charset=UTF-8").header("Content-Disposition",
                "attachment; filename=\"" + fileName + "\"").build();
    }

    private static Response xlsx(Table table, String fileName) {
        StreamingOutput body = out -> Xlsx.write(table, out);
        return Response.ok(body, Xlsx.MEDIA_TYPE).header("Content-Disposition",
                "attachment; filename=\"" + fileName + "\"").build();
    }
}
