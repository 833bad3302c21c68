package io.teamscpe.platform.graph;

import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import io.teamscpe.platform.problem.ProblemException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Map;

/**
 * Says what to do about a failed Graph call or token request, in the words the credential's validation uses, so an
 * admin reads the same fix wherever the failure shows up (session creation, pre-flight, attendance status).
 */
public final class GraphFailures {
    private GraphFailures() {
    }

    /** Graph's own error message, without the SDK's wrapping. */
    public static String message(ApiException e) {
        return e instanceof ODataError odata && odata.getError() != null && odata.getError().getMessage() != null
                ? odata.getError().getMessage() : e.getMessage();
    }

    /** A Graph refusal explained: access policy missing, consent or permission missing, or Graph's own words. */
    public static ProblemException refused(ApiException e, String organizerId) {
        String message = message(e);
        int status = e.getResponseStatusCode();
        if (status == 403 && message != null && (message.contains("Application Access Policy")
                || message.contains("is not authorized"))) {
            return new ProblemException(424, "access-policy-missing", "Teams access policy missing",
                    "Teams has no application access policy letting this provider read the meetings of organizer "
                            + organizerId + ". Validate the provider with this organizer to get the PowerShell "
                            + "commands that grant it (changes take up to 30 minutes).");
        }
        if (status == 401 || status == 403) {
            return new ProblemException(424, "graph-permission-missing", "Microsoft Graph permission missing",
                    "Microsoft Graph refused the provider (HTTP " + status + ": " + message + "). Validate the "
                            + "provider: it names the missing permission or consent and how to grant it.");
        }
        return new ProblemException(424, "graph-error", "Microsoft Graph refused",
                "Microsoft Graph answered HTTP " + status + ": " + message);
    }

    /** The token broker's explanation (its problem detail), or a generic pointer to the provider's validation. */
    public static String brokerRefusal(WebApplicationException e, String providerId) {
        int status = e.getResponse().getStatus();
        try {
            Map<?, ?> problem = e.getResponse().readEntity(Map.class);
            if (problem != null && problem.get("detail") instanceof String detail && !detail.isBlank()) {
                return detail;
            }
        } catch (ProcessingException | IllegalStateException unreadable) {
            // fall through to the generic advice
        }
        return "The provider cannot get a Microsoft token (HTTP " + status + "): validate it under /api/providers/"
                + providerId + "/validate, which says what to fix.";
    }
}
