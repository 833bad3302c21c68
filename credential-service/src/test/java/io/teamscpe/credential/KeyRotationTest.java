package io.teamscpe.credential;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.teamscpe.credential.config.CredentialConfig;
import io.teamscpe.credential.crypto.SecretVault;
import io.teamscpe.credential.crypto.TestVaultConfig;
import io.teamscpe.devstack.quarkus.GraphEmulatorResource;
import io.teamscpe.devstack.quarkus.Tokens;
import io.teamscpe.emulator.DemoScenario;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Master key rotation: configured B current with A previous; secrets under A survive, rotation moves them to B. */
@QuarkusTest
class KeyRotationTest {
    static final String FIRM = "firm-rotation";

    @Inject
    AgroalDataSource db;
    @Inject
    CredentialConfig config;

    @BeforeEach
    void loadScenario() {
        GraphEmulatorResource.emulator().loadScenario(DemoScenario.build());
    }

    @Test
    void secretsUnderThePreviousKeyStayUsableAndRotationRewrapsThemAllToTheCurrentKey() throws SQLException {
        String keyA = config.previousMasterKeys().orElseThrow().get(0);
        SecretVault onlyA = new SecretVault(TestVaultConfig.of(keyA));
        SecretVault onlyB = new SecretVault(TestVaultConfig.of(config.masterKey()));
        String id = ProviderFixtures.register(FIRM, DemoScenario.TENANT_ID, DemoScenario.CLIENT_ID,
                DemoScenario.CLIENT_SECRET, null);
        plantUnder(onlyA, id);
        validate(id);

        given().auth().oauth2(Tokens.admin(FIRM)).post("/internal/keys/rotate").then().statusCode(403);
        given().auth().oauth2(operator()).post("/internal/keys/rotate")
                .then().statusCode(200)
                .body("currentKeyId", equalTo(onlyB.currentKeyId()))
                .body("secrets", greaterThanOrEqualTo(1))
                .body("remaining", equalTo(0));

        try (Connection c = db.getConnection()) {
            ResultSet left = c.createStatement().executeQuery("select count(*) from provider where master_key_id <> '"
                    + onlyB.currentKeyId() + "'");
            left.next();
            assertThat(left.getLong(1)).as("rows still under another key").isZero();
            PreparedStatement s = c.prepareStatement("select secret_ciphertext, secret_iv, dek_wrapped, dek_iv, "
                    + "master_key_id from provider where id = ?::uuid");
            s.setString(1, id);
            ResultSet rs = s.executeQuery();
            rs.next();
            SealedSecret row = new SealedSecret(rs.getBytes(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4),
                    rs.getString(5));
            assertThat(onlyB.open(row, FIRM, id)).as("readable once A is removed")
                    .isEqualTo(DemoScenario.CLIENT_SECRET);
        }
        validate(id);
        given().auth().oauth2(operator()).post("/internal/keys/rotate")
                .then().statusCode(200).body("secrets", equalTo(0)).body("remaining", equalTo(0));
    }

    private void plantUnder(SecretVault vault, String id) throws SQLException {
        SealedSecret sealed = vault.seal(DemoScenario.CLIENT_SECRET, FIRM, id);
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("update provider set secret_ciphertext = ?, secret_iv = ?, "
                     + "dek_wrapped = ?, dek_iv = ?, master_key_id = ? where id = ?::uuid")) {
            s.setBytes(1, sealed.ciphertext());
            s.setBytes(2, sealed.iv());
            s.setBytes(3, sealed.wrappedKey());
            s.setBytes(4, sealed.wrappedKeyIv());
            s.setString(5, sealed.masterKeyId());
            s.setString(6, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static void validate(String id) {
        given().auth().oauth2(Tokens.admin(FIRM)).contentType(ContentType.JSON).body(Map.of())
                .post("/api/providers/{id}/validate", id).then().log().ifValidationFails().statusCode(200).body("status", equalTo("VALID"));
    }

    private static String operator() {
        return Tokens.operator();
    }
}
