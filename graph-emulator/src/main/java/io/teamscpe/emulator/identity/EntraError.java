package io.teamscpe.emulator.identity;

import io.teamscpe.emulator.http.Request;
import io.teamscpe.emulator.http.Response;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An error of the Microsoft identity platform, rendered exactly like Entra ID's token endpoint does. */
public final class EntraError extends RuntimeException {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final int status;
    private final String error;
    private final int code;

    public EntraError(int status, String error, int code, String description) {
        super(description);
        this.status = status;
        this.error = error;
        this.code = code;
    }

    public static EntraError tenantNotFound(String tenant) {
        return new EntraError(400, "invalid_request", 90002, "Tenant '" + tenant + "' not found. Check to make sure you"
                + " have the correct tenant ID and are signing into the correct cloud. Check with your subscription"
                + " administrator, this may happen if there are no active subscriptions for the tenant.");
    }

    public static EntraError missingParameter(String name) {
        return new EntraError(400, "invalid_request", 900144,
                "The request body must contain the following parameter: '" + name + "'.");
    }

    public static EntraError unsupportedGrant(String grantType) {
        return new EntraError(400, "unsupported_grant_type", 70003,
                "The app requested an unsupported grant type '" + grantType + "'.");
    }

    public int code() {
        return code;
    }

    public String error() {
        return error;
    }

    /** The JSON body: error, error_description with trace/correlation/timestamp lines, error_codes, ids. */
    public Response toResponse(Request request, Instant now) {
        String traceId = UUID.randomUUID().toString();
        String correlationId = request.header("client-request-id").orElseGet(() -> UUID.randomUUID().toString());
        String timestamp = TIMESTAMP.format(now.truncatedTo(ChronoUnit.SECONDS));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", "AADSTS" + code + ": " + getMessage() + "\r\nTrace ID: " + traceId
                + "\r\nCorrelation ID: " + correlationId + "\r\nTimestamp: " + timestamp);
        body.put("error_codes", List.of(code));
        body.put("timestamp", timestamp);
        body.put("trace_id", traceId);
        body.put("correlation_id", correlationId);
        body.put("error_uri", "https://login.microsoftonline.com/error?code=" + code);
        return Response.json(status, body)
                .withHeader("x-ms-request-id", traceId)
                .withHeader("Cache-Control", "no-store, no-cache");
    }
}
