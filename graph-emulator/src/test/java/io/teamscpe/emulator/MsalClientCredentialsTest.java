package io.teamscpe.emulator;

import io.teamscpe.platform.graph.RetargetingHttpClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.MsalServiceException;
import io.teamscpe.emulator.jwt.Jwt;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real msal4j, pointed at login.microsoftonline.com and re-targeted to the emulator by its HTTP client. */
class MsalClientCredentialsTest {

    private static final Set<String> GRAPH_SCOPE = Set.of("https://graph.microsoft.com/.default");
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
    void demoAppGetsAGraphTokenWithItsConsentedRoles() throws Exception {
        ConfidentialClientApplication app = app(DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID,
                DemoScenario.CLIENT_SECRET);

        IAuthenticationResult result = app.acquireToken(ClientCredentialParameters.builder(GRAPH_SCOPE).build()).get();

        Map<String, Object> claims = Jwt.verify(result.accessToken(),
                emulatorKey(), java.time.Instant.now());
        assertThat(claims).containsEntry("aud", "https://graph.microsoft.com")
                .containsEntry("iss", "https://sts.windows.net/" + DemoScenario.TENANT_ID + "/")
                .containsEntry("tid", DemoScenario.TENANT_ID)
                .containsEntry("appid", DemoScenario.CLIENT_ID)
                .containsEntry("idtyp", "app")
                .containsKeys("iat", "nbf", "exp");
        assertThat(claims.get("roles")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).containsExactlyInAnyOrderElementsOf(
                DemoScenario.APPLICATION_PERMISSIONS);

        IAuthenticationResult again = app.acquireToken(ClientCredentialParameters.builder(GRAPH_SCOPE).build()).get();
        assertThat(again.accessToken()).as("served from msal4j's cache").isEqualTo(result.accessToken());
    }

    @Test
    void appWithoutAdminConsentGetsATokenWithoutRoles() throws Exception {
        IAuthenticationResult result = app(DemoScenario.TENANT_ID, DemoScenario.NO_CONSENT_CLIENT_ID,
                DemoScenario.NO_CONSENT_CLIENT_SECRET)
                .acquireToken(ClientCredentialParameters.builder(GRAPH_SCOPE).build()).get();

        assertThat(Jwt.unverifiedClaims(result.accessToken())).doesNotContainKey("roles");
    }

    @Test
    void wrongSecretIsRefusedWithAadsts7000215() {
        assertFailsWith(app(DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID, "not-the-secret"), "AADSTS7000215",
                "invalid_client");
    }

    @Test
    void unknownTenantIsRefusedWithAadsts90002() {
        assertFailsWith(app("00000000-1111-2222-3333-444444444444", DemoScenario.CLIENT_ID, DemoScenario.CLIENT_SECRET),
                "AADSTS90002", "invalid_request");
    }

    @Test
    void expiredSecretIsRefusedWithAadsts7000222() {
        assertFailsWith(app(DemoScenario.TENANT_ID, DemoScenario.EXPIRED_CLIENT_ID, DemoScenario.EXPIRED_CLIENT_SECRET),
                "AADSTS7000222", "invalid_client");
    }

    @Test
    void unknownClientIsRefusedWithAadsts700016() {
        assertFailsWith(app(DemoScenario.TENANT_ID, "99999999-8888-7777-6666-555555555555", "x"),
                "AADSTS700016", "unauthorized_client");
    }

    @Test
    void nonDefaultScopeIsRefusedWithAadsts1002012() {
        ConfidentialClientApplication app = app(DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID,
                DemoScenario.CLIENT_SECRET);
        assertThatThrownBy(() -> app.acquireToken(ClientCredentialParameters.builder(
                Set.of("https://graph.microsoft.com/User.Read.All")).build()).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(MsalServiceException.class)
                .hasMessageContaining("AADSTS1002012");
    }

    private static void assertFailsWith(ConfidentialClientApplication app, String aadsts, String errorCode) {
        assertThatThrownBy(() -> app.acquireToken(ClientCredentialParameters.builder(GRAPH_SCOPE).build()).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(MsalServiceException.class)
                .hasMessageContaining(aadsts)
                .satisfies(e -> assertThat(((MsalServiceException) e).errorCode()).isEqualTo(errorCode));
    }

    private static ConfidentialClientApplication app(String tenant, String clientId, String secret) {
        try {
            return ConfidentialClientApplication.builder(clientId, ClientCredentialFactory.createFromSecret(secret))
                    .authority("https://login.microsoftonline.com/" + tenant + "/")
                    .httpClient(new RetargetingHttpClient(emulator.baseUrl()))
                    .build();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.security.PublicKey emulatorKey() {
        Http.Reply jwks = Http.get(emulator.baseUrl() + "/" + DemoScenario.TENANT_ID + "/discovery/v2.0/keys", null);
        return TestKeys.rsaPublicKey(jwks.json().get("keys").get(0));
    }
}
