package io.teamscpe.credential.microsoft;

import com.microsoft.aad.msal4j.MsalException;
import io.teamscpe.credential.Diagnosis;
import io.teamscpe.credential.Provider;
import io.teamscpe.credential.ProviderStatus;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the AADSTS codes Entra answers with into what the admin must do. */
public final class EntraErrors {
    private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)");
    private static final String APP_REGISTRATIONS =
            "Microsoft Entra admin center > Identity > Applications > App registrations";

    private EntraErrors() {
    }

    public static Diagnosis explain(MsalException e, Provider p) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher m = AADSTS.matcher(message);
        String code = m.find() ? m.group(1) : "";
        return switch (code) {
            case "7000215" -> invalid("wrong-client-secret",
                    "Microsoft rejected the client secret of app " + p.clientId + ".",
                    "In " + APP_REGISTRATIONS + " > " + p.clientId + " > Certificates & secrets, create a new "
                            + "client secret and paste its Value (not its Secret ID) into this provider.");
            case "7000222" -> invalid("client-secret-expired",
                    "The client secret of app " + p.clientId + " has expired.",
                    "In " + APP_REGISTRATIONS + " > " + p.clientId + " > Certificates & secrets, create a new "
                            + "client secret (Microsoft recommends 24 months), paste its Value here and enter its "
                            + "expiry date so Teams CPE warns you 30 days before it expires.");
            case "90002" -> invalid("unknown-tenant",
                    "Microsoft does not know tenant '" + p.tenantId + "'.",
                    "Copy the Directory (tenant) ID from the app registration's Overview page.");
            case "700016" -> invalid("unknown-client-id",
                    "No application with client id " + p.clientId + " exists in tenant " + p.tenantId + ".",
                    "Copy the Application (client) ID from the app registration's Overview page, and check the "
                            + "tenant id is the app's home tenant.");
            case "65001", "650057" -> new Diagnosis(ProviderStatus.NEEDS_CONSENT, "consent-missing",
                    "The app has not been granted consent in tenant " + p.tenantId + ".",
                    List.of("In " + APP_REGISTRATIONS + " > " + p.clientId + " > API permissions, click "
                            + "'Grant admin consent'."));
            default -> invalid("identity-error",
                    "Microsoft refused to issue a token: " + firstLine(message),
                    "Check the tenant id, client id and secret against the app registration.");
        };
    }

    private static Diagnosis invalid(String code, String message, String fix) {
        return new Diagnosis(ProviderStatus.INVALID, code, message, List.of(fix));
    }

    private static String firstLine(String s) {
        int cut = s.indexOf('\n');
        return (cut < 0 ? s : s.substring(0, cut)).trim();
    }
}
