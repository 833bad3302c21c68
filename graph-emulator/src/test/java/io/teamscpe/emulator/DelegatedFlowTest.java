package io.teamscpe.emulator;

import io.teamscpe.platform.graph.RetargetingHttpClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.aad.msal4j.AuthorizationCodeParameters;
import com.microsoft.aad.msal4j.AuthorizationRequestUrlParameters;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.SilentParameters;
import com.microsoft.graph.models.OnlineMeeting;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.teamscpe.emulator.http.QueryString;
import io.teamscpe.emulator.jwt.Jwt;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The organizer signs in (authorization code + PKCE via msal4j), then Graph answers under /me. */
class DelegatedFlowTest {

    private static final String REDIRECT = "https://cpe.example/webcast_credential_proxy_in/MicrosoftTeamsUtility/";
    private static final Set<String> SCOPES = Set.of("Calendars.ReadWrite", "OnlineMeetingArtifact.Read.All",
            "OnlineMeetings.ReadWrite", "User.Read");
    private static GraphEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = GraphEmulator.start(0);
        emulator.loadScenario(DemoScenario.build());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void organizerSignsInAndReadsTheirMeetingUnderMe() throws Exception {
        ConfidentialClientApplication app = app();
        String verifier = "a-long-enough-pkce-code-verifier-0123456789-abcdefghijklmnop";
        String code = signIn(app, verifier, DemoScenario.ORGANIZER_UPN);

        IAuthenticationResult result = app.acquireToken(AuthorizationCodeParameters.builder(code, new URI(REDIRECT))
                .scopes(SCOPES).codeVerifier(verifier).build()).get();

        Map<String, Object> claims = Jwt.unverifiedClaims(result.accessToken());
        assertThat(claims).containsEntry("oid", DemoScenario.ORGANIZER_ID).containsEntry("idtyp", "user");
        assertThat(String.valueOf(claims.get("scp"))).contains("OnlineMeetings.ReadWrite", "User.Read");
        assertThat(result.account().username()).isEqualTo(DemoScenario.ORGANIZER_UPN);

        GraphServiceClient graph = SdkClients.graph(emulator, result.accessToken());
        assertThat(graph.me().get().getId()).isEqualTo(DemoScenario.ORGANIZER_ID);
        List<OnlineMeeting> found = graph.me().onlineMeetings()
                .get(rc -> rc.queryParameters.filter = "JoinWebUrl eq '" + DemoScenario.JOIN_URL + "'").getValue();
        assertThat(found).extracting(OnlineMeeting::getId).containsExactly(DemoScenario.MEETING_ID);
        assertThat(graph.me().onlineMeetings().byOnlineMeetingId(DemoScenario.MEETING_ID).attendanceReports().get()
                .getValue()).hasSize(1);
        String colleague = DemoScenario.build().tenants().get(0).users().get(1).id();
        assertThatThrownBy(() -> graph.users().byUserId(colleague)
                .onlineMeetings().get(rc -> rc.queryParameters.filter = "JoinWebUrl eq 'x'"))
                .isInstanceOf(ODataError.class)
                .hasMessageContaining("With delegated permission only /me endpoint is supported");

        IAuthenticationResult refreshed = app.acquireTokenSilently(SilentParameters.builder(SCOPES, result.account())
                .forceRefresh(true).build()).get();
        assertThat(refreshed.accessToken()).isNotEqualTo(result.accessToken());
        assertThat(Jwt.unverifiedClaims(refreshed.accessToken())).containsEntry("oid", DemoScenario.ORGANIZER_ID);
    }

    @Test
    void aRevokedGrantNoLongerRefreshes() throws Exception {
        ConfidentialClientApplication app = app();
        String verifier = "revocation-verifier-revocation-verifier-revocation-verifier";
        String code = signIn(app, verifier, DemoScenario.ORGANIZER_UPN);
        IAuthenticationResult result = app.acquireToken(AuthorizationCodeParameters.builder(code, new URI(REDIRECT))
                .scopes(SCOPES).codeVerifier(verifier).build()).get();

        assertThat(emulator.revokeDelegatedGrants(DemoScenario.CLIENT_ID, DemoScenario.ORGANIZER_ID)).isPositive();

        assertThatThrownBy(() -> app.acquireTokenSilently(SilentParameters.builder(SCOPES, result.account())
                .forceRefresh(true).build()).join())
                .cause().isInstanceOf(MsalServiceException.class).hasMessageContaining("AADSTS50173");
    }

    @Test
    void wrongPkceVerifierAndReusedCodeAreRefused() throws Exception {
        ConfidentialClientApplication app = app();
        String code = signIn(app, "the-right-verifier-the-right-verifier-the-right-verifier", null);

        assertThatThrownBy(() -> app.acquireToken(AuthorizationCodeParameters.builder(code, new URI(REDIRECT))
                .scopes(SCOPES).codeVerifier("a-wrong-verifier-a-wrong-verifier-a-wrong-verifier-xx").build()).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(MsalServiceException.class)
                .hasMessageContaining("AADSTS50148");
        assertThatThrownBy(() -> app.acquireToken(AuthorizationCodeParameters.builder(code, new URI(REDIRECT))
                .scopes(SCOPES).codeVerifier("the-right-verifier-the-right-verifier-the-right-verifier").build())
                .join())
                .cause().hasMessageContaining("AADSTS70008");
    }

    /** Follows msal4j's authorization URL to the emulator and returns the code from the redirect. */
    private static String signIn(ConfidentialClientApplication app, String verifier, String loginHint) throws Exception {
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        AuthorizationRequestUrlParameters.Builder params = AuthorizationRequestUrlParameters.builder(REDIRECT, SCOPES)
                .state("state-42").codeChallenge(challenge).codeChallengeMethod("S256");
        if (loginHint != null) {
            params.loginHint(loginHint);
        }
        URL authorize = app.getAuthorizationRequestUrl(params.build());
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(emulator.baseUrl() + authorize.getPath() + "?" + authorize.getQuery())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(REDIRECT);
        Map<String, String> query = QueryString.parse(location.getRawQuery());
        assertThat(query).containsEntry("state", "state-42");
        return query.get("code");
    }

    private static ConfidentialClientApplication app() throws Exception {
        return ConfidentialClientApplication.builder(DemoScenario.CLIENT_ID,
                        ClientCredentialFactory.createFromSecret(DemoScenario.CLIENT_SECRET))
                .authority("https://login.microsoftonline.com/" + DemoScenario.TENANT_ID + "/")
                .httpClient(new RetargetingHttpClient(emulator.baseUrl()))
                .build();
    }
}
