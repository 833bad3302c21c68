package io.teamscpe.credential;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import io.teamscpe.emulator.Scenario;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Validate" against the emulated Entra and Graph, through the real msal4j and Graph SDK. */
@QuarkusTest
class ValidationTest {
    static final String FIRM = "firm-validation";
    static final String PARTIAL_CLIENT_ID = "8fb25d61-d7ec-4a9a-b412-5e6d708192a3";
    static final String PARTIAL_SECRET = "Pp11Q~partial.permissions";

    @BeforeEach
    void loadScenario() {
        Scenario demo = DemoScenario.build();
        Scenario.Tenant tenant = demo.tenants().get(0);
        List<Scenario.App> apps = new ArrayList<>(tenant.apps());
        apps.add(new Scenario.App(PARTIAL_CLIENT_ID, "Teams CPE (no attendance permission)",
                List.of(new Scenario.Secret(PARTIAL_SECRET, Instant.parse("2028-01-01T00:00:00Z"))),
                List.of("OnlineMeetings.ReadWrite.All", "User.Read.All"), true,
                new Scenario.AccessPolicy(true, List.of())));
        GraphEmulatorResource.emulator().loadScenario(new Scenario(List.of(new Scenario.Tenant(tenant.id(),
                tenant.displayName(), apps, tenant.users(), tenant.meetings())), demo.graphPageSize(),
                demo.tokenLifetimeSeconds()));
    }

    @Test
    void aWorkingApplicationCredentialIsValid() {
        String id = ProviderFixtures.register(FIRM, DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID,
                DemoScenario.CLIENT_SECRET, "2028-01-01");
        validate(id, DemoScenario.ORGANIZER_ID)
                .body("status", equalTo("VALID"))
                .body("provider.status", equalTo("VALID"))
                .body("provider.lastValidatedAt", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aWrongSecretSaysToPasteTheSecretValue() {
        String id = ProviderFixtures.register(FIRM, DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID,
                "not-the-secret-value", null);
        validate(id, null).body("status", equalTo("INVALID")).body("code", equalTo("wrong-client-secret"))
                .body("fix[0]", containsString("Value (not its Secret ID)"));
    }

    @Test
    void anExpiredSecretAsMicrosoftReportsIt() {
        String id = ProviderFixtures.register(FIRM, DemoScenario.TENANT_ID, DemoScenario.EXPIRED_CLIENT_ID,
                DemoScenario.EXPIRED_CLIENT_SECRET, null);
        validate(id, null).body("status", equalTo("INVALID")).body("code", equalTo("client-secret-expired"));
    }

    @Test
    void anUnknownTenantAndAnUnknownClientAreNamed() {
        String tenant = ProviderFixtures.register(FIRM, "00000000-0000-4000-8000-000000000000",
                DemoScenario.CLIENT_ID, DemoScenario.CLIENT_SECRET, null);
        validate(tenant, null).body("code", equalTo("unknown-tenant"))
                .body("message", containsString("00000000-0000-4000-8000-000000000000"));
        String client = ProviderFixtures.register(FIRM, DemoScenario.TENANT_ID,
                "11111111-2222-4333-8444-555555555555", DemoScenario.CLIENT_SECRET, null);
        validate(client, null).body("code", equalTo("unknown-client-id"))
                .body("message", containsString("11111111-2222-4333-8444-555555555555"));
    }

    @Test
    void missingAdminConsentNeedsConsent() {
        String id = ProviderFixtures.register(FIRM, DemoScenario.TENANT_ID, DemoScenario.NO_CONSENT_CLIENT_ID,
                DemoScenario.NO_CONSENT_CLIENT_SECRET, null);
        validate(id, null).body("status", equalTo("NEEDS_CONSENT")).body("code", equalTo("admin-consent-missing"));
    }

    @Test
    void aMissingPermissionIsNamed() {
        String id = ProviderFixtures.register(FIRM, DemoScenario.TENANT_ID, PARTIAL_CLIENT_ID, PARTIAL_SECRET, null);
        validate(id, null).body("status", equalTo("INVALID")).body("code", equalTo("missing-permission"))
                .body("message", containsString("OnlineMeetingArtifact.Read.All"));
    }

    @Test
    void aMissingAccessPolicyPrintsThePowerShellWithThisClientId() {
        String id = ProviderFixtures.register(FIRM, DemoScenario.TENANT_ID, DemoScenario.NO_POLICY_CLIENT_ID,
                DemoScenario.NO_POLICY_CLIENT_SECRET, null);
        validate(id, DemoScenario.ORGANIZER_ID)
                .body("status", equalTo("INVALID")).body("code", equalTo("access-policy-missing"))
                .body("fix", hasItem(containsString("New-CsApplicationAccessPolicy -Identity TeamsCPE-Policy -AppIds \""
                        + DemoScenario.NO_POLICY_CLIENT_ID + "\"")))
                .body("fix", hasItems(containsString("Grant-CsApplicationAccessPolicy -PolicyName TeamsCPE-Policy -Global"),
                        containsString("@{Add=\"" + DemoScenario.NO_POLICY_CLIENT_ID + "\"}"),
                        containsString("30 minutes")));
    }

    @Test
    void aSecretExpiringWithin30DaysIsExpiringWithTheDate() {
        String soon = LocalDate.now().plusDays(10).toString();
        String id = ProviderFixtures.register(FIRM, DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID,
                DemoScenario.CLIENT_SECRET, soon);
        validate(id, null).body("status", equalTo("EXPIRING")).body("message", containsString(soon));
    }

    @Test
    void anotherFirmCannotValidate() {
        String id = ProviderFixtures.register(FIRM, DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID,
                DemoScenario.CLIENT_SECRET, null);
        given().auth().oauth2(Tokens.admin("firm-other")).contentType(ContentType.JSON).body(Map.of())
                .post("/api/providers/{id}/validate", id)
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static io.restassured.response.ValidatableResponse validate(String id, String organizerId) {
        Map<String, Object> body = organizerId == null ? Map.of() : Map.of("organizerId", organizerId);
        return given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON).body(body)
                .post("/api/providers/{id}/validate", id)
                .then().statusCode(200);
    }
}
