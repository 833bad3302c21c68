package io.teamscpe.credential;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import io.teamscpe.emulator.Scenario;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The organizer directory of an application provider: Graph /users searched and paged through opaque tokens. */
@QuarkusTest
class OrganizerDirectoryTest {
    static final String FIRM = "firm-directory";
    static final String NO_DIRECTORY_CLIENT_ID = "3c5e7a9b-1d2f-4a6b-8c0d-4e6f8a0b2c4d";
    static final String NO_DIRECTORY_SECRET = "Nd33Q~no.user-read-all";
    static final int GRAPH_PAGE_SIZE = 2;

    @BeforeEach
    void loadScenario() {
        Scenario demo = DemoScenario.build();
        Scenario.Tenant tenant = demo.tenants().get(0);
        List<Scenario.App> apps = new ArrayList<>(tenant.apps());
        apps.add(new Scenario.App(NO_DIRECTORY_CLIENT_ID, "Teams CPE (no directory permission)",
                List.of(new Scenario.Secret(NO_DIRECTORY_SECRET, Instant.parse("2028-01-01T00:00:00Z"))),
                List.of("OnlineMeetings.ReadWrite.All", "OnlineMeetingArtifact.Read.All"), true,
                new Scenario.AccessPolicy(true, List.of())));
        GraphEmulatorResource.emulator().loadScenario(new Scenario(List.of(new Scenario.Tenant(tenant.id(),
                tenant.displayName(), apps, tenant.users(), tenant.meetings())), GRAPH_PAGE_SIZE,
                demo.tokenLifetimeSeconds()));
    }

    @Test
    void searchFindsTheOrganizerWithObjectIdAndUpn() {
        String id = register();
        given().auth().oauth2(Tokens.admin(FIRM)).queryParam("search", "whitaker")
                .get("/api/providers/{id}/organizers", id)
                .then().statusCode(200)
                .body("organizers.size()", equalTo(1))
                .body("organizers[0].id", equalTo(DemoScenario.ORGANIZER_ID))
                .body("organizers[0].displayName", equalTo(DemoScenario.ORGANIZER_NAME))
                .body("organizers[0].userPrincipalName", equalTo(DemoScenario.ORGANIZER_UPN))
                .body("organizers[0].mail", equalTo(DemoScenario.ORGANIZER_UPN));
    }

    @Test
    void pagesFollowGraphsNextLinkThroughOpaqueTokens() {
        String id = register();
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(Tokens.admin(FIRM));
            if (token != null) {
                request.queryParam("pageToken", token);
            }
            JsonPath page = request.get("/api/providers/{id}/organizers", id)
                    .then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("organizers.id"));
            token = page.getString("nextPageToken");
            if (token != null) {
                assertThat(token).doesNotContain("http").doesNotContain("skiptoken");
            }
            pages++;
        } while (token != null && pages < 10);
        int users = DemoScenario.build().tenants().get(0).users().size();
        assertThat(seen).hasSize(users).doesNotHaveDuplicates().contains(DemoScenario.ORGANIZER_ID);
        assertThat(pages).isEqualTo((users + GRAPH_PAGE_SIZE - 1) / GRAPH_PAGE_SIZE);
    }

    @Test
    void aForgedOrForeignPageTokenIsRefused() {
        String id = register();
        String other = register();
        String token = given().auth().oauth2(Tokens.admin(FIRM)).get("/api/providers/{id}/organizers", other)
                .then().statusCode(200).extract().path("nextPageToken");
        given().auth().oauth2(Tokens.admin(FIRM)).queryParam("pageToken", token)
                .get("/api/providers/{id}/organizers", id)
                .then().statusCode(400).body("type", equalTo("https://teamscpe.io/problems/invalid-page-token"));
        String elsewhere = Base64.getUrlEncoder().withoutPadding().encodeToString(
                (id + "|https://attacker.example/users?x=1").getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(Tokens.admin(FIRM)).queryParam("pageToken", elsewhere)
                .get("/api/providers/{id}/organizers", id)
                .then().statusCode(400).body("type", equalTo("https://teamscpe.io/problems/invalid-page-token"));
    }

    @Test
    void aMissingDirectoryPermissionIsNamed() {
        String id = ProviderFixtures.register(FIRM, DemoScenario.TENANT_ID, NO_DIRECTORY_CLIENT_ID,
                NO_DIRECTORY_SECRET, null);
        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/providers/{id}/organizers", id)
                .then().statusCode(424).contentType("application/problem+json")
                .body("type", equalTo("https://teamscpe.io/problems/missing-permission"))
                .body("detail", containsString("User.Read.All"))
                .body("permission", equalTo("User.Read.All"));
    }

    @Test
    void aWrongSecretIsExplainedAsInValidation() {
        String id = ProviderFixtures.register(FIRM, DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID,
                "not-the-secret", null);
        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/providers/{id}/organizers", id)
                .then().statusCode(424).body("reason", equalTo("wrong-client-secret"))
                .body("detail", containsString("Value (not its Secret ID)"));
        given().auth().oauth2(Tokens.admin("firm-else")).get("/api/providers/{id}/organizers", id)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/providers").then().body("id", hasItem(id));
    }

    private static String register() {
        return ProviderFixtures.register(FIRM, DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID,
                DemoScenario.CLIENT_SECRET, null);
    }
}
