package io.teamscpe.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.teamscpe.emulator.idp.IdpTokens;
import io.teamscpe.emulator.jwt.Jwt;
import io.teamscpe.emulator.jwt.JwtException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The firm's OIDC provider: discovery, JWKS, minted user tokens (audience, override) and the service and operator
 * clients' credentials grants.
 */
class FirmIdpTest {

    private static GraphEmulator emulator;
    private static String issuer;

    @BeforeAll
    static void start() {
        emulator = GraphEmulator.start(0, "s3cret:with/odd+chars");
        issuer = emulator.baseUrl() + "/teamscpe-idp/v2.0";
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void publishesAnOpenIdConfiguration() {
        JsonNode config = Http.get(issuer + "/.well-known/openid-configuration", null).json();

        assertThat(config.get("issuer").asText()).isEqualTo(issuer);
        assertThat(config.get("jwks_uri").asText()).isEqualTo(emulator.baseUrl() + "/teamscpe-idp/discovery/v2.0/keys");
        assertThat(config.get("token_endpoint").asText()).isEqualTo(emulator.baseUrl() + "/teamscpe-idp/oauth2/v2.0/token");
        assertThat(config.get("id_token_signing_alg_values_supported").toString()).isEqualTo("[\"RS256\"]");
        assertThat(config.get("token_endpoint_auth_methods_supported").toString())
                .contains("client_secret_basic", "client_secret_post");
        assertThat(config.has("authorization_endpoint")).isTrue();
        assertThat(config.has("response_types_supported")).isTrue();
        assertThat(config.has("subject_types_supported")).isTrue();
        assertThat(config.has("grant_types_supported")).isTrue();
    }

    @Test
    void mintedUserTokenVerifiesWithTheJwksKey() {
        String token = emulator.mintIdpToken("f1", "u1", "Ada Admin", "ada@firm.test", List.of("cpe-admin"));

        Map<String, Object> claims = Jwt.verify(token, jwksKey(), Instant.now());

        assertThat(claims).containsEntry("iss", issuer).containsEntry("sub", "u1").containsEntry("firm_id", "f1")
                .containsEntry("roles", List.of("cpe-admin")).containsEntry("preferred_username", "ada@firm.test")
                .containsEntry("email", "ada@firm.test").containsEntry("name", "Ada Admin")
                .containsEntry("aud", "teamscpe-api").containsKeys("iat", "exp", "jti")
                .doesNotContainKey("azp");
        assertThat(IdpTokens.AUDIENCE).isEqualTo("teamscpe-api").isEqualTo(GraphEmulator.IDP_AUDIENCE);
        assertThat(header(token)).containsEntry("alg", "RS256").containsEntry("kid", jwk().get("kid").asText());
    }

    @Test
    void controlEndpointMintsTheSameKindOfToken() {
        Http.Reply reply = Http.json("POST", emulator.baseUrl() + "/_emulator/idp/tokens",
                "{\"firmId\":\"f2\",\"subject\":\"p7\",\"name\":\"Pat Pro\",\"email\":\"pat@firm.test\","
                        + "\"roles\":[\"professional\"]}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(reply.json().get("expires_in").asInt()).isEqualTo(3600);
        Map<String, Object> claims = Jwt.verify(reply.json().get("access_token").asText(), jwksKey(), Instant.now());
        assertThat(claims).containsEntry("firm_id", "f2").containsEntry("roles", List.of("professional"))
                .containsEntry("aud", "teamscpe-api").doesNotContainKey("azp");
    }

    @Test
    void userTokensCanBeMintedForAnotherAudience() {
        String viaJava = emulator.mintIdpToken("f1", "u1", "Ada", "ada@firm.test", List.of("cpe-admin"), "other-api");
        Http.Reply viaControl = Http.json("POST", emulator.baseUrl() + "/_emulator/idp/tokens",
                "{\"firmId\":\"f1\",\"subject\":\"u1\",\"roles\":[\"cpe-admin\"],\"audience\":\"other-api\"}");
        String defaulted = emulator.mintIdpToken("f1", "u1", "Ada", "ada@firm.test", List.of("cpe-admin"), null);

        assertThat(Jwt.verify(viaJava, jwksKey(), Instant.now())).containsEntry("aud", "other-api");
        assertThat(viaControl.status()).isEqualTo(200);
        assertThat(Jwt.verify(viaControl.json().get("access_token").asText(), jwksKey(), Instant.now()))
                .containsEntry("aud", "other-api").containsEntry("firm_id", "f1");
        assertThat(Jwt.verify(defaulted, jwksKey(), Instant.now())).containsEntry("aud", "teamscpe-api");
    }

    @Test
    void operatorClientGetsAnOperatorTokenWithoutFirm() {
        Http.Reply reply = Http.form(tokenEndpoint(), "grant_type=client_credentials&client_id=teamscpe-operator"
                + "&client_secret=" + GraphEmulator.DEFAULT_OPERATOR_CLIENT_SECRET, null);

        assertThat(reply.status()).isEqualTo(200);
        Map<String, Object> claims = Jwt.verify(reply.json().get("access_token").asText(), jwksKey(), Instant.now());
        assertThat(claims).containsEntry("iss", issuer).containsEntry("sub", GraphEmulator.OPERATOR_CLIENT_ID)
                .containsEntry("azp", GraphEmulator.OPERATOR_CLIENT_ID).containsEntry("roles", List.of("cpe-operator"))
                .containsEntry("aud", "teamscpe-api").doesNotContainKey("firm_id");
    }

    @Test
    void eachClientNeedsItsOwnSecret() {
        Http.Reply operatorWithServiceSecret = Http.form(tokenEndpoint(), "grant_type=client_credentials"
                + "&client_id=teamscpe-operator&client_secret=s3cret%3Awith%2Fodd%2Bchars", null);
        Http.Reply serviceWithOperatorSecret = Http.form(tokenEndpoint(), "grant_type=client_credentials"
                + "&client_id=teamscpe-services&client_secret=" + GraphEmulator.DEFAULT_OPERATOR_CLIENT_SECRET, null);

        assertThat(operatorWithServiceSecret.status()).isEqualTo(401);
        assertThat(serviceWithOperatorSecret.status()).isEqualTo(401);
        try (GraphEmulator other = GraphEmulator.start(0, "svc", "ops")) {
            String endpoint = other.baseUrl() + "/teamscpe-idp/oauth2/v2.0/token";
            assertThat(Http.form(endpoint, "grant_type=client_credentials&client_id=teamscpe-operator"
                    + "&client_secret=ops", null).status()).isEqualTo(200);
            assertThat(Http.form(endpoint, "grant_type=client_credentials&client_id=teamscpe-operator&client_secret="
                    + GraphEmulator.DEFAULT_OPERATOR_CLIENT_SECRET, null).status()).isEqualTo(401);
            assertThat(Http.form(endpoint, "grant_type=client_credentials&client_id=teamscpe-services"
                    + "&client_secret=svc", null).status()).isEqualTo(200);
        }
    }

    @Test
    void serviceClientGetsATokenWithBasicOrPostAuthentication() {
        String basic = Base64.getEncoder().encodeToString(("teamscpe-services:"
                + "s3cret%3Awith%2Fodd%2Bchars").getBytes(StandardCharsets.UTF_8));
        Http.Reply viaBasic = Http.form(tokenEndpoint(), "grant_type=client_credentials", basic);
        Http.Reply viaPost = Http.form(tokenEndpoint(), "grant_type=client_credentials&client_id=teamscpe-services"
                + "&client_secret=s3cret%3Awith%2Fodd%2Bchars", null);

        for (Http.Reply reply : List.of(viaBasic, viaPost)) {
            assertThat(reply.status()).isEqualTo(200);
            Map<String, Object> claims = Jwt.verify(reply.json().get("access_token").asText(), jwksKey(), Instant.now());
            assertThat(claims).containsEntry("iss", issuer).containsEntry("sub", "teamscpe-services")
                    .containsEntry("azp", "teamscpe-services").containsEntry("roles", List.of("cpe-service"))
                    .containsEntry("aud", "teamscpe-api").containsKeys("iat", "exp", "jti")
                    .doesNotContainKey("firm_id");
        }
    }

    @Test
    void wrongServiceSecretIsRefused() {
        Http.Reply reply = Http.form(tokenEndpoint(), "grant_type=client_credentials&client_id=teamscpe-services"
                + "&client_secret=wrong", null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void aTokenFromAnotherEmulatorDoesNotVerify() {
        try (GraphEmulator other = GraphEmulator.start(0)) {
            String foreign = other.mintIdpToken("f1", "u1", "Ada", "ada@firm.test", List.of("cpe-admin"));
            assertThat(other.port()).isNotEqualTo(emulator.port());
            assertThatThrownBy(() -> Jwt.verify(foreign, jwksKey(), Instant.now()))
                    .isInstanceOf(JwtException.class).hasMessageContaining("Signature");
        }
    }

    private static String tokenEndpoint() {
        return emulator.baseUrl() + "/teamscpe-idp/oauth2/v2.0/token";
    }

    private static JsonNode jwk() {
        JsonNode keys = Http.get(emulator.baseUrl() + "/teamscpe-idp/discovery/v2.0/keys", null).json().get("keys");
        assertThat(keys).hasSize(1);
        JsonNode key = keys.get(0);
        assertThat(key.get("kty").asText()).isEqualTo("RSA");
        assertThat(key.get("use").asText()).isEqualTo("sig");
        assertThat(key.get("alg").asText()).isEqualTo("RS256");
        return key;
    }

    private static PublicKey jwksKey() {
        return TestKeys.rsaPublicKey(jwk());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> header(String token) {
        byte[] json = Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')));
        return io.teamscpe.emulator.json.Json.read(json, Map.class);
    }
}
