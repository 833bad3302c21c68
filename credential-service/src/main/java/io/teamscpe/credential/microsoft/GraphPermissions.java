package io.teamscpe.credential.microsoft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamscpe.credential.Diagnosis;
import io.teamscpe.credential.Provider;
import io.teamscpe.credential.ProviderStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the application permissions granted to a Graph token and names the ones Teams CPE lacks. */
public final class GraphPermissions {
    /** Each requirement is met by any one of its alternatives. */
    static final List<List<String>> REQUIRED = List.of(
            List.of("OnlineMeetings.ReadWrite.All", "OnlineMeetings.Read.All"),
            List.of("OnlineMeetingArtifact.Read.All"),
            List.of("User.Read.All"));

    private GraphPermissions() {
    }

    public static Diagnosis check(String accessToken, Provider p, ObjectMapper json) {
        Set<String> granted = roles(accessToken, json);
        if (granted.isEmpty()) {
            return new Diagnosis(ProviderStatus.NEEDS_CONSENT, "admin-consent-missing",
                    "The app's token carries no Microsoft Graph application permissions: admin consent has not "
                            + "been granted.",
                    List.of("In App registrations > " + p.clientId + " > API permissions, add the Microsoft Graph "
                            + "application permissions " + String.join(", ", firstChoices())
                            + " and click 'Grant admin consent'."));
        }
        List<String> missing = new ArrayList<>();
        for (List<String> alternatives : REQUIRED) {
            if (alternatives.stream().noneMatch(granted::contains)) {
                missing.add(alternatives.get(0));
            }
        }
        if (!missing.isEmpty()) {
            return new Diagnosis(ProviderStatus.INVALID, "missing-permission",
                    "The app lacks the Microsoft Graph application permission(s) " + String.join(", ", missing) + ".",
                    List.of("In App registrations > " + p.clientId + " > API permissions > Add a permission > "
                            + "Microsoft Graph > Application permissions, add " + String.join(", ", missing)
                            + ", then click 'Grant admin consent'."));
        }
        return Diagnosis.valid("Token issued with the required Graph permissions.");
    }

    private static List<String> firstChoices() {
        return REQUIRED.stream().map(a -> a.get(0)).toList();
    }

    private static Set<String> roles(String jwt, ObjectMapper json) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return Set.of();
        }
        try {
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            Set<String> roles = new HashSet<>();
            claims.path("roles").forEach(r -> roles.add(r.asText()));
            return roles;
        } catch (IOException | IllegalArgumentException e) {
            return Set.of();
        }
    }
}
