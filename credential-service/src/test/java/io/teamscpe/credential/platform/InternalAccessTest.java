package io.teamscpe.credential.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.teamscpe.devstack.quarkus.Tokens;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * /internal serves the suite's own clients only (platform RequestGuard + PlatformClients): a firm user's token with
 * every role is refused on every internal path, each client only reaches what its own role allows, and operator
 * actions are kept in operator_action.
 */
@QuarkusTest
class InternalAccessTest {
    static final String FIRM = "firm-internal";
    static final Map<String, Object> TOKEN_REQUEST = Map.of("firmId", FIRM,
            "providerId", "00000000-0000-0000-0000-000000000001");

    @Inject
    AgroalDataSource db;

    @Test
    void aFirmUserWithEveryRoleIsRefusedOnEveryInternalPath() {
        String mallory = Tokens.firmUserWithEveryRole(FIRM);
        given().auth().oauth2(mallory).contentType(ContentType.JSON).body(TOKEN_REQUEST)
                .post("/internal/tokens").then().statusCode(403)
                .body("type", equalTo("https://teamscpe.io/problems/internal-only"));
        given().auth().oauth2(mallory).post("/internal/keys/rotate").then().statusCode(403)
                .body("type", equalTo("https://teamscpe.io/problems/internal-only"));
        given().auth().oauth2(mallory).queryParam("firmId", FIRM).get("/internal/audit/sessions/{id}", "s-1")
                .then().statusCode(403).body("type", equalTo("https://teamscpe.io/problems/internal-only"));
    }

    @Test
    void withoutATokenInternalPathsAnswer401BeforeAnythingElse() {
        given().contentType(ContentType.TEXT).body("x").post("/internal/tokens").then().statusCode(401)
                .contentType("application/problem+json");
        given().get("/internal/no-such-path").then().statusCode(401);
    }

    @Test
    void eachPlatformClientReachesOnlyWhatItsOwnRoleAllows() {
        given().auth().oauth2(Tokens.service()).post("/internal/keys/rotate").then().statusCode(403)
                .body("type", equalTo("https://teamscpe.io/problems/forbidden"));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(TOKEN_REQUEST)
                .post("/internal/tokens").then().statusCode(403)
                .body("type", equalTo("https://teamscpe.io/problems/forbidden"));
        // the service client is let through to the broker, which then finds no such provider
        given().auth().oauth2(Tokens.service()).contentType(ContentType.JSON).body(TOKEN_REQUEST)
                .post("/internal/tokens").then().statusCode(404);
    }

    @Test
    void theSuitesClientsCannotActForAFirmOnThePublicApi() {
        given().auth().oauth2(Tokens.service()).get("/api/providers").then().statusCode(403);
        given().auth().oauth2(Tokens.operator()).get("/api/providers").then().statusCode(403);
    }

    @Test
    void keyRotationIsKeptInTheOperatorAuditTrail() throws SQLException {
        long before = rotations();
        given().auth().oauth2(Tokens.operator()).post("/internal/keys/rotate").then().statusCode(200);
        assertThat(rotations()).isEqualTo(before + 1);
        try (Connection c = db.getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "select operator, outcome from operator_action order by at desc limit 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("teamscpe-operator/teamscpe-operator");
            assertThat(rs.getString(2)).startsWith("current key ");
        }
    }

    private long rotations() throws SQLException {
        try (Connection c = db.getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "select count(*) from operator_action where action = 'keys.rotate'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
