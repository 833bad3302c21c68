package io.teamscpe.attendance.rest;

import io.smallrye.common.annotation.Blocking;
import io.teamscpe.attendance.api.AttendanceStatus;
import io.teamscpe.attendance.service.AttendanceUploads;
import io.teamscpe.platform.problem.Problem;
import io.teamscpe.platform.problem.ProblemException;
import io.teamscpe.platform.security.FirmContext;
import io.teamscpe.platform.web.FileNames;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

@Path("/api/sessions/{id}/attendance/uploads")
@RolesAllowed("cpe-admin")
@Blocking
@Tag(name = "Attendance", description = "Getting attendance out of Microsoft Teams")
public class AttendanceUploadResource {
    private final AttendanceUploads uploads;
    private final FirmContext firm;

    public AttendanceUploadResource(AttendanceUploads uploads, FirmContext firm) {
        this.uploads = uploads;
        this.firm = firm;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload the Teams 'Download attendance list' file when Graph cannot serve the report",
            description = "Multipart part 'file': the file exactly as Teams downloaded it (UTF-16, tab separated). "
                    + "It replaces the session's attendance like a Graph fetch (source 'upload').")
    @APIResponse(responseCode = "201", description = "The file is the session's attendance now",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = AttendanceStatus.class)))
    public Response upload(@PathParam("id") String sessionId, @RestForm("file") FileUpload file) {
        if (file == null) {
            throw ProblemException.badRequest("no-file", "No file",
                    "Send the Teams attendance list as a multipart/form-data part named 'file'.");
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = file.fileName() == null || file.fileName().isBlank() ? "attendance.csv" : file.fileName();
        FileNames.flaw(name).ifPresent(flaw -> {
            throw new ProblemException(422, "attendance-file-bad-name", "Unusable file name", "The file name holds "
                    + flaw + "; at most " + FileNames.MAX_LENGTH + " characters, none of them a control character, "
                    + "are kept. Rename the file and upload it again; nothing was stored.")
                    .with("fileName", FileNames.printable(name));
        });
        return Response.status(201).entity(AttendanceStatus.of(
                uploads.upload(firm.firmId(), sessionId, name, content, firm.userId()))).build();
    }

    /** A part header the multipart parser cannot read (a line without a colon): the caller's mistake, not a 500. */
    @ServerExceptionMapper
    public Response malformed(MultipartParser.MalformedMessageException e, UriInfo uri) {
        Problem problem = ProblemException.badRequest("malformed-upload", "The upload cannot be read",
                "A part header of the multipart/form-data body cannot be read (a line break inside the file name?). "
                        + "Send the Teams attendance list as a part named 'file', as a browser form or curl -F does.")
                .toProblem(uri.getPath());
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
