package io.teamscpe.credential.microsoft;

import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import io.teamscpe.credential.Provider;
import io.teamscpe.credential.ProviderStatus;
import io.teamscpe.credential.Diagnosis;
import io.teamscpe.platform.graph.GraphClients;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Proves an application credential may read an organizer's meetings: Teams requires an application access policy
 * (global or per organizer) on top of the Graph permissions, and says so only when asked for a meeting.
 */
@ApplicationScoped
public class AccessPolicyCheck {
    private static final String PROBE_URL = "https://teams.microsoft.com/l/meetup-join/teamscpe-access-probe";
    private static final String POLICY = "TeamsCPE-Policy";

    private final GraphClients graph;

    public AccessPolicyCheck(GraphClients graph) {
        this.graph = graph;
    }

    public Diagnosis check(String accessToken, Provider p, String organizerId) {
        try {
            graph.withToken(accessToken).users().byUserId(organizerId).onlineMeetings()
                    .get(rc -> rc.queryParameters.filter = "JoinWebUrl eq '" + PROBE_URL + "'");
            return Diagnosis.valid("The app may read the meetings of organizer " + organizerId + ".");
        } catch (ApiException e) {
            String message = e instanceof ODataError odata && odata.getError() != null
                    ? odata.getError().getMessage() : e.getMessage();
            if (e.getResponseStatusCode() == 404) {
                return new Diagnosis(ProviderStatus.INVALID, "organizer-not-found",
                        "Organizer " + organizerId + " is not a user of tenant " + p.tenantId + ".",
                        List.of("Pick the organizer from this provider's organizer directory."));
            }
            if (e.getResponseStatusCode() == 403 && message != null
                    && (message.contains("Application Access Policy") || message.contains("not authorized"))) {
                return missingPolicy(p, organizerId);
            }
            return new Diagnosis(ProviderStatus.INVALID, "graph-error",
                    "Microsoft Graph refused to list the organizer's meetings: " + message,
                    List.of("Check the app's Graph permissions and the organizer."));
        }
    }

    static Diagnosis missingPolicy(Provider p, String organizerId) {
        return new Diagnosis(ProviderStatus.INVALID, "access-policy-missing",
                "Teams has no application access policy that lets app " + p.clientId + " read the online meetings "
                        + "of organizer " + organizerId + " (Graph answered: No Application Access Policy found for "
                        + "this app). Application credentials need one, globally or per organizer.",
                List.of("In Teams PowerShell (Connect-MicrosoftTeams), create a policy for this app: "
                                + "New-CsApplicationAccessPolicy -Identity " + POLICY + " -AppIds \"" + p.clientId
                                + "\" -Description \"Teams CPE attendance and polls\"",
                        "Grant it to every organizer: Grant-CsApplicationAccessPolicy -PolicyName " + POLICY
                                + " -Global",
                        "Or only to this organizer: Grant-CsApplicationAccessPolicy -PolicyName " + POLICY
                                + " -Identity \"" + organizerId + "\"",
                        "If a policy already exists, add this app to it instead: Set-CsApplicationAccessPolicy "
                                + "-Identity <existing policy> -AppIds @{Add=\"" + p.clientId + "\"}",
                        "Policy changes take up to 30 minutes to apply; validate again after that."));
    }
}
