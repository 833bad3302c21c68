package io.teamscpe.credential;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.teamscpe.devstack.kafka.EventSchemas;
import io.teamscpe.devstack.kafka.KafkaProbe;
import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.devstack.quarkus.KafkaResource;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Delegated providers end to end: organizer sign-in (state + PKCE), broker tokens on /me, refresh, revocation. */
@QuarkusTest
class ConsentFlowTest {
    static final String FIRM = "firm-consent";
    static final String OUTCOME_PAGE = "https://lms.firm.test/teams/outcome";

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void loadScenario() {
        GraphEmulatorResource.emulator().loadScenario(DelegatedScenario.build());
    }

    @Test
    void validateAnswersWithTheMicrosoftSignInLink() {
        String id = register();
        given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON).body(Map.of())
                .post("/api/providers/{id}/validate", id)
                .then().statusCode(200)
                .body("status", equalTo("NEEDS_CONSENT")).body("code", equalTo("organizer-sign-in-required"))
                .body("authorizeUrlExpiresAt", org.hamcrest.Matchers.notNullValue());
        URI url = SignIn.authorizeUrl(FIRM, id);
        assertThat(url.getScheme() + "://" + url.getHost() + url.getPath()).isEqualTo(
                "https://login.microsoftonline.com/" + DemoScenario.TENANT_ID + "/oauth2/v2.0/authorize");
        Map<String, String> q = SignIn.query(url);
        assertThat(q).containsEntry("client_id", DelegatedScenario.CLIENT_ID)
                .containsEntry("response_type", "code")
                .containsEntry("redirect_uri", DelegatedScenario.REDIRECT_URI)
                .containsEntry("scope", "Calendars.ReadWrite offline_access OnlineMeetingArtifact.Read.All "
                        + "OnlineMeetings.ReadWrite User.Read openid")
                .containsEntry("code_challenge_method", "S256");
        assertThat(q.get("state")).hasSizeGreaterThan(30);
        assertThat(q.get("code_challenge")).hasSize(43);
        assertThat(SignIn.query(SignIn.authorizeUrl(FIRM, id)).get("state")).isNotEqualTo(q.get("state"));
    }

    @Test
    void theOrganizerSignsInAndTheBrokerActsForThemUntilTheGrantIsRevoked() {
        String id = register();
        Map<String, String> outcome = SignIn.outcome(SignIn.callback(
                SignIn.redirectFromMicrosoft(SignIn.authorizeUrl(FIRM, id))));
        assertThat(outcome).containsEntry("provider", id).containsEntry("outcome", "connected");

        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/providers/{id}", id)
                .then().statusCode(200).body("status", equalTo("VALID"))
                .body("organizer.id", equalTo(DemoScenario.ORGANIZER_ID))
                .body("organizer.userPrincipalName", equalTo(DemoScenario.ORGANIZER_UPN))
                .body("organizer.displayName", equalTo(DemoScenario.ORGANIZER_NAME));

        String first = brokerToken(id, null);
        assertThat(claims(first)).contains("\"oid\":\"" + DemoScenario.ORGANIZER_ID + "\"");
        String refreshed = brokerToken(id, DemoScenario.ORGANIZER_UPN);
        assertThat(refreshed).as("tokens shorter-lived than msal's margin are refreshed").isNotEqualTo(first);
        given().auth().oauth2(Tokens.service()).contentType(ContentType.JSON)
                .body(Map.of("firmId", FIRM, "providerId", id, "organizerId", colleague()))
                .post("/internal/tokens")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://teamscpe.io/problems/organizer-mismatch"))
                .body("detail", containsString(DemoScenario.ORGANIZER_UPN));

        assertThat(GraphEmulatorResource.emulator().revokeDelegatedGrants(DelegatedScenario.CLIENT_ID,
                DemoScenario.ORGANIZER_ID)).isPositive();
        given().auth().oauth2(Tokens.service()).contentType(ContentType.JSON)
                .body(Map.of("firmId", FIRM, "providerId", id)).post("/internal/tokens")
                .then().statusCode(409)
                .body("type", equalTo("https://teamscpe.io/problems/organizer-sign-in-required"))
                .body("reason", equalTo("organizer-sign-in-expired"))
                .body("detail", containsString("sign in again"));
        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/providers/{id}", id)
                .then().body("status", equalTo("NEEDS_CONSENT")).body("statusCode", equalTo("organizer-sign-in-expired"));

        List<ConsumerRecord<String, String>> validated = KafkaProbe.await(KafkaResource.server().bootstrapServers(),
                "cpe.credentials.v1", r -> id.equals(r.key())
                        && "io.teamscpe.credential.validated.v1".equals(KafkaProbe.header(r, "ce_type"))
                        && r.value().contains("organizer-sign-in-expired"), 1);
        assertThat(EventSchemas.validate("io.teamscpe.credential.validated.v1", validated.get(0).value())).isEmpty();

        Map<String, String> again = SignIn.outcome(SignIn.callback(
                SignIn.redirectFromMicrosoft(SignIn.authorizeUrl(FIRM, id))));
        assertThat(again).containsEntry("outcome", "connected");
        assertThat(brokerToken(id, null)).isNotBlank();
    }

    @Test
    void unknownMissingReplayedAndExpiredStatesAreRefusedWithoutAStackTrace() throws SQLException {
        assertThat(SignIn.outcome(SignIn.callback(URI.create(
                "/webcast_credential_proxy_in/MicrosoftTeamsUtility/?code=abc&state=forged-state"))))
                .containsEntry("outcome", "error").containsEntry("reason", "state-unknown").doesNotContainKey("provider");
        assertThat(SignIn.outcome(SignIn.callback(URI.create(
                "/webcast_credential_proxy_in/MicrosoftTeamsUtility/?code=abc"))))
                .containsEntry("reason", "state-missing");

        String id = register();
        URI redirect = SignIn.redirectFromMicrosoft(SignIn.authorizeUrl(FIRM, id));
        assertThat(SignIn.outcome(SignIn.callback(redirect))).containsEntry("outcome", "connected");
        var replay = SignIn.callback(redirect);
        assertThat(replay.header("Location")).startsWith(OUTCOME_PAGE);
        assertThat(SignIn.outcome(replay)).containsEntry("provider", id).containsEntry("reason", "state-replayed");
        assertThat(replay.asString()).doesNotContain("Exception").doesNotContain("at io.");

        String slow = register();
        URI late = SignIn.redirectFromMicrosoft(SignIn.authorizeUrl(FIRM, slow));
        try (Connection c = db.getConnection()) {
            c.createStatement().executeUpdate("update oauth_state set expires_at = now() - interval '1 minute' "
                    + "where provider_id = '" + slow + "' and used_at is null");
        }
        assertThat(SignIn.outcome(SignIn.callback(late))).containsEntry("reason", "state-expired");
    }

    @Test
    void aCodeFromAnotherSignInIsUselessWithoutItsPkceVerifier() {
        String id = register();
        URI ours = SignIn.authorizeUrl(FIRM, id);
        Map<String, String> oursQuery = SignIn.query(ours);
        // an attacker's own sign-in at Microsoft (their PKCE challenge), injected into our browser's callback
        String attackerUrl = ours.toString().replace(oursQuery.get("code_challenge"),
                "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        Map<String, String> attacker = SignIn.query(SignIn.redirectFromMicrosoft(URI.create(attackerUrl)));
        URI injected = URI.create("/webcast_credential_proxy_in/MicrosoftTeamsUtility/?code=" + attacker.get("code")
                + "&state=" + oursQuery.get("state"));
        assertThat(SignIn.outcome(SignIn.callback(injected))).containsEntry("outcome", "error")
                .containsEntry("reason", "pkce-mismatch");
        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/providers/{id}", id)
                .then().body("status", equalTo("NEEDS_CONSENT")).body("organizer", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void anAppRegistrationWithoutOurRedirectUriIsRefusedByMicrosoft() {
        String id = ProviderFixtures.registerDelegated(FIRM, DemoScenario.TENANT_ID,
                DelegatedScenario.MISREGISTERED_CLIENT_ID, DelegatedScenario.MISREGISTERED_SECRET);
        given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON).body(Map.of())
                .post("/api/providers/{id}/validate", id)
                .then().body("fix", org.hamcrest.Matchers.hasItem(containsString(DelegatedScenario.REDIRECT_URI)));
        HttpResponse<String> atMicrosoft = SignIn.atMicrosoft(SignIn.authorizeUrl(FIRM, id));
        assertThat(atMicrosoft.statusCode()).isEqualTo(400);
        assertThat(atMicrosoft.body()).contains("AADSTS50011").contains(DelegatedScenario.REDIRECT_URI);
    }

    @Test
    void theSignInAndTheOrganizerDirectoryAreForTheirOwnKindOnly() {
        String id = register();
        given().auth().oauth2(Tokens.admin(FIRM)).get("/api/providers/{id}/organizers", id)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://teamscpe.io/problems/delegated-has-no-directory"));
        given().auth().oauth2(Tokens.admin("firm-other")).contentType(ContentType.JSON).body(Map.of())
                .post("/api/providers/{id}/validate", id).then().statusCode(404);
    }

    private static String register() {
        return ProviderFixtures.registerDelegated(FIRM, DemoScenario.TENANT_ID, DelegatedScenario.CLIENT_ID,
                DelegatedScenario.SECRET);
    }

    private static String brokerToken(String id, String organizerId) {
        Map<String, Object> body = new HashMap<>(Map.of("firmId", FIRM, "providerId", id));
        if (organizerId != null) {
            body.put("organizerId", organizerId);
        }
        return given().auth().oauth2(Tokens.service()).contentType(ContentType.JSON).body(body)
                .post("/internal/tokens")
                .then().statusCode(200)
                .body("graphUserPath", equalTo("me"))
                .body("organizerId", equalTo(DemoScenario.ORGANIZER_ID))
                .body("providerType", equalTo("DELEGATED"))
                .extract().path("accessToken");
    }

    private static String colleague() {
        return DemoScenario.build().tenants().get(0).users().get(1).id();
    }

    private static String claims(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }
}
